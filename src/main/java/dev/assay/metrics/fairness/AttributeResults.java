package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.AnalysisContext.fmt;
import static dev.assay.metrics.fairness.AnalysisContext.join;
import static dev.assay.metrics.fairness.AnalysisContext.key;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of one attribute (or intersection): each group's {@link GroupResults}, the impact
 * ratios (of the favourable prediction, and with a score of the LL 144 {@link ScoringRate scoring
 * rate}) with their Katz intervals and p-values against the most favoured group (adjusted with the
 * attribute's other p-values by {@code fairness.p_adjust}, see {@link #adjustPValues}), the {@link
 * StandardizedMeanDifference} of the score, the between-group {@link Disparity} metrics with
 * Newcombe (difference) or Katz (ratio) intervals, {@code auc_difference}, and the {@code *_vs_ref}
 * metrics when a reference group is named; with {@code fairness.bootstrap} also the per-group
 * bootstrap intervals of {@link GroupBootstrap} (auc and the Clarify values).
 *
 * <p><b>Which groups count.</b> Groups smaller than {@code min_group_size} are reported with an
 * "insufficient data" note and left out of differences, ratios and the impact-ratio reference.
 * Groups under 2 % of all rows are disclosed in the notes (NYC Local Law 144); with {@code
 * fairness.exclude_below_share} set, groups below that share are also left out of the impact ratios
 * (their impact_ratio is undefined with the reason) and of the choice of the most favoured group,
 * as § 5-301 of the LL 144 rules allows.
 */
final class AttributeResults {

  /** The rates that get {@code *_diff_vs_ref} and {@code *_ratio_vs_ref} metrics. */
  static final List<Disparity.Rate> REFERENCE_RATES =
      List.of(Disparity.Rate.SELECTION, Disparity.Rate.TPR, Disparity.Rate.FPR);

  private final AnalysisContext c;
  private final String attribute;
  private final Map<String, ConfusionState> groups;
  private final Map<String, ScoreHistogram> histograms;
  private final BootstrapInterval boot;
  private final Map<String, ConfusionState> eligible = new LinkedHashMap<>();

  private AttributeResults(
      AnalysisContext c,
      String attribute,
      Map<String, ConfusionState> groups,
      Map<String, ScoreHistogram> histograms,
      BootstrapInterval boot) {
    this.c = c;
    this.attribute = attribute;
    this.groups = groups;
    this.histograms = histograms;
    this.boot = boot;
  }

  static List<MetricResult> of(
      AnalysisContext c,
      String attribute,
      Map<String, ConfusionState> groups,
      Map<String, ScoreHistogram> histograms,
      List<String> notes) {
    return of(c, attribute, groups, histograms, null, notes);
  }

  /** With {@code boot} (may be null), between-group metrics get bootstrap percentile intervals. */
  static List<MetricResult> of(
      AnalysisContext c,
      String attribute,
      Map<String, ConfusionState> groups,
      Map<String, ScoreHistogram> histograms,
      BootstrapInterval boot,
      List<String> notes) {
    return new AttributeResults(c, attribute, groups, histograms, boot).results(notes);
  }

