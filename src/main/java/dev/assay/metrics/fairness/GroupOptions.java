package dev.assay.metrics.fairness;

import dev.assay.spec.FairnessOptions;
import java.util.Map;

/**
 * How the groups of every fairness task are compared: which are too small to compare, which are
 * left out of impact ratios, which one {@code *_vs_ref} metrics compare against, and how many one
 * attribute may have.
 *
 * @param minGroupSize groups smaller than this are flagged and left out of differences and ratios
 * @param excludeBelowShare groups with fewer than this share of all rows are left out of impact
 *     ratios (NYC LL 144's 2 % rule); null keeps them (binary classification only)
 * @param referenceGroups per attribute (or intersection name), the group that {@code *_vs_ref}
 *     metrics compare against
 * @param maxGroups the most groups an attribute or intersection may have ({@code
 *     fairness.max_groups}); more is exit 2 ({@link GroupLimit})
 */
public record GroupOptions(
    int minGroupSize,
    Double excludeBelowShare,
    Map<String, String> referenceGroups,
    int maxGroups) {

  public GroupOptions {
    referenceGroups = Map.copyOf(referenceGroups);
  }

  /** Groups of at least {@code minGroupSize} rows, all kept, no reference, the default limit. */
  public static GroupOptions minSize(int minGroupSize) {
    return new GroupOptions(minGroupSize, null, Map.of(), FairnessOptions.DEFAULT_MAX_GROUPS);
  }

  /** The group options of a spec's {@code fairness} section. */
  public static GroupOptions of(FairnessOptions options) {
    return new GroupOptions(
        options.minGroupSize(),
        options.excludeBelowShare(),
        options.referenceGroup(),
        options.maxGroups());
  }

  /** A copy comparing against {@code groups} (per attribute or intersection name). */
  public GroupOptions withReferenceGroups(Map<String, String> groups) {
    return new GroupOptions(minGroupSize, excludeBelowShare, groups, maxGroups);
  }

  /** The note on a compared group of {@code n} rows that is too small to judge, or null. */
  String smallNote(long n) {
    return n < minGroupSize ? "insufficient data: fewer than min_group_size rows" : null;
  }
}
