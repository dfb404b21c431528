package dev.assay.metrics.fairness;

import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.Chunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fairness family in one pass over the data: a {@link ConfusionState} per group of every
 * sensitive attribute and intersection (and of the whole data set), rolled up on the driver from
 * one aggregation over the finest cells ({@link dev.assay.spark.SinglePassRunner}), then plain Java
 * for the per-group rates and their intervals ({@link GroupResults}), the impact ratios,
 * significance tests and between-group disparities ({@link AttributeResults}), and the
 * reference-group comparisons ({@link ReferenceComparison}). The label and prediction checks ride
 * in the same job.
 *
 * <p>With a score, the score key floor(score · 10³) is one more cell column, and each slice (and
 * the whole data set) gets one more grouping: the slice's columns plus the key, whose groups are
 * the {@link ScoreHistogram} behind {@code auc} and the expected calibration error (with a label)
 * and the LL 144 {@code scoring_rate} ({@link ScoringRate}, whose sample median comes from the
 * whole data set's histogram on the driver). So the family stays one pass, and its driver state
 * grows with cells = distinct (sensitive values, score key) combinations — at most combinations ×
 * 1,001 for a probability — never with rows (bounded by {@link #MAX_CELLS}).
 *
 * <p>With {@code fairness.bootstrap: B}, B Poisson replicate weights per row ({@link
 * BootstrapWeights}, a hash of the row's content) are summed per cell in the same aggregation
 * ({@link BootstrapAggregate}, 4·B counts per cell), and every between-group metric gets a
 * percentile interval ({@link BootstrapInterval}) — still one pass.
 *
 * <p>Missing sensitive values form their own group, {@value #MISSING}, rather than being dropped.
 * Groups smaller than {@code min_group_size} are reported with a note and left out of differences,
 * ratios and the impact-ratio reference.
 *
 * <p>The stages: {@link FairnessJob} plans the cell columns, groupings and states and runs the job;
 * {@link FairnessCells} sorts its rows by each grouping's role; this class turns them into metrics
 * and notes.
 */
public final class FairnessAnalysis {

  /** The group that holds rows whose sensitive value is missing. */
  public static final String MISSING = "(missing)";

  /**
   * A bound on the cells (distinct combinations of all sensitive columns, and of the score key when
   * there is a score) brought to the driver; more means an identifier was named as sensitive, or a
   * continuous score needs rounding.
   */
  public static final long MAX_CELLS = 1_000_000;

  private FairnessAnalysis() {}

  /** Runs the family: plans the one job, runs it, then computes every metric on the driver. */
  public static FairnessOutcome run(FairnessInput in) {
    return run(in, ModelComparison.NONE);
  }

  /**
   * Runs the family for the champion (the input's own columns) and every challenger of {@code
   * models} in the same one job ({@link ChampionChallenger}); without challengers, as {@link
   * #run(FairnessInput)}.
   */
  public static FairnessOutcome run(FairnessInput in, ModelComparison models) {
    return run(in, models, null);
  }

  /**
   * As {@link #run(FairnessInput, ModelComparison)}, and with {@code chunks} (null for none) every
   * model's per-group and between-group metrics per time chunk too, from the same one job ({@link
   * #chunkMetrics}).
   */
  public static FairnessOutcome run(FairnessInput in, ModelComparison models, Chunks chunks) {
    return run(in, models, chunks, FairnessJob.EXACT_MAX_CELLS);
  }

  /**
   * As {@link #run(FairnessInput, ModelComparison, Chunks)} with the exact attempt's cell bound
   * lowered to {@code exactMaxCells} (tests reach the fallback with small data through it).
   *
   * <p>Over the bound the family runs more jobs: the binned pass (every metric, score-key ones with
   * 1e-3 keys), with a score and a label {@link ExactAuc} (every group's exact AUC on the
   * executors), whose values replace the binned keys' AUC, and {@link ExactMedian} (the rows around
   * the median), whose counts replace the binned scoring rate; the binned keys nest in the
   * calibration bins ({@link ScoreKey}). So {@code auc}, {@code auc_difference}, {@code
   * scoring_rate} and {@code expected_calibration_error} stay exact whatever the data's size.
   */
  static FairnessOutcome run(
      FairnessInput in, ModelComparison models, Chunks chunks, long exactMaxCells) {
    return run(in, models, chunks, exactMaxCells, FairnessJob.CELL_ESTIMATE_MIN_BYTES);
  }

  /**
   * As {@link #run(FairnessInput, ModelComparison, Chunks, long)}, with the cells estimated first
   * from {@code estimateMinBytes} of data on ({@link FairnessJob#withCellEstimateMinBytes}: 0
   * always, {@link Long#MAX_VALUE} never, the behaviour before the estimate).
   *
   * <p>The estimate ({@link FairnessJob#estimatedCells}, a HyperLogLog sketch in a job of its own)
   * decides up front whether the exact attempt can fit: when it is clearly over the bound the exact
   * attempt, whose pass would be thrown away, is skipped and the family runs with binned keys
   * directly.
   */
  static FairnessOutcome run(
      FairnessInput in,
      ModelComparison models,
      Chunks chunks,
      long exactMaxCells,
      long estimateMinBytes) {
    List<String> notes = new ArrayList<>();
    FairnessJob job =
        FairnessJob.plan(in, models, chunks)
            .withExactMaxCells(exactMaxCells)
            .withCellEstimateMinBytes(estimateMinBytes);
    long estimated = job.estimatedCellsIfLarge();
    boolean skipped = estimated > FairnessJob.CELL_ESTIMATE_MARGIN * job.exactCellLimit();
    FairnessCells cells = skipped ? null : job.run();
    if (cells == null) {
      boolean auc = in.score() != null && in.label() != null;
      notes.add(binnedFallbackNote(job, auc, skipped ? estimated : -1));
      job = FairnessJob.plan(in.withExtras(in.extras().with(ScoreKey.BINNED)), models, chunks);
      cells = job.run();
      if (auc) {
        cells.useExactAuc(ExactAuc.of(in));
      }
      ExactMedian.Result median = ExactMedian.of(in, cells, FairnessJob.EXACT_MAX_CELLS);
      cells.useExactMedian(median);
      if (median == null && cells.histogram(FairnessJob.WHOLE, FairnessJob.WHOLE).rows() > 0) {
        notes.add(
            "scoring_rate uses 1e-3 score keys (each note gives its bound): more than "
                + FairnessJob.EXACT_MAX_CELLS
                + " distinct (group, score) cells share the keys of the median, the most the"
                + " exact median brings to the driver.");
      }
    }
    if (chunks != null) {
      notes.add(chunkNote(chunks, cells));
    }
    if (models.on()) {
      return ChampionChallenger.results(job, cells, notes);
    }
    List<MetricResult> out =
        modelMetrics(job.in, job.cdd, cells, job.nonFiniteNote(cells.whole), null, notes);
    return new FairnessOutcome(out, notes);
  }

  /**
   * Every metric of one model from its view of the job's cells.
   *
   * @param cdd the strata's disparity (the champion only), or null
   * @param nonFiniteNote the note on the model's non-finite scores, or null
   * @param noHistogramsWhy why a model with a score has no score-key histograms in this job, or
   *     null for the default reason (fairness.score_metrics is false)
   */
  static List<MetricResult> modelMetrics(
      FairnessInput in,
      ConditionalDemographicDisparity cdd,
      FairnessCells cells,
      String nonFiniteNote,
      String noHistogramsWhy,
      List<String> notes) {
    AnalysisContext context = context(in, cells);
    List<MetricResult> metrics =
        new ArrayList<>(
            GroupResults.of(
                context,
                Scope.DATASET,
                cells.all(),
                cells.histogram(FairnessJob.WHOLE, FairnessJob.WHOLE),
                null));
    if (nonFiniteNote != null) {
      notes.add(nonFiniteNote);
    }
    notes.addAll(wholeDataSetNotes(in, cells, context, noHistogramsWhy));
    metrics.addAll(sliceMetrics(context, cdd, cells, notes));
    List<MetricResult> out = new ArrayList<>(acrossTheAudit(in.inference(), metrics));
    out.addAll(surveys(context, cells, notes));
    out.addAll(chunkMetrics(in, cells));
    return out;
  }

  /**
   * Per time chunk (rows without a timestamp left out): the chunk's per-group results and each
   * slice's between-group metrics, computed as for the whole data set by {@link GroupResults} and
   * {@link AttributeResults} from the chunk's confusion counts, each scope naming its chunk. What
   * needs more than confusion counts is left to the whole data set: the score-key metrics (auc,
   * scoring rates, calibration), bootstrap intervals, strata and slice surveys. Notes about a
   * chunk's groups are not repeated per chunk; p-values are adjusted within each chunk's attribute.
   */
  private static List<MetricResult> chunkMetrics(FairnessInput in, FairnessCells cells) {
    List<MetricResult> out = new ArrayList<>();
    FairnessInput chunkIn = in.withExtras(in.extras().withoutScoreMetrics());
    for (String chunk : cells.chunks()) {
      if (Chunks.MISSING.equals(chunk)) {
        continue;
      }
      ConfusionState all = cells.chunkAll(chunk);
      AnalysisContext context =
          new AnalysisContext(
              chunkIn,
              WilsonInterval.z(in.inference().confidence()),
              all.n(),
              cells.all().scoresAreProbabilities(),
              null);
      List<MetricResult> metrics =
          new ArrayList<>(GroupResults.of(context, Scope.DATASET, all, null, null));
      List<String> ignored = new ArrayList<>();
      for (Slice slice : in.slices()) {
        metrics.addAll(
            AttributeResults.of(
                context, slice.name(), cells.chunkGroups(chunk, slice.name()), Map.of(), ignored));
      }
      String interval = cells.chunkInterval(chunk);
      metrics.forEach(m -> out.add(m.withScope(m.key().scope().withChunk(interval))));
    }
    return out;
  }

  /** How many chunks the data fell into, and how many rows had no timestamp. */
  private static String chunkNote(Chunks chunks, FairnessCells cells) {
    String missing =
        cells.chunks().contains(Chunks.MISSING)
            ? "; "
                + cells.chunkAll(Chunks.MISSING).n()
                + " rows without a timestamp are in no chunk"
            : "";
    return "per time chunk: "
        + chunks.describe(cells.chunks())
        + " (per-group and between-group metrics; score-key metrics, bootstrap intervals and"
        + " strata on the whole data only)"
        + missing
        + ".";
  }

  /**
   * Why the exact score keys were given up for binned ones (after an exact attempt over its bound,
   * or, with {@code estimated} ≥ 0, skipping it on the cell estimate), and what stayed exact: auc
   * (with {@code auc}: a score and a label) from {@link ExactAuc}, the scoring rate from {@link
   * ExactMedian}, the calibration bins because the binned keys nest in them ({@link ScoreKey}).
   */
  private static String binnedFallbackNote(FairnessJob exact, boolean auc, long estimated) {
    return "score '"
        + exact.in.score()
        + (estimated >= 0
            ? "' takes about "
                + estimated
                + " distinct (group, score) cells (a HyperLogLog estimate), more than the "
                + exact.exactCellLimit()
                + " the exact computation brings to the driver, so the family ran with 1e-3 score"
                + " keys"
            : "' takes more than "
                + exact.exactCellLimit()
                + " distinct (group, score) cells, the most the exact computation brings to the"
                + " driver, so the family ran a second pass with 1e-3 score keys")
        + "; the score metrics stay exact: "
        + (auc
            ? "a job of its own computed every group's auc exactly on the executors (by a sort of"
                + " each group's scores: auc and auc_difference are exact"
                + (exact.bootstrap != null
                    ? "; their bootstrap intervals use the binned keys), another"
                    : "), another")
            : "a job of its own")
        + " fetched only the rows around the median for scoring_rate"
        + (auc ? ", and the keys nest in the calibration bins of expected_calibration_error" : "")
        + ". Set fairness.auc: binned to skip the exact computations, or round the score.";
  }

  private static AnalysisContext context(FairnessInput in, FairnessCells cells) {
    ConfusionState all = cells.all();
    return new AnalysisContext(
        in,
        WilsonInterval.z(in.inference().confidence()),
        all.n(),
        all.scoresAreProbabilities(),
        in.histograms() ? cells.median() : null);
  }

  /**
   * What the whole data set says about the score: non-finite values, skipped or unusable metrics.
   */
  private static List<String> wholeDataSetNotes(
      FairnessInput in, FairnessCells cells, AnalysisContext context, String noHistogramsWhy) {
    List<String> notes = new ArrayList<>();
    if (in.score() != null && !in.histograms()) {
      notes.add(
          "auc, auc_difference, expected_calibration_error, scoring_rate and"
              + " scoring_impact_ratio are not computed: "
              + (noHistogramsWhy != null
                  ? noHistogramsWhy
                  : "fairness.score_metrics is false (the score-key"
                      + " histograms they need were skipped, which saves about a third of the"
                      + " family's time on large data)."));
    }
    if (context.hasScoreAndLabel() && !context.probabilityScores()) {
      ConfusionState all = cells.all();
      notes.add(
          "brier_score and expected_calibration_error are not computed: score '"
              + in.score()
              + "' is not a probability (its values range from "
              + all.scoreMin()
              + " to "
              + all.scoreMax()
              + ", outside [0, 1]).");
    }
    return notes;
  }

  /** Per slice its groups, disparities and strata metrics. */
  private static List<MetricResult> sliceMetrics(
      AnalysisContext context,
      ConditionalDemographicDisparity cdd,
      FairnessCells cells,
      List<String> notes) {
    List<MetricResult> metrics = new ArrayList<>();
    for (Slice slice : context.in().slices()) {
      String name = slice.name();
      metrics.addAll(
          AttributeResults.of(
              context,
              name,
              cells.groups(name),
              cells.histograms(name),
              cells.bootstrap(name),
              notes));
      if (cdd != null) {
        metrics.addAll(cdd.results(context, name));
      }
    }
    return metrics;
  }

  /**
   * With {@code p_adjust_scope: audit}, {@code metrics} with their p-values adjusted as one family.
   */
  private static List<MetricResult> acrossTheAudit(
      FairnessInput.Inference inference, List<MetricResult> metrics) {
    return inference.pAdjustScope() != PAdjustScope.AUDIT
        ? metrics
        : PValueFamily.adjust(
            metrics,
            inference.pAdjust(),
            "the audit (every attribute and intersection; groups × metrics)");
  }

  /** The empty cells of each intersection and the worst slices. */
  private static List<MetricResult> surveys(
      AnalysisContext context, FairnessCells cells, List<String> notes) {
    FairnessInput in = context.in();
    List<MetricResult> metrics =
        new ArrayList<>(SliceSurvey.emptyCells(in.slices(), cells::observedKeys, notes));
    FairnessInput.Extras extras = in.extras();
    if (extras.topK() > 0) {
      metrics.addAll(
          SliceSurvey.worst(
              context, cells.groups, extras.topK(), GroupMetric.byId(extras.topKBy()), notes));
    }
    return metrics;
  }
}