  private List<MetricResult> results(List<String> notes) {
    FairnessInput in = c.in();
    List<MetricResult> out = new ArrayList<>();
    GroupSplit<ConfusionState> split =
        GroupSplit.of(
            groups, ConfusionState::n, in.groups().minGroupSize(), "differences and ratios");
    eligible.putAll(split.eligible());
    groups.forEach(
        (group, s) ->
            out.addAll(
                GroupResults.of(
                    c, Scope.group(attribute, group), s, histogram(group), split.note(s.n()))));
    split.addNote(attribute, notes);
    List<String> small = new ArrayList<>();
    groups.forEach(
        (group, s) -> {
          if (s.n() < FairnessInput.LL144_SHARE * c.totalRows()) {
            small.add(group + " (" + percent(s.n()) + ")");
          }
        });
    if (!small.isEmpty()) {
      notes.add(
          attribute
              + ": groups under 2 % of the data (NYC Local Law 144 disclosure): "
              + dev.assay.core.NameList.of(small)
              + (in.groups().excludeBelowShare() == null
                  ? "; kept in the impact ratios."
                  : "; groups under "
                      + percentOf(in.groups().excludeBelowShare())
                      + " are left out of the impact ratios."));
    }
    String exclusionNote = split.exclusion();
    if (in.hasPrediction()) {
      out.addAll(impactRatios());
    }
    if (in.score() != null) {
      if (in.histograms()) {
        out.addAll(scoringImpactRatios());
      }
      out.addAll(StandardizedMeanDifference.of(c, attribute, groups, eligible.keySet()));
    }
    for (Disparity d : Disparity.values()) {
      if (d.computable(c.hasLabel(), in.hasPrediction())) {
        out.add(disparity(d, exclusionNote));
      }
    }
    if (c.hasScoreAndLabel() && in.histograms()) {
      out.add(aucDifference(exclusionNote));
    }
    if (c.hasLabel() && in.hasPrediction()) {
      MetricKey k = key("between_group_generalized_entropy_index", Scope.attribute(attribute));
      double ge = GeneralizedEntropy.between(groups.values(), in.outcomes().favourableIsPositive());
      out.add(
          Double.isNaN(ge)
              ? new MetricResult.Undefined(
                  k,
                  null,
                  "between_group_generalized_entropy_index is undefined:"
                      + " the mean benefit is 0")
              : MetricResult.Computed.of(
                  k,
                  ge,
                  null,
                  "alpha 2, each row's benefit"
                      + " replaced by its group's mean; all groups, small ones included"));
    }
    out.addAll(clarify());
    String ref = in.groups().referenceGroups().get(attribute);
    if (ref != null) {
      out.addAll(ReferenceComparison.of(c, attribute, ref, groups));
    }
    out.addAll(OverallComparison.of(c, attribute, groups));
    return adjustPValues(
        boot == null ? out : GroupBootstrap.apply(c, attribute, groups, boot, out));
  }

  /**
   * Adjusts every p-value of the attribute together — one family across its groups and metrics (the
   * impact ratios against the most favoured group and every {@code *_diff_vs_ref}) — with {@code
   * fairness.p_adjust} ({@link PAdjust}: Holm by default, Benjamini–Hochberg, or none). The results
   * carry raw p-values until here; the note names the method and the family size. With {@code
   * fairness.p_adjust_scope: audit} they stay raw here and are adjusted across the whole audit
   * instead ({@link PValueFamily}, from {@link FairnessAnalysis}).
   */
  private List<MetricResult> adjustPValues(List<MetricResult> out) {
    if (c.in().inference().pAdjustScope() == PAdjustScope.AUDIT) {
      return out; // adjusted with every other attribute's in FairnessAnalysis (PValueFamily)
    }
    return PValueFamily.adjust(
        out, c.in().inference().pAdjust(), attribute + " (groups × metrics)");
  }

  /**
   * SageMaker Clarify's bias metrics ({@link ClarifyMetric}) of every group (facet d) against the
   * rest of the attribute (a = the sum of the other groups' states, small groups included). Groups
   * under min_group_size get the same "insufficient data" note as their other rows.
   */
  private List<MetricResult> clarify() {
    boolean fav = c.in().outcomes().favourableIsPositive();
    ClarifyMetric.Side all = new ClarifyMetric.Side(0, 0, 0, 0);
    for (ConfusionState s : groups.values()) {
      all = all.plus(ClarifyMetric.Side.of(s, fav));
    }
    List<MetricResult> out = new ArrayList<>();
    for (Map.Entry<String, ConfusionState> e : groups.entrySet()) {
      ConfusionState s = e.getValue();
      ClarifyMetric.Side d = ClarifyMetric.Side.of(s, fav);
      ClarifyMetric.Side a = all.minus(d);
      Scope scope = Scope.group(attribute, e.getKey());
      String note =
          s.n() < c.in().groups().minGroupSize()
              ? "insufficient data: "
                  + s.n()
                  + " rows < min_group_size "
                  + c.in().groups().minGroupSize()
              : null;
      String sides = "facet d = " + e.getKey() + " (n=" + d.n() + ") vs rest a (n=" + a.n() + ")";
      for (ClarifyMetric m : ClarifyMetric.values()) {
        if (!m.computable(c.hasLabel(), c.in().hasPrediction())) {
          continue;
        }
        ClarifyMetric.Value v = m.of(d, a);
        MetricKey k = key(m.id(), scope);
        out.add(
            v.defined()
                ? MetricResult.Computed.of(k, v.value(), s.n(), join(sides, note))
                : new MetricResult.Undefined(
                    k,
                    s.n(),
                    join(
                        m.id() + " is undefined: " + v.undefinedReason() + " (" + sides + ")",
                        note)));
      }
    }
    return out;
  }

