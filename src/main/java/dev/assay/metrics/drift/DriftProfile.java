package dev.assay.metrics.drift;

import dev.assay.core.Mergeable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * The mergeable state of the drift family's first pass over both data sets, from which the plan of
 * the count is made: rows per side, an estimate of each compared column's distinct values, each
 * numeric column's smallest and largest finite value (+∞ and −∞ when it has none, and for a
 * categorical column), and an estimate of each segment attribute's groups; per column also its
 * non-null values (both sides), the words of a string column (summed, for {@link ColumnKinds}' text
 * rule) and the smallest and largest length of an embedding column's vectors (+∞ and 0 when it has
 * none or is no embedding).
 *
 * <p>Merging adds rows, takes the smaller minimum and larger maximum, and adds the distinct
 * estimates: the sum is an upper bound of the union's distinct values (exact when the parts share
 * no value), the safe side for the plan, which keeps a column's values exactly only below a bound.
 * The family's pass yields a single state (no grouping), so no estimate is ever summed there.
 */
public record DriftProfile(
    long rowsReference,
    long rowsCurrent,
    List<Long> distinct,
    List<Double> min,
    List<Double> max,
    List<Long> segmentGroups,
    List<Long> nonNull,
    List<Long> words,
    List<Long> minSize,
    List<Long> maxSize)
    implements Mergeable<DriftProfile> {

  public DriftProfile {
    distinct = List.copyOf(distinct);
    min = List.copyOf(min);
    max = List.copyOf(max);
    segmentGroups = List.copyOf(segmentGroups);
    nonNull = List.copyOf(nonNull);
    words = List.copyOf(words);
    minSize = List.copyOf(minSize);
    maxSize = List.copyOf(maxSize);
  }

  /** A profile without the text and embedding figures (all zero; the smallest size +∞). */
  public DriftProfile(
      long rowsReference,
      long rowsCurrent,
      List<Long> distinct,
      List<Double> min,
      List<Double> max,
      List<Long> segmentGroups) {
    this(
        rowsReference,
        rowsCurrent,
        distinct,
        min,
        max,
        segmentGroups,
        java.util.Collections.nCopies(distinct.size(), 0L),
        java.util.Collections.nCopies(distinct.size(), 0L),
        java.util.Collections.nCopies(distinct.size(), Long.MAX_VALUE),
        java.util.Collections.nCopies(distinct.size(), 0L));
  }

  /** The state of no rows for {@code columns} compared columns and {@code segments} attributes. */
  public static DriftProfile empty(int columns, int segments) {
    return new DriftProfile(
        0,
        0,
        List.copyOf(java.util.Collections.nCopies(columns, 0L)),
        java.util.Collections.nCopies(columns, Double.POSITIVE_INFINITY),
        java.util.Collections.nCopies(columns, Double.NEGATIVE_INFINITY),
        java.util.Collections.nCopies(segments, 0L),
        java.util.Collections.nCopies(columns, 0L),
        java.util.Collections.nCopies(columns, 0L),
        java.util.Collections.nCopies(columns, Long.MAX_VALUE),
        java.util.Collections.nCopies(columns, 0L));
  }

  /** Whether the column has at least two different finite values (so a grid has width). */
  public boolean hasRange(int column) {
    return min.get(column) < max.get(column);
  }

  /** The state of the union of the two row sets. */
  public DriftProfile merge(DriftProfile o) {
    return new DriftProfile(
        rowsReference + o.rowsReference,
        rowsCurrent + o.rowsCurrent,
        zip(distinct, o.distinct, Long::sum),
        zip(min, o.min, Math::min),
        zip(max, o.max, Math::max),
        zip(segmentGroups, o.segmentGroups, Long::sum),
        zip(nonNull, o.nonNull, Long::sum),
        zip(words, o.words, Long::sum),
        zip(minSize, o.minSize, Math::min),
        zip(maxSize, o.maxSize, Math::max));
  }

  private static <T> List<T> zip(List<T> a, List<T> b, BinaryOperator<T> f) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException("cannot merge drift profiles of different columns");
    }
    List<T> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(f.apply(a.get(i), b.get(i)));
    }
    return out;
  }
}
