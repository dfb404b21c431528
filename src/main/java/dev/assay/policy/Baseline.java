package dev.assay.policy;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An earlier run's results.json ({@code --baseline}), to compare this run with: each rule verdict
 * whose metric and scope the baseline also measured shows the earlier value and the change, and a
 * run note says how many metrics could be compared. Only computed values are kept; undefined
 * metrics of the baseline have nothing to compare.
 *
 * @param source the file, for messages
 * @param values the baseline's computed metric values by key
 */
public record Baseline(String source, Map<MetricKey, Double> values) {

  public Baseline {
    values = Map.copyOf(values);
  }

  /**
   * Reads a results.json of schema {@code assay.results/1}, strictly ({@link BaselineFile}).
   *
   * @throws BadInputException naming the file (and the field) when it cannot be read or is not such
   *     a file
   */
  public static Baseline load(Path file) {
    return new Baseline(file.toString(), BaselineFile.values(file));
  }

  /** The verdicts, with the baseline value and the change appended to the message where known. */
  public List<Verdict> annotate(List<Verdict> verdicts) {
    List<Verdict> out = new ArrayList<>();
    for (Verdict v : verdicts) {
      Double before = valueFor(v.metric(), v.scope());
      if (before == null || v.observed() == null) {
        out.add(v);
        continue;
      }
      String message =
          v.message()
              + String.format(
                  Locale.ROOT, " (baseline %.4f, change %+.4f)", before, v.observed() - before);
      out.add(v.withMessage(message));
    }
    return out;
  }

  /** A run note: how many of this run's metrics the baseline measured, and how many changed. */
  public String summary(List<MetricResult> metrics) {
    int matched = 0;
    int changed = 0;
    for (MetricResult m : metrics) {
      Double before = values.get(m.key());
      if (before != null && m.number().isPresent()) {
        matched++;
        if (Math.abs(m.number().getAsDouble() - before) > 1e-12) {
          changed++;
        }
      }
    }
    return "compared with the baseline "
        + source
        + ": "
        + matched
        + " of "
        + metrics.size()
        + " metrics were measured in both runs; "
        + changed
        + " changed";
  }

  private Double valueFor(String qualifiedMetric, Scope scope) {
    return MetricCatalog.find(qualifiedMetric)
        .map(d -> values.get(new MetricKey(d, scope)))
        .orElse(null);
  }
}
