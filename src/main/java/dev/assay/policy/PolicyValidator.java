package dev.assay.policy;

import dev.assay.yaml.DocumentKind;
import dev.assay.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks rule packs and waivers files, for {@code assay rules validate PATH...}: reports every
 * problem in every file, each with {@code file:line} and rule id, rather than stopping at the
 * first. A directory stands for every {@code *.yaml} and {@code *.yml} file directly in it. A file
 * whose top-level key is {@code waivers} is checked as a waivers file; its rule ids are checked
 * against the packs given in the same call.
 */
public final class PolicyValidator {

  /**
   * Everything read from a list of paths: the packs and waivers files that were read, and the
   * problems.
   */
  record Checked(List<RulePack> packs, List<Waivers> waivers, List<Problem> problems) {}

  /** A rule pack or a waivers file: what {@code assay rules validate} and {@code rules:} take. */
  static final DocumentKind KIND =
      new DocumentKind(
          "rule pack",
          "a YAML mapping with `pack:` and" + " `rules:` (or `waivers:` for a waivers file)",
          List.of("pack", "rules", "waivers"));

  private PolicyValidator() {}

  /** Every problem in the files at {@code paths}, in file order; empty when all are valid. */
  public static List<Problem> validate(List<Path> paths) {
    return check(paths).problems();
  }

  static Checked check(List<Path> paths) {
    List<Problem> problems = new ArrayList<>();
    List<RulePack> packs = new ArrayList<>();
    List<Waivers> waivers = new ArrayList<>();
    Map<String, String> declared = new LinkedHashMap<>();
    for (Path file : files(paths, problems)) {
      String source = file.toString();
      YamlDocument document = YamlMapping.read(file, KIND, problems);
      YamlMapping root = document == null ? null : YamlMapping.root(document, problems);
      if (root == null) {
        continue;
      }
      int start = problems.size();
      if (root.has("waivers") && !root.has("pack")) {
        waivers.add(Waivers.read(root, problems));
        byLine(problems, start);
        continue;
      }
      RulePackReader.Reading reading = RulePackReader.read(root, problems);
      for (RulePackReader.Declared rule : reading.declared()) {
        String first = declared.putIfAbsent(rule.id(), source + ":" + rule.line());
        if (first != null) {
          problems.add(
              new Problem(
                  source,
                  rule.line(),
                  rule.id(),
                  "duplicate rule id '"
                      + rule.id()
                      + "', already defined at "
                      + first
                      + "; rule ids must be unique across all packs, "
                      + "so rename one of them"));
        }
      }
      byLine(problems, start);
      if (reading.pack() != null) {
        packs.add(reading.pack());
      }
    }
    if (!declared.isEmpty()) {
      for (Waivers file : waivers) {
        problems.addAll(file.unknownRules(declared.keySet()));
      }
    }
    return new Checked(packs, waivers, problems);
  }

  /**
   * Sorts the problems from index {@code first} on by line, keeping the order of those on one line.
   */
  static void byLine(List<Problem> problems, int first) {
    problems.subList(first, problems.size()).sort(Comparator.comparingInt(Problem::line));
  }

  /** The files {@code paths} stand for, each once, directories expanded (sorted by name). */
  static List<Path> files(List<Path> paths, List<Problem> problems) {
    List<Path> files = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        List<Path> inside;
        try (Stream<Path> listing = Files.list(path)) {
          inside = listing.filter(p -> Files.isRegularFile(p) && isYaml(p)).sorted().toList();
        } catch (IOException e) {
          problems.add(
              new Problem(
                  path.toString(), 0, null, "cannot list the directory: " + e.getMessage()));
          continue;
        }
        if (inside.isEmpty()) {
          problems.add(
              new Problem(
                  path.toString(),
                  0,
                  null,
                  "the directory has no *.yaml or *.yml "
                      + "files; give the folder that holds the rule packs"));
        }
        for (Path file : inside) {
          if (seen.add(file.toAbsolutePath().normalize())) {
            files.add(file);
          }
        }
      } else if (Files.isRegularFile(path)) {
        if (seen.add(path.toAbsolutePath().normalize())) {
          files.add(path);
        }
      } else if (Files.exists(path)) {
        problems.add(
            new Problem(
                path.toString(),
                0,
                null,
                "not a regular file (a device or pipe);"
                    + " give the path of a rule pack file or folder"));
      } else {
        problems.add(
            new Problem(path.toString(), 0, null, "no such file or directory; check the path"));
      }
    }
    return files;
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
