package dev.assay.metrics.fairness;

import dev.assay.spark.GroupedStates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rows of the {@link FairnessJob}, sorted by the role of their grouping: per slice, per group
 * the confusion state (and bootstrap state), per group the score-key histogram cells, the group
 * keys observed, and the whole data set's row. Strata rows go to the job's {@link
 * ConditionalDemographicDisparity}.
 */
final class FairnessCells {

  /** The whole data set's row. */
  final GroupedStates whole;

  /** Per slice, per group: the confusion state. */
  final Map<String, Map<String, ConfusionState>> groups = new HashMap<>();

  /** Per slice (and {@link FairnessJob#WHOLE}), per group, per score key: the confusion state. */
  private final Map<String, Map<String, Map<Long, ConfusionState>>> scoreKeys = new HashMap<>();

  /** Per slice, per group: the bootstrap state. */
  private final Map<String, Map<String, BootstrapState>> bootGroups = new HashMap<>();

  /** Per slice, per group, per score key: the bootstrap state. */
  private final Map<String, Map<String, Map<Long, BootstrapState>>> bootKeys = new HashMap<>();

  /**
   * The score keys parsed so far, by their text: each grouping with a score key repeats the same
   * distinct scores (one text instance per distinct score from {@code SinglePassRunner}), so each
   * is parsed once, not once per grouping.
   */
  private final Map<String, Long> parsedKeys = new HashMap<>();

  /**
   * The run of score-key rows being added: their slice, group key and maps. A grouping's rows come
   * grouped by their first cell's key order, so consecutive rows mostly share a group; the group's
   * name (a join) and its maps are looked up once per run, not per row.
   */
  private String runSlice;

  private List<String> runPrefix;
  private Map<Long, ConfusionState> runKeys;
  private Map<Long, BootstrapState> runBootKeys;

  /**
   * The histograms built so far, per slice and group (a {@link ScoreHistogram} copies its keys, and
   * the metrics ask for the same group's several times); cleared when the exact AUC or median
   * arrives.
   */
  private final Map<String, Map<String, ScoreHistogram>> histograms = new HashMap<>();

  /** Per slice: the group keys that hold rows. */
  private final Map<String, Set<List<String>>> observedKeys = new HashMap<>();

  /** Per time chunk key: the whole chunk's row (empty without chunks). */
  private final Map<String, GroupedStates> chunkWhole = new TreeMap<>();

  /** Per time chunk key, per slice: the chunk's rows of that slice. */
  private final Map<String, Map<String, List<GroupedStates>>> chunkGroups = new TreeMap<>();

  /**
   * Per slice (and {@link FairnessJob#WHOLE}), per group: the exact AUC computed on the executors
   * ({@link ExactAuc}) when the job's keys are binned only because the exact cells were too many;
   * empty otherwise. The champion's (model 0) only.
   */
  private Map<String, Map<String, MannWhitneyAuc.Exact>> exactAuc = Map.of();

  /**
   * The exact sample median and each group's rows above it ({@link ExactMedian}) when the job's
   * keys are binned only because the exact cells were too many; null otherwise. The champion's
   * only.
   */
  private ExactMedian.Result exactMedian;

  private final FairnessJob job;

  /** The model these cells are about: 0 the champion (or the only model), i the i-th challenger. */
  private final int model;

  /** The job's rows, kept for the other models' views ({@link #forModel}). */
  private final List<GroupedStates> rows;

  private FairnessCells(FairnessJob job, GroupedStates whole, int model, List<GroupedStates> rows) {
    this.job = job;
    this.whole = whole;
    this.model = model;
    this.rows = rows;
  }

  /** Sorts {@code rows}; fails (exit 2) when the data set is empty or a column check fails. */
  static FairnessCells of(FairnessJob job, List<GroupedStates> rows) {
    GroupedStates whole = SliceColumns.whole(rows);
    job.check(whole);
    return of(job, rows, 0, whole);
  }

