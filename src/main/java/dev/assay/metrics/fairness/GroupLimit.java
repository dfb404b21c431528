package dev.assay.metrics.fairness;

import dev.assay.core.BadInputException;
import dev.assay.spark.CellLimits;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bound on groups per sensitive attribute and per intersection ({@code fairness.max_groups},
 * default {@value dev.assay.spec.FairnessOptions#DEFAULT_MAX_GROUPS}), shared by the
 * classification, regression and multi-class analyses. A report holds some thirty metric rows per
 * group, so an attribute with 100,000 values (an identifier, a raw number) would give millions of
 * rows nobody can read and most groups far below {@code min_group_size}; the run fails instead with
 * exit 2 naming the attribute, the bound and what to do.
 *
 * <p>The count is exact and costs no job: it is taken over the cells of the family's one
 * aggregation as soon as they reach the driver, before any metric is computed ({@link
 * dev.assay.spark.SinglePassRunner}). It also maps the internal cell columns back to the user's
 * column names for every message about cells.
 */
final class GroupLimit {

  private GroupLimit() {}

  /** The internal cell column of the {@code i}-th distinct sensitive column. */
  static String groupColumn(int i) {
    return "__assay_group_" + i;
  }

  /**
   * The limits for the slices of {@code cells}, with {@code otherNames} naming the analysis's other
   * internal cell columns.
   */
  static CellLimits of(SliceColumns cells, int maxGroups, Map<String, String> otherNames) {
    Map<String, String> names = new HashMap<>(otherNames);
    List<String> columns = cells.columns();
    for (int i = 0; i < columns.size(); i++) {
      names.put(groupColumn(i), columns.get(i));
    }
    return new CellLimits(
        FairnessAnalysis.MAX_CELLS,
        names,
        maxGroups,
        cells.groupings(),
        (grouping, found) ->
            tooMany(grouping.name(), grouping.columns().size() > 1, found, maxGroups));
  }

  /** The exit-2 message for an attribute or intersection with {@code found} groups. */
  static BadInputException tooMany(String slice, boolean intersection, long found, int maxGroups) {
    String what =
        intersection ? "intersection '" + slice + "'" : "sensitive attribute '" + slice + "'";
    String remove =
        intersection ? "remove it from columns.intersections" : "remove it from columns.sensitive";
    return new BadInputException(
        what
            + " has "
            + found
            + " groups, more than fairness.max_groups ("
            + maxGroups
            + "): a report of that many groups cannot be read, and most of them are too small"
            + " to judge. Bucket the column"
            + (intersection ? "s" : "")
            + " (ranges, prefixes or an"
            + " 'other' group), "
            + remove
            + ", or raise fairness.max_groups (at most "
            + dev.assay.spec.FairnessOptions.MAX_MAX_GROUPS
            + ").",
        new Exceeded());
  }

  /** Whether {@code e} is this bound's error (callers that add context to cell errors skip it). */
  static boolean exceeded(BadInputException e) {
    return e.getCause() instanceof Exceeded;
  }

  /** Marks the bound's error; carries no message of its own and no stack trace. */
  private static final class Exceeded extends RuntimeException {
    Exceeded() {
      super(null, null, false, false);
    }
  }
}
