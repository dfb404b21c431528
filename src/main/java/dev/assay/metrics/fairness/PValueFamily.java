package dev.assay.metrics.fairness;

import dev.assay.core.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Adjusts the p-values of one family of comparisons together with {@link PAdjust}: every computed
 * result that carries a {@code p_value} (still raw) gets the adjusted one, and its note's {@code
 * "raw p …"} is followed by the method, the family size and what the family is. The family is one
 * attribute's results ({@link AttributeResults}) or, with {@code fairness.p_adjust_scope: audit}
 * ({@link PAdjustScope#AUDIT}), every fairness result of the audit.
 */
final class PValueFamily {

  private PValueFamily() {}

  /**
   * {@code results} with their p-values adjusted as one family by {@code method}; {@code family}
   * names it in the notes (e.g. {@code "race (groups × metrics)"}).
   */
  static List<MetricResult> adjust(List<MetricResult> results, PAdjust method, String family) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) instanceof MetricResult.Computed m && m.pValue() != null) {
        at.add(i);
      }
    }
    double[] raw = new double[at.size()];
    for (int j = 0; j < raw.length; j++) {
      raw[j] = ((MetricResult.Computed) results.get(at.get(j))).pValue();
    }
    double[] adjusted = method.adjust(raw);
    List<MetricResult> out = new ArrayList<>(results);
    String how =
        method.description()
            + " over "
            + raw.length
            + " comparison"
            + (raw.length == 1 ? "" : "s")
            + " of "
            + family;
    for (int j = 0; j < raw.length; j++) {
      MetricResult.Computed m = (MetricResult.Computed) results.get(at.get(j));
      String note =
          m.note().replaceFirst("raw p ([^;,]*)", "raw p $1, " + Matcher.quoteReplacement(how));
      out.set(at.get(j), m.with(m.ciLow(), m.ciHigh(), adjusted[j], note));
    }
    return out;
  }
}