  private static FairnessCells of(
      FairnessJob job, List<GroupedStates> rows, int model, GroupedStates whole) {
    FairnessCells cells = new FairnessCells(job, whole, model, rows);
    for (GroupedStates row : rows) {
      FairnessJob.Part part = job.part(row.grouping());
      switch (part.role()) {
        case GROUPS -> cells.addGroup(part.slice(), row);
        case SCORE_KEYS -> {
          if (part.model() == model) {
            cells.addScoreKey(part.slice(), row);
          }
        }
        case STRATA -> {
          if (model == 0) {
            job.cdd.add(part.slice(), row.key(), job.confusion.of(row));
          }
        }
        case CHUNK_GROUPS ->
            cells
                .chunkGroups
                .computeIfAbsent(row.key().get(0), k -> new HashMap<>())
                .computeIfAbsent(part.slice(), k -> new ArrayList<>())
                .add(row);
        case CHUNK_WHOLE -> cells.chunkWhole.put(row.key().get(0), row);
        case WHOLE, JOINT_KEYS -> {}
        default -> throw new IllegalStateException(part.toString());
      }
    }
    return cells;
  }

  /** The same job's cells seen as challenger {@code challenger}'s (1 the first). */
  FairnessCells forModel(int challenger) {
    return of(job, rows, challenger, whole);
  }

  /**
   * Per slice (and {@link FairnessJob#WHOLE}), per group: challenger {@code challenger}'s paired
   * counts against the champion.
   */
  Map<String, Map<String, PairedState>> paired(int challenger) {
    StateSlots.Slot<PairedState> slot = job.challengers.get(challenger - 1).paired();
    Map<String, Map<String, PairedState>> out = new HashMap<>();
    for (GroupedStates row : rows) {
      FairnessJob.Part part = job.part(row.grouping());
      if (part.role() == FairnessJob.Role.GROUPS || part.role() == FairnessJob.Role.WHOLE) {
        out.computeIfAbsent(part.slice(), k -> new TreeMap<>())
            .put(SliceColumns.group(row.key()), slot.of(row));
      }
    }
    return out;
  }

  /**
   * Per slice (and {@link FairnessJob#WHOLE}), per group: the joint score cells of the champion and
   * challenger {@code challenger}; empty when the job has none (no exact score keys).
   */
  Map<String, Map<String, List<DeLong.Cell>>> joint(int challenger) {
    Map<String, Map<String, List<DeLong.Cell>>> out = new HashMap<>();
    for (GroupedStates row : rows) {
      FairnessJob.Part part = job.part(row.grouping());
      if (part.role() != FairnessJob.Role.JOINT_KEYS || part.model() != challenger) {
        continue;
      }
      List<String> key = row.key();
      long a = job.scoreKey().parse(key.get(key.size() - 2));
      long b = job.scoreKey().parse(key.get(key.size() - 1));
      if (a == FairnessJob.NO_SCORE || b == FairnessJob.NO_SCORE) {
        continue;
      }
      ConfusionState s = job.confusion.of(row);
      out.computeIfAbsent(part.slice(), k -> new TreeMap<>())
          .computeIfAbsent(
              SliceColumns.group(key.subList(0, key.size() - 2)), k -> new ArrayList<>())
          .add(new DeLong.Cell(a, b, s.labelPositive(), s.labelNegative()));
    }
    return out;
  }

  private void addGroup(String slice, GroupedStates row) {
    observedKeys.computeIfAbsent(slice, k -> new HashSet<>()).add(row.key());
    String group = SliceColumns.group(row.key());
    groups.computeIfAbsent(slice, k -> new TreeMap<>()).put(group, job.confusionOf(model).of(row));
    if (job.bootstrap != null && model == 0) {
      bootGroups.computeIfAbsent(slice, k -> new TreeMap<>()).put(group, job.bootstrap.of(row));
    }
  }

  private void addScoreKey(String slice, GroupedStates row) {
    List<String> key = row.key();
    long scoreKey = parsedKeys.computeIfAbsent(key.get(key.size() - 1), job.scoreKey()::parse);
    if (scoreKey == FairnessJob.NO_SCORE) {
      return;
    }
    List<String> prefix = key.subList(0, key.size() - 1);
    if (!slice.equals(runSlice) || !prefix.equals(runPrefix)) {
      runSlice = slice;
      runPrefix = prefix;
      String group = SliceColumns.group(prefix);
      runKeys =
          scoreKeys
              .computeIfAbsent(slice, k -> new HashMap<>())
              .computeIfAbsent(group, k -> new TreeMap<>());
      runBootKeys =
          job.bootstrap != null && model == 0
              ? bootKeys
                  .computeIfAbsent(slice, k -> new HashMap<>())
                  .computeIfAbsent(group, k -> new TreeMap<>())
              : null;
    }
    runKeys.put(scoreKey, job.confusionOf(model).of(row));
    if (runBootKeys != null) {
      runBootKeys.put(scoreKey, job.bootstrap.of(row));
    }
  }

