package dev.assay.metrics.fairness;

import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.AggregateState;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import dev.assay.spark.SinglePassRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The fairness family in one pass over the data: a {@link ConfusionState} per group of every
 * sensitive attribute and intersection (and of the whole data set), rolled up on the driver from
 * one aggregation over the finest cells ({@link SinglePassRunner}), then plain Java for the per-group rates and their intervals ({@link GroupResults}),
 * the impact ratios, significance tests and between-group disparities ({@link AttributeResults}),
 * and the reference-group comparisons ({@link ReferenceComparison}). The label and prediction
 * checks ride in the same job.
 *
 * <p>With a score, the score key floor(score · 10³) is one more cell column, and each
 * slice (and the whole data set) gets one more grouping: the slice's columns plus the key, whose
 * groups are the {@link ScoreHistogram} behind {@code auc} and the expected calibration error
 * (with a label) and the LL 144 {@code scoring_rate} ({@link ScoringRate}, whose sample median
 * comes from the whole data set's histogram on the driver). So
 * the family stays one pass, and its driver state grows with cells = distinct (sensitive values,
 * score key) combinations — at most combinations × 1,001 for a probability — never with rows
 * (bounded by {@link #MAX_CELLS}).
 *
 * <p>With {@code fairness.bootstrap: B}, B Poisson replicate weights per row
 * ({@link BootstrapWeights}, a hash of the row's content) are summed per cell in the same
 * aggregation ({@link BootstrapAggregate}, 4·B counts per cell), and every between-group metric
 * gets a percentile interval ({@link BootstrapInterval}) — still one pass.
 *
 * <p>Missing sensitive values form their own group, {@value #MISSING}, rather than being
 * dropped. Groups smaller than {@code min_group_size} are reported with a note and left out of
 * differences, ratios and the impact-ratio reference.
 */
public final class FairnessAnalysis {

  /** The group that holds rows whose sensitive value is missing. */
  public static final String MISSING = "(missing)";

  /**
   * A bound on the cells (distinct combinations of all sensitive columns, and of the score key
   * when there is a score) brought to the driver; more means an identifier was named
   * as sensitive, or a continuous score needs rounding.
   */
  public static final long MAX_CELLS = 1_000_000;

  private static final String SCORE_KEY = "__assay_score_key";
  private static final String SCORE_GROUPING = "\u0000score";
  /** The score key of rows without a score (no real score reaches it: |score| ≤ 9.2e15). */
  private static final long NO_SCORE = Long.MIN_VALUE;
  private static final String NO_SCORE_KEY = Long.toString(NO_SCORE);

  private FairnessAnalysis() {
  }

  /** Runs the family. */
  public static FairnessOutcome run(FairnessInput in) {
    List<String> columns = in.slices().stream().flatMap(s -> s.columns().stream()).distinct().toList();
    Dataset<Row> data = in.data();
    for (int i = 0; i < columns.size(); i++) {
      data = data.withColumn(groupColumn(i), functions.coalesce(
          Columns.named(columns.get(i)).cast("string"), functions.lit(MISSING)));
    }
    Column label = in.label() == null ? functions.lit(null).cast("int") : in.label().asInt();
    Column score = in.score() == null ? functions.lit(null).cast("double")
        : FiniteNumbers.of(Columns.named(in.score()));
    Column prediction = in.prediction() != null ? in.prediction().asInt()
        : in.threshold() != null ? functions.when(score.geq(in.threshold()), 1).when(score.isNotNull(), 0)
        : functions.lit(null).cast("int");
    // The score-key histograms serve auc and calibration (with a label) and the LL 144 scoring
    // rate (score alone).
    boolean histograms = in.histograms();
    if (histograms) {
      // + 1e-9: 0.123 * 1000 is 122.99999999999999 in binary floating point; without the nudge a
      // score with three decimals could share a key with its neighbour and AUC would not be exact.
      // A long, not a string: a string key made the (sensitive values × score key) cells about
      // 15 % dearer to aggregate at 10M rows (docs/fairness.md, "The 1.5× target").
      data = data.withColumn(SCORE_KEY, functions.coalesce(functions.floor(
          score.multiply(ScoreHistogram.RESOLUTION).plus(1e-9)), functions.lit(NO_SCORE)));
    }

    ConditionalDemographicDisparity cdd = null;
    if (in.strata() != null) {
      cdd = new ConditionalDemographicDisparity(in.strata());
      data = ConditionalDemographicDisparity.withStratum(data, in.strata());
    }
    List<Grouping> groupings = new ArrayList<>();
    for (Slice slice : in.slices()) {
      groupings.add(new Grouping(slice.name(),
          slice.columns().stream().map(c -> groupColumn(columns.indexOf(c))).toList()));
    }
    groupings.add(Grouping.whole(""));
    if (histograms) {
      for (Slice slice : in.slices()) {
        List<String> cols = new ArrayList<>(slice.columns().stream()
            .map(c -> groupColumn(columns.indexOf(c))).toList());
        cols.add(SCORE_KEY);
        groupings.add(new Grouping(slice.name() + SCORE_GROUPING, cols));
      }
      groupings.add(new Grouping(SCORE_GROUPING, List.of(SCORE_KEY)));
    }
    if (cdd != null) {
      groupings.addAll(ConditionalDemographicDisparity.groupings(in.slices(), c -> groupColumn(columns.indexOf(c))));
    }

    List<AggregateState<?>> states = new ArrayList<>();
    states.add(new ConfusionAggregate(label, prediction, score));
    if (in.label() != null) {
      states.add(in.label());
    }
    if (in.prediction() != null) {
      states.add(in.prediction());
    }
    if (in.favourablePrediction() != null) {
      states.add(in.favourablePrediction());
    }
    int bootIndex = -1;
    if (in.bootstrap() > 0) {
      data = BootstrapWeights.add(data, in.data(), in.bootstrap(), in.bootstrapSeed());
      bootIndex = states.size();
      states.add(new BootstrapAggregate(label, prediction, in.bootstrap()));
    }
    int nonFiniteIndex = -1;
    if (in.score() != null) {
      nonFiniteIndex = states.size();
      states.add(new FiniteNumbers.Count(Columns.named(in.score())));
    }
    Map<String, String> otherNames = new HashMap<>();
    otherNames.put(SCORE_KEY, "the score key of '" + in.score() + "'");
    if (in.strata() != null) {
      otherNames.put(ConditionalDemographicDisparity.COLUMN, in.strata());
    }
    List<GroupedStates> rows = SinglePassRunner.run(data, groupings, states,
        GroupLimit.of(in.slices(), columns, in.maxGroups(), otherNames));

    // Empty input gives no cell at all, so no row for the whole data set either.
    GroupedStates whole = rows.stream().filter(r -> r.grouping().columns().isEmpty()).findFirst()
        .orElseThrow(() -> new BadInputException("the current data set has no rows: there is nothing"
            + " to audit. Check data.current's path and filters."));
    checkWholeDataSet(in, whole);
    ConfusionState all = whole.state(0);

    Map<String, Map<String, ConfusionState>> groupStates = new HashMap<>();
    Map<String, Map<String, Map<Long, ConfusionState>>> keyStates = new HashMap<>();
    Map<String, Map<String, BootstrapState>> bootGroups = new HashMap<>();
    Map<String, java.util.Set<List<String>>> observedKeys = new HashMap<>();
    Map<String, Map<String, Map<Long, BootstrapState>>> bootKeys = new HashMap<>();
    for (GroupedStates row : rows) {
      String name = row.grouping().name();
      if (cdd != null && cdd.take(row)) {
        continue;
      }
      if (name.endsWith(SCORE_GROUPING)) {
        List<String> key = row.key();
        String scoreKey = key.get(key.size() - 1);
        if (!scoreKey.equals(NO_SCORE_KEY)) {
          String slice = name.substring(0, name.length() - SCORE_GROUPING.length());
          String group = String.join(Scope.INTERSECTION_SEPARATOR, key.subList(0, key.size() - 1));
          keyStates.computeIfAbsent(slice, k -> new HashMap<>()).computeIfAbsent(group, k -> new TreeMap<>())
              .put(Long.parseLong(scoreKey), row.state(0));
          if (bootIndex >= 0) {
            bootKeys.computeIfAbsent(slice, k -> new HashMap<>()).computeIfAbsent(group, k -> new TreeMap<>())
                .put(Long.parseLong(scoreKey), row.state(bootIndex));
          }
        }
      } else if (!row.grouping().columns().isEmpty()) {
        observedKeys.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(row.key());
        String group = String.join(Scope.INTERSECTION_SEPARATOR, row.key());
        groupStates.computeIfAbsent(name, k -> new TreeMap<>()).put(group, row.state(0));
        if (bootIndex >= 0) {
          bootGroups.computeIfAbsent(name, k -> new TreeMap<>()).put(group, row.state(bootIndex));
        }
      }
    }

    ScoreHistogram wholeHistogram = histogram(keyStates, "", "");
    AnalysisContext context = new AnalysisContext(in, WilsonInterval.z(in.confidence()), all.n(),
        all.scoresAreProbabilities(), histograms ? ScoringRate.median(wholeHistogram) : null);
    List<MetricResult> metrics = new ArrayList<>(GroupResults.of(context, Scope.DATASET, all,
        wholeHistogram, null));
    List<String> notes = new ArrayList<>();
    if (nonFiniteIndex >= 0) {
      String note = FiniteNumbers.note("fairness", "score", in.score(), whole.<Long>state(nonFiniteIndex));
      if (note != null) {
        notes.add(note);
      }
    }
    if (in.score() != null && !histograms) {
      notes.add("auc, auc_difference, expected_calibration_error, scoring_rate and"
          + " scoring_impact_ratio are not computed: fairness.score_metrics is false (the score-key"
          + " histograms they need were skipped, which saves about a third of the family's time on large data).");
    }
    if (context.hasScoreAndLabel() && !context.probabilityScores()) {
      notes.add("brier_score and expected_calibration_error are not computed: score '" + in.score()
          + "' is not a probability (its values range from " + all.scoreMin() + " to "
          + all.scoreMax() + ", outside [0, 1]).");
    }
    for (Slice slice : in.slices()) {
      Map<String, ConfusionState> groups = groupStates.getOrDefault(slice.name(), new TreeMap<>());
      Map<String, ScoreHistogram> hists = new HashMap<>();
      groups.keySet().forEach(g -> hists.put(g, histogram(keyStates, slice.name(), g)));
      BootstrapInterval boot = bootIndex < 0 ? null : new BootstrapInterval(
          bootGroups.getOrDefault(slice.name(), Map.of()), bootKeys.getOrDefault(slice.name(), Map.of()),
          in.bootstrapSeed());
      metrics.addAll(AttributeResults.of(context, slice.name(), groups, hists, boot, notes));
      if (cdd != null) {
        metrics.addAll(cdd.results(context, slice.name()));
      }
    }
    if (in.pAdjustScope() == PAdjustScope.AUDIT) {
      List<MetricResult> adjusted = PValueFamily.adjust(metrics, in.pAdjust(), "the audit (every attribute and intersection; groups × metrics)");
      metrics.clear();
      metrics.addAll(adjusted);
    }
    for (Slice slice : in.slices()) {
      if (slice.columns().size() > 1) {
        metrics.add(SliceSurvey.emptyCells(slice.name(), slice.columns().size(),
            observedKeys.getOrDefault(slice.name(), java.util.Set.of()), notes));
      }
    }
    if (in.topK() > 0) {
      metrics.addAll(SliceSurvey.worst(context, groupStates, in.topK(), GroupMetric.byId(in.topKBy()), notes));
    }
    return new FairnessOutcome(metrics, notes);
  }

  private static ScoreHistogram histogram(Map<String, Map<String, Map<Long, ConfusionState>>> keyStates,
                                          String slice, String group) {
    return ScoreHistogram.of(keyStates.getOrDefault(slice, Map.of()).getOrDefault(group, Map.of()));
  }

  private static String groupColumn(int i) {
    return GroupLimit.groupColumn(i);
  }

  /**
   * With a favourable value other than the positive one, the prediction's one other value must be
   * that value; when predictions other than the positive exist but none equals it, the spec names a
   * value the data does not hold.
   */
  private static void checkFavourable(FairnessInput in, BinaryColumn.Values predictions,
                                      BinaryColumn.Values favourable) {
    if (predictions.otherHashMin() != null && favourable.positives() == 0) {
      BinaryColumn f = in.favourablePrediction();
      throw new BadInputException(f.source() + ": columns.favourable is '" + f.positive()
          + "' but prediction column '" + f.name() + "' never holds it (besides the positive value '"
          + in.prediction().positive() + "' it holds one other value). Set columns.favourable to"
          + " the prediction value that benefits the person.");
    }
  }

  private static void checkWholeDataSet(FairnessInput in, GroupedStates row) {
    ConfusionState all = row.state(0);
    int next = 1;
    if (in.label() != null) {
      in.label().check(row.state(next++), in.data());
    }
    if (in.prediction() != null) {
      BinaryColumn.Values predictions = row.state(next++);
      in.prediction().check(predictions, in.data());
      if (in.favourablePrediction() != null) {
        checkFavourable(in, predictions, row.state(next));
      }
    } else if (in.threshold() != null && all.scoreCount() < all.n()) {
      throw new BadInputException("score column '" + in.score() + "' is empty on "
          + (all.n() - all.scoreCount()) + " rows (null, NaN or ±Infinity), so prediction := score >= threshold is undefined"
          + " there. Drop or fill those rows, or name a prediction column.");
    }
  }
}