  private ScoreHistogram histogram(String group) {
    return histograms.getOrDefault(group, ScoreHistogram.of(Map.of()));
  }

  private String percent(long n) {
    return String.format(Locale.ROOT, "%.2f %%", 100.0 * n / c.totalRows());
  }

  private static String percentOf(double share) {
    return String.format(
        Locale.ROOT,
        "%s %%",
        new java.math.BigDecimal(share * 100)
            .round(new java.math.MathContext(4))
            .stripTrailingZeros()
            .toPlainString());
  }

  /** Whether a group may serve in the impact ratios (large enough, and not excluded by share). */
  private boolean inImpactRatios(String group) {
    Double share = c.in().groups().excludeBelowShare();
    return share == null || groups.get(group).n() >= share * c.totalRows();
  }

  /** A group's count of favourable outcomes x out of n, for an impact ratio. */
  private record Outcomes(long x, long n) {
    double rate() {
      return n == 0 ? Double.NaN : (double) x / n;
    }
  }

  /**
   * impact_ratio: a group's favourable-prediction rate ÷ the highest such rate among the groups
   * large enough to count (NYC Local Law 144's impact ratio; EEOC's four-fifths comparison), with
   * the Katz interval of that ratio and, in {@code p_value}, the p-value of {@link
   * TwoProportionTest#pValue} (z-test, or Fisher's exact test when an expected count is below 5) of
   * the group's rate against the most favoured group's, adjusted by {@link #adjustPValues}.
   */
  private List<MetricResult> impactRatios() {
    boolean fav = c.in().outcomes().favourableIsPositive();
    return impactRatios(
        "impact_ratio",
        "favourable rate",
        g ->
            new Outcomes(
                Disparity.Rate.FAVOURABLE.numerator(groups.get(g), fav), groups.get(g).n()));
  }

  /**
   * scoring_impact_ratio: NYC Local Law 144's impact ratio for a tool that scores (6 RCNY §5-300,
   * §5-301(b)): a group's {@link ScoringRate scoring rate} ÷ the highest scoring rate among the
   * groups that count, with the same interval, test and eligibility as {@code impact_ratio}; x is
   * the group's rows above the sample median, n its scored rows.
   */
  private List<MetricResult> scoringImpactRatios() {
    ScoringRate.Median m = c.scoreMedian();
    if (m == null) {
      List<MetricResult> out = new ArrayList<>();
      groups.forEach(
          (g, s) ->
              out.add(
                  new MetricResult.Undefined(
                      key("scoring_impact_ratio", Scope.group(attribute, g)),
                      s.n(),
                      "scoring_impact_ratio is undefined: no scored row")));
      return out;
    }
    return impactRatios(
        "scoring_impact_ratio",
        "scoring rate",
        g -> new Outcomes(ScoringRate.above(histogram(g), m), histogram(g).rows()));
  }