  ConfusionState all() {
    return job.confusionOf(model).of(whole);
  }

  /** The groups of {@code slice}, by name (empty when it has none). */
  Map<String, ConfusionState> groups(String slice) {
    return groups.getOrDefault(slice, new TreeMap<>());
  }

  /**
   * The score histogram of {@code group} of {@code slice} (both "" for the whole data set), with
   * the group's exact AUC when {@link #useExactAuc} gave one.
   */
  ScoreHistogram histogram(String slice, String group) {
    return histograms
        .computeIfAbsent(slice, k -> new HashMap<>())
        .computeIfAbsent(group, g -> buildHistogram(slice, g));
  }

  private ScoreHistogram buildHistogram(String slice, String group) {
    ScoreHistogram h =
        ScoreHistogram.of(
            scoreKeys.getOrDefault(slice, Map.of()).getOrDefault(group, Map.of()), job.scoreKey());
    MannWhitneyAuc.Exact exact =
        model == 0 ? exactAuc.getOrDefault(slice, Map.of()).get(group) : null;
    if (exact != null) {
      h = h.withExactAuc(exact);
    }
    return model == 0 && exactMedian != null
        ? h.withExactAbove(exactMedian.above(slice, group))
        : h;
  }

  /**
   * Gives the champion's histograms each group's rows above the exact sample median ({@link
   * ExactMedian}; null for none), in place of the binned keys' count.
   */
  void useExactMedian(ExactMedian.Result median) {
    this.exactMedian = median;
    histograms.clear();
  }

  /** The sample median of the scored rows (exact when {@link #useExactMedian} gave it), or null. */
  ScoringRate.Median median() {
    ScoringRate.Median m = ScoringRate.median(histogram(FairnessJob.WHOLE, FairnessJob.WHOLE));
    return m == null || model != 0 || exactMedian == null
        ? m
        : m.withExactScores(exactMedian.low(), exactMedian.high());
  }

  /**
   * Gives the champion's histograms the exact AUC of each group ({@link ExactAuc}), in place of the
   * binned keys' approximation.
   */
  void useExactAuc(Map<String, Map<String, MannWhitneyAuc.Exact>> exact) {
    this.exactAuc = exact;
    histograms.clear();
  }

  /** The histograms of {@code slice}'s groups. */
  Map<String, ScoreHistogram> histograms(String slice) {
    Map<String, ScoreHistogram> out = new HashMap<>();
    groups(slice).keySet().forEach(g -> out.put(g, histogram(slice, g)));
    return out;
  }

  /** The bootstrap intervals of {@code slice}, or null without a bootstrap. */
  BootstrapInterval bootstrap(String slice) {
    return job.bootstrap == null || model != 0
        ? null
        : new BootstrapInterval(
            bootGroups.getOrDefault(slice, Map.of()),
            bootKeys.getOrDefault(slice, Map.of()),
            job.in.inference().bootstrap().seed());
  }

  /** The time chunk keys that hold rows, in order (empty without chunks). */
  Set<String> chunks() {
    return chunkWhole.keySet();
  }

  /** The chunk named by its ISO 8601 interval, from its key. */
  String chunkInterval(String chunk) {
    return job.chunks.interval(chunk);
  }

  /** The confusion state of the whole time chunk {@code chunk}. */
  ConfusionState chunkAll(String chunk) {
    return job.confusionOf(model).of(chunkWhole.get(chunk));
  }

  /** The groups of {@code slice} within the time chunk {@code chunk}, by name. */
  Map<String, ConfusionState> chunkGroups(String chunk, String slice) {
    Map<String, ConfusionState> out = new TreeMap<>();
    for (GroupedStates row :
        chunkGroups.getOrDefault(chunk, Map.of()).getOrDefault(slice, List.of())) {
      List<String> key = row.key();
      out.put(SliceColumns.group(key.subList(1, key.size())), job.confusionOf(model).of(row));
    }
    return out;
  }

  Set<List<String>> observedKeys(String slice) {
    return observedKeys.getOrDefault(slice, Set.of());
  }
}
