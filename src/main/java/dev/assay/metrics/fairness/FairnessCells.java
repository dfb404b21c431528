package dev.assay.metrics.fairness;

import dev.assay.spark.GroupedStates;
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

  /** Per slice: the group keys that hold rows. */
  private final Map<String, Set<List<String>>> observedKeys = new HashMap<>();

  private final FairnessJob job;

  private FairnessCells(FairnessJob job, GroupedStates whole) {
    this.job = job;
    this.whole = whole;
  }

  /** Sorts {@code rows}; fails (exit 2) when the data set is empty or a column check fails. */
  static FairnessCells of(FairnessJob job, List<GroupedStates> rows) {
    GroupedStates whole = SliceColumns.whole(rows);
    job.check(whole);
    FairnessCells cells = new FairnessCells(job, whole);
    for (GroupedStates row : rows) {
      FairnessJob.Part part = job.part(row.grouping());
      switch (part.role()) {
        case GROUPS -> cells.addGroup(part.slice(), row);
        case SCORE_KEYS -> cells.addScoreKey(part.slice(), row);
        case STRATA -> job.cdd.add(part.slice(), row.key(), job.confusion.of(row));
        case WHOLE -> {}
        default -> throw new IllegalStateException(part.toString());
      }
    }
    return cells;
  }

  private void addGroup(String slice, GroupedStates row) {
    observedKeys.computeIfAbsent(slice, k -> new HashSet<>()).add(row.key());
    String group = SliceColumns.group(row.key());
    groups.computeIfAbsent(slice, k -> new TreeMap<>()).put(group, job.confusion.of(row));
    if (job.bootstrap != null) {
      bootGroups.computeIfAbsent(slice, k -> new TreeMap<>()).put(group, job.bootstrap.of(row));
    }
  }

  private void addScoreKey(String slice, GroupedStates row) {
    List<String> key = row.key();
    long scoreKey = job.scoreKey().parse(key.get(key.size() - 1));
    if (scoreKey == FairnessJob.NO_SCORE) {
      return;
    }
    String group = SliceColumns.group(key.subList(0, key.size() - 1));
    scoreKeys
        .computeIfAbsent(slice, k -> new HashMap<>())
        .computeIfAbsent(group, k -> new TreeMap<>())
        .put(scoreKey, job.confusion.of(row));
    if (job.bootstrap != null) {
      bootKeys
          .computeIfAbsent(slice, k -> new HashMap<>())
          .computeIfAbsent(group, k -> new TreeMap<>())
          .put(scoreKey, job.bootstrap.of(row));
    }
  }

  ConfusionState all() {
    return job.confusion.of(whole);
  }

  /** The groups of {@code slice}, by name (empty when it has none). */
  Map<String, ConfusionState> groups(String slice) {
    return groups.getOrDefault(slice, new TreeMap<>());
  }

  /** The score histogram of {@code group} of {@code slice} (both "" for the whole data set). */
  ScoreHistogram histogram(String slice, String group) {
    return ScoreHistogram.of(
        scoreKeys.getOrDefault(slice, Map.of()).getOrDefault(group, Map.of()), job.scoreKey());
  }

  /** The histograms of {@code slice}'s groups. */
  Map<String, ScoreHistogram> histograms(String slice) {
    Map<String, ScoreHistogram> out = new HashMap<>();
    groups(slice).keySet().forEach(g -> out.put(g, histogram(slice, g)));
    return out;
  }

  /** The bootstrap intervals of {@code slice}, or null without a bootstrap. */
  BootstrapInterval bootstrap(String slice) {
    return job.bootstrap == null
        ? null
        : new BootstrapInterval(
            bootGroups.getOrDefault(slice, Map.of()),
            bootKeys.getOrDefault(slice, Map.of()),
            job.in.inference().bootstrap().seed());
  }

  Set<List<String>> observedKeys(String slice) {
    return observedKeys.getOrDefault(slice, Set.of());
  }
}
