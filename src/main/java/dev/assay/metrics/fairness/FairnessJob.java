package dev.assay.metrics.fairness;

import dev.assay.core.BadInputException;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.CellLimits;
import dev.assay.spark.Chunks;
import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import dev.assay.spark.SinglePassRunner;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The classification fairness family's one Spark job ({@link FairnessAnalysis}): the cell columns
 * it adds to the data, its groupings, each with the {@link Part} it plays, and its aggregate
 * states, each read back through a typed slot. {@link #run} runs it and sorts its rows into {@link
 * FairnessCells}.
 */
final class FairnessJob {

  /** What the rows of a grouping are. */
  enum Role {
    /** The groups of a slice. */
    GROUPS,
    /** The whole data set, one row. */
    WHOLE,
    /** The (group, score key) cells of a slice, or with slice "" of the whole data set. */
    SCORE_KEYS,
    /** The (group, stratum) cells of a slice ({@link ConditionalDemographicDisparity}). */
    STRATA,
    /**
     * The (group, champion's score key, a challenger's score key) cells of a slice or the whole
     * data set: the joint score cells behind DeLong's test ({@link ChallengerResults}).
     */
    JOINT_KEYS,
    /** The (time chunk, group) cells of a slice ({@link Chunks}). */
    CHUNK_GROUPS,
    /** The time chunks of the whole data set. */
    CHUNK_WHOLE
  }

  /**
   * A grouping's role, the slice it belongs to ("" for the whole data set) and the model whose
   * score key it holds (0 the champion, i the i-th challenger; 0 for groupings without one).
   */
  record Part(Role role, String slice, int model) {

    Part(Role role, String slice) {
      this(role, slice, 0);
    }
  }

  /** The whole data set's slice name. */
  static final String WHOLE = "";

  private static final String SCORE_KEY = "__assay_score_key";

  /** The time chunk column ({@link Chunks#key}). */
  private static final String CHUNK = "__assay_chunk";

  /** Only makes the chunk groupings' names unique; their role is in {@link Part}. */
  private static final String CHUNK_GROUPING = "\u0000chunk";

  /** Only makes the score groupings' names unique; their role is in {@link Part}. */
  private static final String SCORE_GROUPING = "\u0000score";

  /** The score key of rows without a score. */
  static final long NO_SCORE = ScoreKey.NO_SCORE;

  final FairnessInput in;
  final ConditionalDemographicDisparity cdd;
  private final SliceColumns cells;
  private final Map<Grouping, Part> groupings = new LinkedHashMap<>();
  private final StateSlots states = new StateSlots();
  private Dataset<Row> data;
  StateSlots.Slot<ConfusionState> confusion;
  StateSlots.Slot<BootstrapState> bootstrap;
  private StateSlots.Slot<BinaryColumn.Values> labels;
  private StateSlots.Slot<BinaryColumn.Values> predictions;
  private StateSlots.Slot<BinaryColumn.Values> favourable;
  private StateSlots.Slot<Long> nonFinite;
  private long exactMaxCells = EXACT_MAX_CELLS;
  private long estimateMinBytes = CELL_ESTIMATE_MIN_BYTES;
  final ModelComparison models;
  final List<ChallengerSlots> challengers = new ArrayList<>();

  /** The time chunks, or null without them. */
  final Chunks chunks;

  /**
   * A challenger's states and score key column in this job.
   *
   * @param confusion its confusion counts
   * @param paired its paired counts against the champion
   * @param predictions the check of its prediction column, or null
   * @param nonFinite its score's non-finite values, or null
   * @param scoreKey its score key column, or null when its score gets no histograms here
   */
  record ChallengerSlots(
      StateSlots.Slot<ConfusionState> confusion,
      StateSlots.Slot<PairedState> paired,
      StateSlots.Slot<BinaryColumn.Values> predictions,
      StateSlots.Slot<Long> nonFinite,
      String scoreKey) {}

  private FairnessJob(FairnessInput in, ModelComparison models, Chunks chunks) {
    this.in = in;
    this.models = models;
    this.chunks = chunks;
    this.cells = SliceColumns.of(in.slices());
    this.data = cells.addTo(in.data());
    this.cdd =
        in.extras().strata() == null
            ? null
            : new ConditionalDemographicDisparity(in.extras().strata());
  }

