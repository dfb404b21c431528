package dev.assay.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.Family;
import dev.assay.core.MetricResult;
import dev.assay.core.PiiMetrics;
import dev.assay.metrics.MetricCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/metrics.md read as data, and the metric names Assay's code can emit, so tests can check that
 * the one is complete for the other. The documented names are the first cells of the tables whose
 * header starts with "Metric" (a name per row, under the heading of its family); the concrete
 * {@code pii_<type>_*} names are documented anywhere on the page (the PII types table).
 */
public final class MetricReference {

  /** The metric reference, from the project's root (Maven's working directory). */
  public static final Path FILE = Path.of("docs/metrics.md");

  private static final Pattern NAME_CELL = Pattern.compile("^`([A-Za-z0-9_<>]+)`$");
  private static final Pattern BACKTICKED = Pattern.compile("`([A-Za-z0-9_]+)`");
  private static final Pattern METRIC_NAME = Pattern.compile("[a-z][a-zA-Z0-9_]*");

  /** One documented row: its family section, the name, and its cells by column header. */
  public record Row(Family family, String name, Map<String, String> cells) {}

  private final List<Row> rows;
  private final Set<String> backticked;

  private MetricReference(List<Row> rows, Set<String> backticked) {
    this.rows = List.copyOf(rows);
    this.backticked = backticked;
  }

  /** Reads docs/metrics.md. */
  public static MetricReference read() {
    try {
      return parse(Files.readString(FILE, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the page's text. */
  static MetricReference parse(String text) {
    List<Row> rows = new ArrayList<>();
    Family family = null;
    List<String> header = null;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("## ")) {
        family = Family.byId(line.substring(3).trim().toLowerCase(java.util.Locale.ROOT));
        header = null;
        continue;
      }
      if (!line.startsWith("|")) {
        header = null;
        continue;
      }
      List<String> cells = cells(line);
      if (header == null) {
        header = cells;
        continue;
      }
      if (cells.stream().allMatch(c -> c.matches("-+"))) {
        continue;
      }
      Matcher name = NAME_CELL.matcher(cells.get(0));
      if (family != null && "Metric".equals(header.get(0)) && name.matches()) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(header.size(), cells.size()); i++) {
          byColumn.put(header.get(i), cells.get(i));
        }
        rows.add(new Row(family, name.group(1), byColumn));
      }
    }
    Set<String> backticked = new TreeSet<>();
    Matcher m = BACKTICKED.matcher(text);
    while (m.find()) {
      backticked.add(m.group(1));
    }
    return new MetricReference(rows, backticked);
  }

