package dev.assay.docs;

import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricLevel;
import dev.assay.metrics.MetricCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The metric tables of docs/metrics.md, generated from the catalog: each block between {@code <!--
 * BEGIN metric-table TOPIC ... -->} and {@code <!-- END metric-table -->} is the table of the
 * catalog's metrics of that topic, in declaration order. The prose around the blocks is written by
 * hand. {@link MetricDocsTest} fails when the committed page differs from {@link
 * #regenerate(String)} of itself and rewrites it with {@value #UPDATE_PROPERTY}.
 */
final class MetricDocs {

  /** Set this system property (to anything) to rewrite docs/metrics.md. */
  static final String UPDATE_PROPERTY = "metrics.doc.update";

  /** The command that rewrites docs/metrics.md from the catalog. */
  static final String COMMAND =
      "mvn -q -o test -Dtest=MetricDocsTest -D"
          + UPDATE_PROPERTY
          + "=true -Dsurefire.failIfNoSpecifiedTests=false";

  private static final Pattern BLOCK =
      Pattern.compile(
          "(<!-- BEGIN metric-table (\\S+) [^\\n]*-->\\n)(.*?)(<!-- END metric-table -->)",
          Pattern.DOTALL);

  private MetricDocs() {}

  /** The page with every generated block rewritten from the catalog. */
  static String regenerate(String page) {
    Matcher m = BLOCK.matcher(page);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String table = table(m.group(2));
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table + m.group(4)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The topics that have a generated block on the page. */
  static Set<String> topics(String page) {
    Set<String> topics = new LinkedHashSet<>();
    Matcher m = BLOCK.matcher(page);
    while (m.find()) {
      topics.add(m.group(2));
    }
    return topics;
  }

  /** The table of one topic's metrics (header, separator, a row each). */
  static String table(String topic) {
    List<String> lines = new ArrayList<>();
    lines.add("| Metric | Scope | What it measures | Range | Direction | Reference |");
    lines.add("| --- | --- | --- | --- | --- | --- |");
    for (MetricDescriptor d : MetricCatalog.all()) {
      if (d.topic().equals(topic)) {
        lines.add(
            "| `"
                + d.id()
                + "` | "
                + scope(d)
                + " | "
                + cell(d.formula())
                + " | "
                + d.range().text()
                + " | "
                + d.direction().words()
                + " | "
                + cell(d.citation())
                + " |");
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static String scope(MetricDescriptor d) {
    return d.levels().stream().map(MetricLevel::words).collect(Collectors.joining(", "));
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