  /** Plans the job: cell columns, groupings and states; no Spark job runs yet. */
  static FairnessJob plan(FairnessInput in) {
    return plan(in, ModelComparison.NONE);
  }

  /**
   * Plans the job of a champion/challenger audit: the champion's as {@link #plan(FairnessInput)},
   * plus per challenger its confusion counts, its paired counts against the champion and (with
   * exact score keys) its score key, its histograms and the joint score cells, in the same
   * aggregation.
   */
  static FairnessJob plan(FairnessInput in, ModelComparison models) {
    return plan(in, models, null);
  }

  /**
   * As {@link #plan(FairnessInput, ModelComparison)}, and with {@code chunks} (null for none) each
   * slice and the whole data set grouped by time chunk too, in the same aggregation: the chunk key
   * is one more cell column, so the cells (and an exact score key's cell bound) grow with the
   * number of chunks, never the number of jobs.
   */
  static FairnessJob plan(FairnessInput in, ModelComparison models, Chunks chunks) {
    FairnessJob job = new FairnessJob(in, models, chunks);
    Column score = job.score();
    Column label = in.label() == null ? functions.lit(null).cast("int") : in.label().asInt();
    Column prediction = job.prediction(score);
    job.addScoreKey(score);
    job.addStratum();
    job.addGroupings();
    job.addChunks();
    job.addStates(label, prediction, score);
    for (Challenger c : models.challengers()) {
      job.addChallenger(c, label, prediction);
    }
    return job;
  }

  /**
   * Runs the one job and sorts its rows by role; null when an exact attempt ({@link #exactAttempt})
   * has more cells than {@link #exactCellLimit}.
   */
  FairnessCells run() {
    Map<String, String> otherNames = new HashMap<>();
    otherNames.put(SCORE_KEY, "the score key of '" + in.score() + "'");
    if (cdd != null) {
      otherNames.put(ConditionalDemographicDisparity.COLUMN, in.extras().strata());
    }
    if (chunks != null) {
      otherNames.put(CHUNK, "the time chunks of '" + chunks.timestamp() + "'");
    }
    for (int i = 0; i < challengers.size(); i++) {
      String key = challengers.get(i).scoreKey();
      if (key != null) {
        otherNames.put(key, "the score key of '" + models.challengers().get(i).score() + "'");
      }
    }
    CellLimits limits = cells.limits(in.groups().maxGroups(), otherNames);
    if (exactAttempt()) {
      return SinglePassRunner.runBounded(
              data,
              List.copyOf(groupings.keySet()),
              states.states(),
              limits.withMaxCells(exactCellLimit()))
          .map(rows -> FairnessCells.of(this, rows))
          .orElse(null);
    }
    return FairnessCells.of(
        this, SinglePassRunner.run(data, List.copyOf(groupings.keySet()), states.states(), limits));
  }

  Part part(Grouping grouping) {
    return groupings.get(grouping);
  }

  private Column score() {
    return in.score() == null
        ? functions.lit(null).cast("double")
        : FiniteNumbers.of(Columns.named(in.score()));
  }

  private Column prediction(Column score) {
    Double threshold = in.outcomes().threshold();
    return in.prediction() != null
        ? in.prediction().asInt()
        : threshold != null
            ? functions.when(score.geq(threshold), 1).when(score.isNotNull(), 0)
            : functions.lit(null).cast("int");
  }

  /**
   * The score-key histograms serve auc and calibration (with a label) and the LL 144 scoring rate
   * (score alone).
   */
  private void addScoreKey(Column score) {
    if (!in.histograms()) {
      return;
    }
    data = data.withColumn(SCORE_KEY, scoreKey().column(score));
  }

  /** The score key this job groups by. */
  ScoreKey scoreKey() {
    return in.extras().scoreKey();
  }

  /**
   * Whether this job's cells are bounded by the exact key's own limit ({@link #exactCellLimit}) and
   * collected with that bound, so that an exact attempt over it can fall back to binned keys.
   */
  boolean exactAttempt() {
    return in.histograms() && scoreKey().exact();
  }