  private List<MetricResult> impactRatios(
      String metric, String rateName, java.util.function.Function<String, Outcomes> outcomes) {
    String best = null;
    double max = Double.NaN;
    for (String g : eligible.keySet()) {
      double v = outcomes.apply(g).rate();
      if (inImpactRatios(g) && !Double.isNaN(v) && (best == null || v > max)) {
        best = g;
        max = v;
      }
    }
    List<MetricResult> out = new ArrayList<>();
    if (best == null || max == 0.0) {
      String why =
          best == null
              ? "no group has at least min_group_size rows and a defined " + rateName
              : "the highest " + rateName + " is 0";
      groups.forEach(
          (g, s) ->
              out.add(
                  new MetricResult.Undefined(
                      key(metric, Scope.group(attribute, g)),
                      s.n(),
                      metric + " is undefined: " + why)));
      return out;
    }
    Outcomes top = outcomes.apply(best);
    List<String> compared = new ArrayList<>();
    for (String g : groups.keySet()) {
      if (!g.equals(best) && inImpactRatios(g) && outcomes.apply(g).n() > 0) {
        compared.add(g);
      }
    }
    double[] raw = new double[compared.size()];
    for (int i = 0; i < raw.length; i++) {
      Outcomes o = outcomes.apply(compared.get(i));
      raw[i] = TwoProportionTest.pValue(o.x(), o.n(), top.x(), top.n());
    }
    for (Map.Entry<String, ConfusionState> e : groups.entrySet()) {
      String g = e.getKey();
      ConfusionState s = e.getValue();
      MetricKey k = key(metric, Scope.group(attribute, g));
      if (!inImpactRatios(g)) {
        out.add(
            new MetricResult.Undefined(
                k,
                s.n(),
                metric
                    + " is not computed: the group has "
                    + percent(s.n())
                    + " of the rows, under fairness.exclude_below_share "
                    + percentOf(c.in().groups().excludeBelowShare())
                    + " (NYC Local Law 144 allows excluding it)"));
        continue;
      }
      Outcomes o = outcomes.apply(g);
      if (o.n() == 0) {
        out.add(
            new MetricResult.Undefined(
                k,
                s.n(),
                metric
                    + " is undefined: the group's "
                    + rateName
                    + " is undefined (no row to rate)"));
        continue;
      }
      double v = o.rate() / max;
      String note = "relative to " + best + " (" + rateName + " " + fmt(max) + ")";
      if (!eligible.containsKey(g)) {
        note += "; insufficient data: fewer than min_group_size rows";
      }
      if (g.equals(best)) {
        out.add(MetricResult.Computed.of(k, v, o.n(), note));
        continue;
      }
      int i = compared.indexOf(g);
      Interval ci = KatzInterval.of(o.x(), o.n(), top.x(), top.n(), c.z());
      note +=
          "; "
              + c.level()
              + " Katz interval"
              + (ci == null ? " undefined: 0 favourable outcomes" : "")
              + "; p_value: "
              + TwoProportionTest.testName(o.x(), o.n(), top.x(), top.n())
              + " vs "
              + best
              + ", raw p "
              + pText(raw[i]);
      out.add(
          new MetricResult.Computed(
              k,
              v,
              o.n(),
              ci == null ? null : ci.low(),
              ci == null ? null : ci.high(),
              raw[i],
              note,
              null,
              null));
    }
    return out;
  }

  static String pText(double p) {
    return p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : fmt(p);
  }

  /**
   * A between-group metric with the interval of its extreme pair: Newcombe's interval of max − min
   * for a difference, Katz's of min ÷ max for a ratio (for equalized odds, those of the component
   * rate that attains the value). The pair is chosen from the data, so the interval is that of the
   * difference of these two groups, not a simultaneous interval over all groups.
   */
  private MetricResult disparity(Disparity d, String exclusionNote) {
    boolean fav = c.in().outcomes().favourableIsPositive();
    MetricKey k = new MetricKey(d.descriptor(), Scope.attribute(attribute));
    MetricResult chosen = null;
    for (Disparity.Rate rate : d.rates()) {
      String label = rate.label(fav);
      List<Map.Entry<String, Double>> values = new ArrayList<>();
      for (Map.Entry<String, ConfusionState> e : eligible.entrySet()) {
        double v = rate.value(e.getValue(), fav);
        if (!Double.isNaN(v)) {
          values.add(Map.entry(e.getKey(), v));
        }
      }
      if (values.size() < 2) {
        return new MetricResult.Undefined(
            k,
            null,
            join(
                d.id()
                    + " is undefined: it needs at least two"
                    + " groups with a defined "
                    + label
                    + " and at least min_group_size rows; found "
                    + values.size(),
                exclusionNote));
      }
      ExtremePair pair = ExtremePair.of(values);
      boolean ratio = d.kind() != Disparity.Kind.DIFFERENCE;
      if (ratio && pair.max().getValue() == 0.0) {
        return new MetricResult.Undefined(
            k,
            null,
            join(d.id() + " is undefined: every group has " + label + " 0", exclusionNote));
      }
      ConfusionState hi = eligible.get(pair.max().getKey());
      ConfusionState lo = eligible.get(pair.min().getKey());
      double value = pair.value(ratio);
      Interval ci =
          ExtremePair.interval(
              ratio,
              rate.numerator(hi, fav),
              rate.denominator(hi),
              rate.numerator(lo, fav),
              rate.denominator(lo),
              c.z());
      String note = pair.note(label, ExtremePair.method(ratio, c.level(), ci));
      if (ExtremePair.worse(ratio, value, chosen)) {
        chosen = pair.result(k, value, ci, join(note, exclusionNote));
      }
    }
    if (boot != null && chosen instanceof MetricResult.Computed p) {
      double[] values = boot.values(r -> d.value(boot.states(r, eligible.keySet()), fav));
      return withBootstrap(p, values);
    }
    return chosen;
  }

