package dev.assay.metrics.drift;

import static org.apache.spark.sql.functions.element_at;

import dev.assay.core.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * The numeric columns derived from text and embedding columns, counted in the same pass as every
 * other column ({@link DriftCounts}): each {@link TextDescriptors descriptor} of a text column
 * ({@code review[chars]}), and each component of an embedding column ({@code emb[0]}, …).
 *
 * <p>The {@code oov_share} descriptor reads the column's reference vocabulary ({@link
 * ReferenceVocabulary}, one job before the count). Descriptors are counted exactly (integers, and
 * shares rounded to 0.001). A component is counted exactly when its column has at most {@value
 * #EMBEDDING_CELLS} non-null vectors on both sides together, else on a grid of {@value
 * #EMBEDDING_CELLS} equal-width cells over the range of all the column's elements (from the first
 * pass), as a numeric column above {@code drift.max_distinct} is: at most that many values per
 * component and side reach the driver, and the metrics' notes give the error bounds.
 *
 * @param columns the derived columns, grouped by their parent in column order
 * @param values each derived column's value, an expression over its parent's value
 * @param plans how each is counted
 * @param parents the index of each one's parent column
 * @param vectors each embedding column's components as one block (indices into {@code columns}),
 *     which {@link DriftCounts} stacks from the vector itself rather than from the components'
 *     {@code values}
 */
record DerivedColumns(
    List<DriftColumn> columns,
    List<Column> values,
    List<ColumnPlan> plans,
    List<Integer> parents,
    List<VectorBlock> vectors) {

  /**
   * The components of one embedding column, derived columns {@code first} to {@code first +
   * dimension − 1}, all counted by one plan (the column's exact-or-grid decision and range).
   *
   * @param first the index of component 0
   * @param dimension the number of components
   * @param vector the column's value: an {@code array<double>} of {@code dimension} finite
   *     elements, or null when missing
   */
  record VectorBlock(int first, int dimension, Column vector) {

    /** The same block with its indices moved by {@code offset} (derived after top columns). */
    VectorBlock shifted(int offset) {
      return new VectorBlock(first + offset, dimension, vector);
    }
  }

  /** The grid cells of an embedding component with many values. */
  static final int EMBEDDING_CELLS = 1000;

  static DerivedColumns of(
      List<DriftColumn> top,
      List<Column> topValues,
      DriftProfile profile,
      Map<Integer, List<String>> vocabularies,
      long maxDistinct) {
    List<DriftColumn> columns = new ArrayList<>();
    List<Column> values = new ArrayList<>();
    List<ColumnPlan> plans = new ArrayList<>();
    List<Integer> parents = new ArrayList<>();
    List<VectorBlock> vectors = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      DriftColumn parent = top.get(i);
      Column v = topValues.get(i);
      if (parent.kind() == DriftColumn.Kind.TEXT) {
        for (TextDescriptors d : TextDescriptors.all()) {
          DriftColumn c = descriptor(parent, d.id());
          columns.add(c);
          values.add(d.of(v, vocabularies.getOrDefault(i, List.of())));
          plans.add(new ColumnPlan(c, true, 0, 0, maxDistinct));
          parents.add(i);
        }
      } else if (parent.kind() == DriftColumn.Kind.EMBEDDING) {
        int dimension = ColumnKinds.dimension(profile, i);
        boolean exact = profile.nonNull().get(i) <= EMBEDDING_CELLS || !profile.hasRange(i);
        double low = profile.min().get(i);
        double width = exact ? 0 : (profile.max().get(i) - low) / EMBEDDING_CELLS;
        if (dimension > 0) {
          vectors.add(new VectorBlock(columns.size(), dimension, v));
        }
        for (int k = 0; k < dimension; k++) {
          DriftColumn c =
              new DriftColumn(
                  parent.name() + "[" + k + "]",
                  DriftColumn.EMBEDDING_COMPONENT,
                  DriftColumn.Kind.NUMERIC,
                  "component " + k + " of embedding column " + parent.name(),
                  false);
          columns.add(c);
          values.add(element_at(v, k + 1));
          plans.add(new ColumnPlan(c, exact, low, width, EMBEDDING_CELLS));
          parents.add(i);
        }
      }
    }
    return new DerivedColumns(columns, values, plans, parents, vectors);
  }

  /** The derived numeric column of one descriptor of a text column. */
  static DriftColumn descriptor(DriftColumn parent, String id) {
    return new DriftColumn(
        parent.name() + "[" + id + "]",
        DriftColumn.TEXT_DESCRIPTOR,
        DriftColumn.Kind.NUMERIC,
        "descriptor " + id + " of text column " + parent.name(),
        false);
  }

  /** The verdicts of the columns derived from column {@code parent}. */
  List<ColumnDrift.Verdict> partsOf(int parent, List<ColumnDrift.Verdict> all) {
    List<ColumnDrift.Verdict> out = new ArrayList<>();
    for (int k = 0; k < all.size(); k++) {
      if (parents.get(k) == parent) {
        out.add(all.get(k));
      }
    }
    return out;
  }

  /** Every metric of the columns derived from column {@code parent}. */
  List<MetricResult> metricsOf(int parent, List<ColumnDrift.Verdict> all) {
    List<MetricResult> out = new ArrayList<>();
    partsOf(parent, all).forEach(v -> out.addAll(v.metrics()));
    return out;
  }
}