  /**
   * The most cells an exact-key job may bring to the driver: {@value #EXACT_MAX_CELLS} without a
   * bootstrap, so that collecting and combining them stays a matter of seconds; with B replicates
   * each cell carries 4·B more counts, so the bound is {@value #EXACT_MAX_VALUES} aggregated values
   * ÷ (20 + 4·B) per cell.
   */
  long exactCellLimit() {
    int b = in.inference().bootstrap().replicates();
    return Math.min(exactMaxCells, EXACT_MAX_VALUES / (20 + 4L * b));
  }

  /**
   * This job with the exact attempt's bound without a bootstrap lowered from {@value
   * #EXACT_MAX_CELLS} to {@code max} (tests reach the fallback with small data through it).
   */
  FairnessJob withExactMaxCells(long max) {
    this.exactMaxCells = max;
    return this;
  }

  /**
   * This job with the size from which the exact cells are estimated first changed from {@value
   * #CELL_ESTIMATE_MIN_BYTES} to {@code bytes} (0: always; {@link Long#MAX_VALUE}: never, the
   * behaviour before the estimate; for tests and measurements).
   */
  FairnessJob withCellEstimateMinBytes(long bytes) {
    this.estimateMinBytes = bytes;
    return this;
  }

  /** The most exact-key cells without a bootstrap. */
  static final long EXACT_MAX_CELLS = 200_000;

  /**
   * The relative standard error asked of the HyperLogLog++ sketch that estimates the exact cells
   * ({@link #estimatedCells}): 5 % (Spark's default; 2⁹ registers). At 1M rows the sketch job cost
   * about one scan's executor CPU at 5 %, two to three at 2 % or 1 % (docs/fairness.md).
   */
  static final double CELL_ESTIMATE_RSD = 0.05;

  /**
   * How far over {@link #exactCellLimit} the estimate must be before the exact attempt is skipped:
   * 25 %, about five standard errors of the sketch, so an exact attempt that would have fit is in
   * practice never skipped (between the bound and this margin the attempt runs and falls back as
   * before; a wrong skip would only change the last bits of the score sums' rounding and drop the
   * challengers' AUC, never make a value inexact).
   */
  static final double CELL_ESTIMATE_MARGIN = 1.25;

  /**
   * The size (Spark's plan statistics of the cell columns, no job) under which the cells are not
   * estimated: the exact attempt on such data costs little even when it does not fit, less than the
   * estimate's own scan would. 4 MiB is about half a million rows of the bench's lending Parquet (8
   * bytes per row for the three sensitive columns and the score).
   */
  static final long CELL_ESTIMATE_MIN_BYTES = 4L << 20;

  /** The cell columns of this job: every column of every grouping, once. */
  private Column[] cellColumns() {
    return groupings.keySet().stream()
        .flatMap(g -> g.columns().stream())
        .distinct()
        .map(Columns::named)
        .toArray(Column[]::new);
  }

  /**
   * The distinct combinations of every cell column of this job (the cells an exact attempt would
   * bring to the driver), estimated by Spark's HyperLogLog++ ({@code approx_count_distinct},
   * relative standard error {@value #CELL_ESTIMATE_RSD}) over the 64-bit hash of the cell columns:
   * one Spark job (two under AQE), one small sketch per task, nothing per row on the driver.
   */
  long estimatedCells() {
    return data.agg(
            functions.approx_count_distinct(functions.xxhash64(cellColumns()), CELL_ESTIMATE_RSD))
        .first()
        .getLong(0);
  }

  /**
   * {@link #estimatedCells} for an exact attempt over data of at least {@value
   * #CELL_ESTIMATE_MIN_BYTES} bytes (or as {@link #withCellEstimateMinBytes} set) by Spark's
   * statistics; -1, without any job, otherwise.
   */
  long estimatedCellsIfLarge() {
    if (!exactAttempt()) {
      return -1;
    }
    BigInteger size =
        data.select(cellColumns())
            .queryExecution()
            .optimizedPlan()
            .stats()
            .sizeInBytes()
            .bigInteger();
    return size.compareTo(BigInteger.valueOf(estimateMinBytes)) < 0 ? -1 : estimatedCells();
  }

