package dev.assay.metrics.fairness;

import dev.assay.core.NameList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * One attribute's groups split by {@code min_group_size}: the eligible ones, compared in the
 * between-group metrics, and the excluded ones, still shown with an "insufficient data" note.
 * Shared by the classification, regression and multi-class tasks, so they word it alike.
 *
 * @param eligible the groups of at least {@code minGroupSize} rows, in the groups' order
 * @param excluded the smaller groups, each as "name (n=rows)"
 * @param minGroupSize the spec's {@code min_group_size}
 * @param leftOutOf what the small groups are left out of, e.g. "differences and ratios"
 */
record GroupSplit<S>(
    Map<String, S> eligible, List<String> excluded, int minGroupSize, String leftOutOf) {

  /** Splits {@code groups}, whose row counts {@code size} gives. */
  static <S> GroupSplit<S> of(
      Map<String, S> groups, ToLongFunction<S> size, int minGroupSize, String leftOutOf) {
    Map<String, S> eligible = new LinkedHashMap<>();
    List<String> excluded = new ArrayList<>();
    groups.forEach(
        (group, state) -> {
          long n = size.applyAsLong(state);
          if (n < minGroupSize) {
            excluded.add(group + " (n=" + n + ")");
          } else {
            eligible.put(group, state);
          }
        });
    return new GroupSplit<>(eligible, excluded, minGroupSize, leftOutOf);
  }

  /**
   * The note on a group of {@code n} rows: "insufficient data: …" when it is too small, else null.
   */
  String note(long n) {
    return n >= minGroupSize
        ? null
        : "insufficient data: "
            + n
            + " rows < min_group_size "
            + minGroupSize
            + "; left out of "
            + leftOutOf;
  }

  /** Adds the attribute's note naming its small groups to {@code notes}, when it has any. */
  void addNote(String attribute, List<String> notes) {
    if (!excluded.isEmpty()) {
      notes.add(
          attribute
              + ": groups smaller than min_group_size "
              + minGroupSize
              + " are shown but left out of "
              + leftOutOf
              + ": "
              + NameList.of(excluded)
              + ".");
    }
  }

  /** "excluded (too small): …" for the between-group metrics' notes, or null when none is. */
  String exclusion() {
    return excluded.isEmpty() ? null : "excluded (too small): " + NameList.of(excluded);
  }
}