  /** {@code p} with the bootstrap percentile interval of {@code values} in place of its own. */
  private MetricResult withBootstrap(MetricResult.Computed p, double[] values) {
    Interval ci = BootstrapInterval.percentile(values, c.in().inference().confidence());
    String how = BootstrapInterval.describe(c.level(), values, boot.seed());
    String note = p.note().replaceAll("; [^;]*(Newcombe|Katz) interval[^;]*", "");
    return p.with(
        ci == null ? null : ci.low(),
        ci == null ? null : ci.high(),
        p.pValue(),
        join(
            note,
            "interval: "
                + how
                + (ci == null ? " undefined: fewer than two defined replicates" : "")));
  }

  /** max − min of the AUC over {@code names} with a defined AUC, or NaN with fewer than two. */
  private static double aucSpread(
      Iterable<String> names, java.util.function.Function<String, ScoreHistogram> h) {
    double hi = Double.NEGATIVE_INFINITY;
    double lo = Double.POSITIVE_INFINITY;
    int defined = 0;
    for (String g : names) {
      double auc = MannWhitneyAuc.auc(h.apply(g));
      if (!Double.isNaN(auc)) {
        defined++;
        hi = Math.max(hi, auc);
        lo = Math.min(lo, auc);
      }
    }
    return defined < 2 ? Double.NaN : hi - lo;
  }

  /**
   * auc_difference = max − min of the groups' {@code auc} over the groups with at least
   * min_group_size rows and a defined AUC (the AUC analogue of Fairlearn's {@code difference()}).
   * Range [0, 1], 0 is parity, lower is better; undefined with fewer than two such groups. An
   * interval only with {@code fairness.bootstrap} (the percentile interval of {@link
   * BootstrapInterval}).
   */
  private MetricResult aucDifference(String exclusionNote) {
    MetricKey k = key("auc_difference", Scope.attribute(attribute));
    String hiGroup = null;
    String loGroup = null;
    double hi = Double.NEGATIVE_INFINITY;
    double lo = Double.POSITIVE_INFINITY;
    int defined = 0;
    for (String g : eligible.keySet()) {
      double auc = MannWhitneyAuc.auc(histogram(g));
      if (Double.isNaN(auc)) {
        continue;
      }
      defined++;
      if (auc > hi) {
        hi = auc;
        hiGroup = g;
      }
      if (auc < lo) {
        lo = auc;
        loGroup = g;
      }
    }
    if (defined < 2) {
      return new MetricResult.Undefined(
          k,
          null,
          join(
              "auc_difference is undefined: it needs at least"
                  + " two groups with a defined auc and at least min_group_size rows; found "
                  + defined,
              exclusionNote));
    }
    MetricResult.Computed out =
        new MetricResult.Computed(
            k,
            hi - lo,
            null,
            null,
            null,
            null,
            join(
                "auc: highest "
                    + hiGroup
                    + " ("
                    + fmt(hi)
                    + "), lowest "
                    + loGroup
                    + " ("
                    + fmt(lo)
                    + ")",
                exclusionNote),
            hiGroup,
            loGroup);
    if (boot != null) {
      return withBootstrap(
          out, boot.values(r -> aucSpread(eligible.keySet(), g -> boot.histogram(r, g))));
    }
    return out;
  }
}