  /** The aggregated values an exact-key job may bring to the driver. */
  static final long EXACT_MAX_VALUES = 4_000_000;

  private void addStratum() {
    if (cdd != null) {
      data = ConditionalDemographicDisparity.withStratum(data, in.extras().strata());
    }
  }

  /**
   * Slices, the whole data set, then each slice by score key and the whole by score key, then
   * strata.
   */
  private void addGroupings() {
    for (Slice slice : in.slices()) {
      groupings.put(
          new Grouping(slice.name(), cells.cellColumns(slice)),
          new Part(Role.GROUPS, slice.name()));
    }
    groupings.put(Grouping.whole(WHOLE), new Part(Role.WHOLE, WHOLE));
    if (in.histograms()) {
      for (Slice slice : in.slices()) {
        groupings.put(
            new Grouping(slice.name() + SCORE_GROUPING, cells.cellColumns(slice, SCORE_KEY)),
            new Part(Role.SCORE_KEYS, slice.name()));
      }
      groupings.put(
          new Grouping(SCORE_GROUPING, List.of(SCORE_KEY)), new Part(Role.SCORE_KEYS, WHOLE));
    }
    if (cdd != null) {
      for (Slice slice : in.slices()) {
        groupings.put(
            ConditionalDemographicDisparity.grouping(slice, cells),
            new Part(Role.STRATA, slice.name()));
      }
    }
  }

  /** With time chunks: the chunk column, and per slice and for the whole data set, by chunk. */
  private void addChunks() {
    if (chunks == null) {
      return;
    }
    data = data.withColumn(CHUNK, chunks.key());
    for (Slice slice : in.slices()) {
      List<String> columns = new ArrayList<>(List.of(CHUNK));
      columns.addAll(cells.cellColumns(slice));
      groupings.put(
          new Grouping(slice.name() + CHUNK_GROUPING, columns),
          new Part(Role.CHUNK_GROUPS, slice.name()));
    }
    groupings.put(new Grouping(CHUNK_GROUPING, List.of(CHUNK)), new Part(Role.CHUNK_WHOLE, WHOLE));
  }

  /** The confusion counts, the label and prediction checks, the bootstrap and the score check. */
  private void addStates(Column label, Column prediction, Column score) {
    confusion = states.add(new ConfusionAggregate(label, prediction, score));
    labels = states.addIfPresent(in.label());
    predictions = states.addIfPresent(in.prediction());
    favourable = states.addIfPresent(in.outcomes().favourablePrediction());
    FairnessInput.Bootstrap boot = in.inference().bootstrap();
    if (boot.on()) {
      data = BootstrapWeights.add(data, in.data(), boot.replicates(), boot.seed());
      bootstrap = states.add(new BootstrapAggregate(label, prediction, boot.replicates()));
    }
    if (in.score() != null) {
      nonFinite = states.add(new FiniteNumbers.Count(Columns.named(in.score())));
    }
  }

  /**
   * Adds the states of the challenger {@code c} (model number {@code challengers.size() + 1}) and,
   * in an exact attempt with a score, its score key column, its histogram groupings and the joint
   * score cells of every slice and of the whole data set.
   */
  private void addChallenger(Challenger c, Column label, Column championPrediction) {
    Column score =
        c.score() == null
            ? functions.lit(null).cast("double")
            : FiniteNumbers.of(Columns.named(c.score()));
    Column prediction =
        c.prediction() != null
            ? c.prediction().asInt()
            : functions.when(score.geq(c.threshold()), 1).when(score.isNotNull(), 0);
    int model = challengers.size() + 1;
    String key = null;
    if (exactAttempt() && c.score() != null) {
      key = SCORE_KEY + "_" + model;
      data = data.withColumn(key, scoreKey().column(score));
      for (Slice slice : in.slices()) {
        groupings.put(
            new Grouping(slice.name() + SCORE_GROUPING + model, cells.cellColumns(slice, key)),
            new Part(Role.SCORE_KEYS, slice.name(), model));
        groupings.put(
            new Grouping(
                slice.name() + SCORE_GROUPING + "joint" + model,
                cells.cellColumns(slice, SCORE_KEY, key)),
            new Part(Role.JOINT_KEYS, slice.name(), model));
      }
      groupings.put(
          new Grouping(SCORE_GROUPING + model, List.of(key)),
          new Part(Role.SCORE_KEYS, WHOLE, model));
      groupings.put(
          new Grouping(SCORE_GROUPING + "joint" + model, List.of(SCORE_KEY, key)),
          new Part(Role.JOINT_KEYS, WHOLE, model));
    }
    challengers.add(
        new ChallengerSlots(
            states.add(new ConfusionAggregate(label, prediction, score)),
            states.add(new PairedAggregate(label, championPrediction, prediction)),
            states.addIfPresent(c.prediction()),
            c.score() == null
                ? null
                : states.add(new FiniteNumbers.Count(Columns.named(c.score()))),
            key));
  }