  /** Splits a Markdown table row on unescaped pipes; cells trimmed. */
  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    String inner = line.trim();
    inner =
        inner.substring(
            1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().trim());
    return cells;
  }

  public List<Row> rows() {
    return rows;
  }

  /**
   * True when {@code family.metric} is documented: a row of its family's section, or, for a {@code
   * pii_*} name, the name anywhere on the page.
   */
  public boolean documents(Family family, String metric) {
    if (rows.stream().anyMatch(r -> r.family() == family && r.name().equals(metric))) {
      return true;
    }
    return metric.startsWith(PiiMetrics.PREFIX) && backticked.contains(metric);
  }

  /** The qualified names among {@code metrics} that the page does not document, sorted. */
  public Set<String> undocumented(Collection<MetricResult> metrics) {
    Set<String> missing = new TreeSet<>();
    for (MetricResult m : metrics) {
      if (!documents(m.key().family(), m.key().metric())) {
        missing.add(m.key().qualifiedName());
      }
    }
    return missing;
  }

  /** The qualified names of the metric rows of a results.json that the page does not document. */
  public Set<String> undocumented(Path resultsJson) {
    Set<String> missing = new TreeSet<>();
    try {
      for (JsonNode m : new ObjectMapper().readTree(resultsJson.toFile()).path("metrics")) {
        String familyId = m.path("family").asText();
        String metric = m.path("metric").asText();
        Family family = Family.byId(familyId);
        if (family == null || !documents(family, metric)) {
          missing.add(familyId + "." + metric);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return missing;
  }

  /**
   * Every metric name Assay's code can emit, qualified as {@code family.metric}: the catalogue
   * ({@link MetricCatalog}) and the names the analyzers build from their own enums and constants,
   * read by reflection so that a name added to an analyzer but not to the catalogue shows up too.
   */
  public static Set<String> emittable() {
    Set<String> names = new TreeSet<>();
    for (Family family : Family.values()) {
      MetricCatalog.of(family).forEach(d -> names.add(d.qualifiedName()));
    }
    names.addAll(builtByAnalyzers());
    return names;
  }

  /** The names the analyzers build, qualified. */
  static Set<String> builtByAnalyzers() {
    Set<String> names = new TreeSet<>();
    String fairness = "dev.assay.metrics.fairness.";
    for (String e :
        List.of(
            "GroupMetric",
            "Disparity",
            "ClarifyMetric",
            "ClassRate",
            "ClassDisparity",
            "RegressionMetric")) {
      enumIds(fairness + e, "id").forEach(n -> names.add("fairness." + n));
    }
    for (Object d : constants(fairness + "ClassDisparity")) {
      if ((Boolean) call(d, "hasWorstClass")) {
        names.add("fairness." + call(d, "worstId"));
      }
    }
    for (Object m : (List<?>) staticField(fairness + "RegressionAnalysis", "DIFFERENCES")) {
      names.add("fairness." + call(m, "differenceId"));
      names.add("fairness." + call(m, "id") + "_diff_vs_ref");
    }
    for (Object m : (List<?>) staticField(fairness + "RegressionReference", "RATIOS")) {
      names.add("fairness." + call(m, "id") + "_ratio_vs_ref");
    }
    for (Object rate : (List<?>) staticField(fairness + "AttributeResults", "REFERENCE_RATES")) {
      for (String comparison : List.of("ReferenceComparison", "OverallComparison")) {
        for (boolean difference : new boolean[] {true, false}) {
          names.add("fairness." + callStatic(fairness + comparison, "name", rate, difference));
        }
      }
    }
    constantNames(fairness, "StandardizedMeanDifference", "ConditionalDemographicDisparity")
        .forEach(n -> names.add("fairness." + n));

    String drift = "dev.assay.metrics.drift.";
    enumIds(drift + "BinnedDistance", "id").forEach(n -> names.add("drift." + n));
    constantNames(
            drift,
            "KolmogorovSmirnov",
            "ChiSquare",
            "Wasserstein",
            "ColumnDrift",
            "DriftAnalysis",
            "DomainClassifier")
        .forEach(n -> names.add("drift." + n));

    String privacy = "dev.assay.metrics.privacy.";
    enumIds(privacy + "ReidentificationMetric", "id").forEach(n -> names.add("privacy." + n));
    enumIds(privacy + "MembershipMetric", "id").forEach(n -> names.add("privacy." + n));
    enumIds(privacy + "PiiType", "countMetric").forEach(n -> names.add("privacy." + n));
    enumIds(privacy + "PiiType", "rateMetric").forEach(n -> names.add("privacy." + n));
    constantNames(privacy, "MemorizationAnalysis", "MembershipAttack")
        .forEach(n -> names.add("privacy." + n));

    String llm = "dev.assay.metrics.llm.";
    constantNames(
            llm,
            "LlmAnalysis",
            "LexicalSupport",
            "Rouge",
            "Bleu",
            "Chrf",
            "Squad",
            "Retrieval",
            "Usage",
            "judge.JudgeAnalysis")
        .forEach(n -> names.add("llm." + n));
    // the response scan: one rate per PII type, on the response column (LlmAnalysis.scans)
    enumIds(privacy + "PiiType", "rateMetric").forEach(n -> names.add("llm." + n));
    return names;
  }

  private static List<?> constants(String enumClass) {
    return List.of(load(enumClass).getEnumConstants());
  }

  private static List<String> enumIds(String enumClass, String method) {
    return constants(enumClass).stream().map(c -> (String) call(c, method)).toList();
  }

  /** The values of the static final String fields that look like metric names. */
  private static List<String> constantNames(String pkg, String... classes) {
    List<String> out = new ArrayList<>();
    for (String c : classes) {
      for (Field f : load(pkg + c).getDeclaredFields()) {
        if (f.getType() == String.class
            && Modifier.isStatic(f.getModifiers())
            && Modifier.isFinal(f.getModifiers())) {
          f.setAccessible(true);
          try {
            String value = (String) f.get(null);
            if (value != null && METRIC_NAME.matcher(value).matches()) {
              out.add(value);
            }
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return out;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "the metric reference test reads "
              + name
              + ", which is gone;"
              + " update MetricReference.builtByAnalyzers()",
          e);
    }
  }

  private static Object call(Object target, String method) {
    try {
      Method m = target.getClass().getDeclaredMethod(method);
      m.setAccessible(true);
      return m.invoke(target);
    } catch (NoSuchMethodException e) {
      try {
        Method m = target.getClass().getSuperclass().getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
      } catch (ReflectiveOperationException again) {
        throw new IllegalStateException(again);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object callStatic(
      String className, String method, Object rate, boolean difference) {
    try {
      for (Method m : load(className).getDeclaredMethods()) {
        if (m.getName().equals(method) && m.getParameterCount() == 2) {
          m.setAccessible(true);
          return m.invoke(null, rate, difference);
        }
      }
      throw new IllegalStateException(className + "." + method + "(rate, difference) is gone");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object staticField(String className, String field) {
    try {
      Field f = load(className).getDeclaredField(field);
      f.setAccessible(true);
      return f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
