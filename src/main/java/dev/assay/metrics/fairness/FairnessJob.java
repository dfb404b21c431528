package dev.assay.metrics.fairness;

import dev.assay.core.BadInputException;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.CellLimits;
import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import dev.assay.spark.SinglePassRunner;
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
    STRATA
  }

  /** A grouping's role and the slice it belongs to ("" for the whole data set). */
  record Part(Role role, String slice) {}

  /** The whole data set's slice name. */
  static final String WHOLE = "";

  private static final String SCORE_KEY = "__assay_score_key";

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

  private FairnessJob(FairnessInput in) {
    this.in = in;
    this.cells = SliceColumns.of(in.slices());
    this.data = cells.addTo(in.data());
    this.cdd =
        in.extras().strata() == null
            ? null
            : new ConditionalDemographicDisparity(in.extras().strata());
  }

  /** Plans the job: cell columns, groupings and states; no Spark job runs yet. */
  static FairnessJob plan(FairnessInput in) {
    FairnessJob job = new FairnessJob(in);
    Column score = job.score();
    Column label = in.label() == null ? functions.lit(null).cast("int") : in.label().asInt();
    Column prediction = job.prediction(score);
    job.addScoreKey(score);
    job.addStratum();
    job.addGroupings();
    job.addStates(label, prediction, score);
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
    return Math.min(EXACT_MAX_CELLS, EXACT_MAX_VALUES / (20 + 4L * b));
  }

  /** The most exact-key cells without a bootstrap. */
  static final long EXACT_MAX_CELLS = 200_000;

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

  /** The note on the score's non-finite values in {@code whole}, or null. */
  String nonFiniteNote(GroupedStates whole) {
    return nonFinite == null
        ? null
        : FiniteNumbers.note("fairness", "score", in.score(), nonFinite.of(whole));
  }

  /** Checks the label, the prediction and the score on the whole data set's row. */
  void check(GroupedStates whole) {
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