  /** The confusion counts of model {@code model} (0 the champion). */
  StateSlots.Slot<ConfusionState> confusionOf(int model) {
    return model == 0 ? confusion : challengers.get(model - 1).confusion();
  }

  /** The note on challenger {@code model}'s non-finite scores in {@code whole}, or null. */
  String challengerNonFiniteNote(int model, GroupedStates whole) {
    ChallengerSlots slots = challengers.get(model - 1);
    Challenger c = models.challengers().get(model - 1);
    return slots.nonFinite() == null
        ? null
        : FiniteNumbers.note("fairness", "score", c.score(), slots.nonFinite().of(whole));
  }

  /** The note on the score's non-finite values in {@code whole}, or null. */
  String nonFiniteNote(GroupedStates whole) {
    return nonFinite == null
        ? null
        : FiniteNumbers.note("fairness", "score", in.score(), nonFinite.of(whole));
  }

  /** Checks the label, the prediction and the score on the whole data set's row. */
  void check(GroupedStates whole) {
    checkChallengers(whole);
    ConfusionState all = confusion.of(whole);
    if (labels != null) {
      in.label().check(labels.of(whole), in.data());
    }
    if (predictions != null) {
      in.prediction().check(predictions.of(whole), in.data());
      if (favourable != null) {
        checkFavourable(predictions.of(whole), favourable.of(whole));
      }
    } else if (in.outcomes().threshold() != null && all.scoreCount() < all.n()) {
      throw new BadInputException(
          "score column '"
              + in.score()
              + "' is empty on "
              + (all.n() - all.scoreCount())
              + " rows (null, NaN or ±Infinity), so prediction := score >= threshold is undefined"
              + " there. Drop or fill those rows, or name a prediction column.");
    }
  }

  /** Checks each challenger's prediction column, or its scores for a threshold. */
  private void checkChallengers(GroupedStates whole) {
    for (int i = 0; i < challengers.size(); i++) {
      ChallengerSlots slots = challengers.get(i);
      Challenger c = models.challengers().get(i);
      if (slots.predictions() != null) {
        c.prediction().check(slots.predictions().of(whole), in.data());
      } else {
        ConfusionState all = slots.confusion().of(whole);
        if (all.scoreCount() < all.n()) {
          throw new BadInputException(
              "score column '"
                  + c.score()
                  + "' of model '"
                  + c.name()
                  + "' is empty on "
                  + (all.n() - all.scoreCount())
                  + " rows (null, NaN or ±Infinity), so prediction := score >= threshold is"
                  + " undefined there. Drop or fill those rows, or name the model's prediction.");
        }
      }
    }
  }

  /**
   * With a favourable value other than the positive one, the prediction's one other value must be
   * that value; when predictions other than the positive exist but none equals it, the spec names a
   * value the data does not hold.
   */
  private void checkFavourable(BinaryColumn.Values predictions, BinaryColumn.Values favourables) {
    if (predictions.otherHashMin() != null && favourables.positives() == 0) {
      BinaryColumn f = in.outcomes().favourablePrediction();
      throw new BadInputException(
          f.source()
              + ": columns.favourable is '"
              + f.positive()
              + "' but prediction column '"
              + f.name()
              + "' never holds it (besides the positive value '"
              + in.prediction().positive()
              + "' it holds one other value). Set columns.favourable to"
              + " the prediction value that benefits the person.");
    }
  }
}
