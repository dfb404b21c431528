package dev.assay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the dependency table of docs/architecture.md by reading the import lines under
 * src/main/java: data flows one way, and policy, report and spec never touch Spark, so their tests
 * run in milliseconds.
 */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/dev/assay");
  private static final Pattern IMPORT =
      Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
  private static final List<String> SPARK =
      List.of("org.apache.spark", "org.apache.hadoop", "scala.");

  /** Per package: the import prefixes it must never use. */
  private static final Map<String, List<String>> FORBIDDEN =
      Map.of(
          "core", List.of("dev.assay.", "org.", "com.", "scala.", "picocli."),
          "yaml",
              List.of(
                  "dev.assay.spec",
                  "dev.assay.policy",
                  "dev.assay.metrics",
                  "dev.assay.report",
                  "org.apache.spark"),
          "spec",
              concat(
                  SPARK,
                  List.of(
                      "dev.assay.metrics",
                      "dev.assay.policy",
                      "dev.assay.report",
                      "dev.assay.publish",
                      "dev.assay.cli",
                      "dev.assay.io",
                      "dev.assay.spark")),
          "spark",
              List.of(
                  "dev.assay.metrics",
                  "dev.assay.policy",
                  "dev.assay.report",
                  "dev.assay.publish",
                  "dev.assay.cli",
                  "dev.assay.io"),
          "io",
              List.of(
                  "dev.assay.metrics",
                  "dev.assay.policy",
                  "dev.assay.report",
                  "dev.assay.publish",
                  "dev.assay.cli"),
          "metrics",
              List.of(
                  "dev.assay.policy",
                  "dev.assay.report",
                  "dev.assay.publish",
                  "dev.assay.cli",
                  "dev.assay.io"),
          "policy",
              concat(
                  SPARK,
                  List.of(
                      "dev.assay.metrics",
                      "dev.assay.report",
                      "dev.assay.publish",
                      "dev.assay.cli",
                      "dev.assay.spark",
                      "dev.assay.io")),
          "report",
              concat(
                  SPARK,
                  List.of(
                      "dev.assay.metrics",
                      "dev.assay.publish",
                      "dev.assay.cli",
                      "dev.assay.spark",
                      "dev.assay.io")),
          "publish",
              concat(
                  SPARK,
                  List.of(
                      "dev.assay.metrics",
                      "dev.assay.policy",
                      "dev.assay.cli",
                      "dev.assay.spark",
                      "dev.assay.io")),
          "demo",
              List.of(
                  "dev.assay.metrics",
                  "dev.assay.policy",
                  "dev.assay.report",
                  "dev.assay.publish",
                  "dev.assay.cli"));

  /**
   * Per package: imports allowed despite {@link #FORBIDDEN}. The report and the rule validator read
   * metric knowledge (definitions, directions, wordings, names) from the metric catalog, and from
   * nothing else of the metrics package.
   */
  private static final Map<String, List<String>> ALLOWED =
      Map.of(
          "policy", List.of("dev.assay.metrics.MetricCatalog"),
          "report", List.of("dev.assay.metrics.MetricCatalog"));

  /** The catalog and the families' declarations, which policy and report load: no Spark. */
  private static final Pattern CATALOG_FILE =
      Pattern.compile("metrics/(MetricCatalog|\\w+/\\w+Metrics)\\.java");

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void importsFollowTheDependencyTable() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path rel = MAIN.relativize(file);
        if (rel.getNameCount() < 2) {
          continue; // Audit.java and Version.java: the composition root may use everything
        }
        String pkg = rel.getName(0).toString();
        String family =
            pkg.equals("metrics") && rel.getNameCount() > 2 ? rel.getName(1).toString() : null;
        String text = Files.readString(file);
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
          String imported = m.group(2);
          if (ALLOWED.getOrDefault(pkg, List.of()).contains(imported)) {
            continue;
          }
          if (CATALOG_FILE.matcher(rel.toString().replace('\\', '/')).matches()
              && SPARK.stream().anyMatch(imported::startsWith)) {
            violations.add(rel + " (the metric catalog) imports " + imported);
          }
          for (String bad : FORBIDDEN.getOrDefault(pkg, List.of())) {
            if (imported.startsWith(bad)) {
              violations.add(rel + " imports " + imported);
            }
          }
          if (family != null
              && imported.startsWith("dev.assay.metrics.")
              && !imported.startsWith("dev.assay.metrics." + family + ".")
              && imported.substring("dev.assay.metrics.".length()).contains(".")
              && Character.isLowerCase(imported.charAt("dev.assay.metrics.".length()))) {
            violations.add(rel + " (family " + family + ") imports another family: " + imported);
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void onlyTheCliCallsSystemExit() throws IOException {
    List<String> callers = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (Files.readString(file).contains("System.exit(")
            && !MAIN.relativize(file).startsWith("cli")) {
          callers.add(MAIN.relativize(file).toString());
        }
      }
    }
    assertEquals(List.of(), callers);
  }
}
