package dev.assay.metrics.drift;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The drift family's bounded sample (side tag, then one value per drift column) reshaped for the
 * classifiers: an embedding column becomes one numeric feature per component, a text column is left
 * out (the text domain classifier reads it apart).
 */
final class SampleRows {

  private SampleRows() {}

  /**
   * Sorts the rows by their text ({@code Row.toString}), each row's text computed once: a fixed
   * order whatever order the rows arrived in from the executors.
   */
  static void sortByText(List<Row> rows) {
    String[] texts = new String[rows.size()];
    Integer[] order = new Integer[rows.size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = rows.get(i).toString();
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> texts[a].compareTo(texts[b]));
    List<Row> sorted = new ArrayList<>(rows.size());
    for (Integer i : order) {
      sorted.add(rows.get(i));
    }
    for (int i = 0; i < texts.length; i++) {
      rows.set(i, sorted.get(i));
    }
  }

  /** The columns the whole-data domain classifier sees: embeddings split into components. */
  static List<DriftColumn> classifierColumns(List<DriftColumn> columns, DriftProfile profile) {
    List<DriftColumn> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      DriftColumn c = columns.get(i);
      if (c.kind() == DriftColumn.Kind.EMBEDDING) {
        out.addAll(components(c, ColumnKinds.dimension(profile, i)));
      } else if (c.kind() != DriftColumn.Kind.TEXT) {
        out.add(c);
      }
    }
    return out;
  }

  /** The numeric columns of an embedding's components, named {@code name[k]}. */
  static List<DriftColumn> components(DriftColumn c, int dimension) {
    List<DriftColumn> out = new ArrayList<>();
    for (int k = 0; k < dimension; k++) {
      out.add(new DriftColumn(c.name() + "[" + k + "]", c.role(), DriftColumn.Kind.NUMERIC));
    }
    return out;
  }

  /** The sample's rows in the shape of {@link #classifierColumns}. */
  static List<Row> expand(List<DriftColumn> columns, DriftProfile profile, List<Row> rows) {
    List<Row> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      List<Object> values = new ArrayList<>();
      values.add(r.getInt(0));
      for (int i = 0; i < columns.size(); i++) {
        DriftColumn c = columns.get(i);
        if (c.kind() == DriftColumn.Kind.EMBEDDING) {
          addComponents(values, r, i + 1, ColumnKinds.dimension(profile, i));
        } else if (c.kind() != DriftColumn.Kind.TEXT) {
          values.add(r.get(i + 1));
        }
      }
      out.add(RowFactory.create(values.toArray()));
    }
    return out;
  }

  /** Rows of (side, components of column {@code i}) only. */
  static List<Row> embeddingOnly(List<Row> rows, int i, int dimension) {
    List<Row> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      List<Object> values = new ArrayList<>();
      values.add(r.getInt(0));
      addComponents(values, r, i + 1, dimension);
      out.add(RowFactory.create(values.toArray()));
    }
    return out;
  }

  /** The non-null vectors of column {@code i} on one side (0 reference, 1 current). */
  static List<double[]> vectors(List<Row> rows, int i, int side) {
    List<double[]> out = new ArrayList<>();
    for (Row r : rows) {
      if (r.getInt(0) == side && !r.isNullAt(i + 1)) {
        List<Object> v = r.getList(i + 1);
        double[] x = new double[v.size()];
        for (int k = 0; k < x.length; k++) {
          x[k] = ((Number) v.get(k)).doubleValue();
        }
        out.add(x);
      }
    }
    return out;
  }

  private static void addComponents(List<Object> values, Row r, int at, int dimension) {
    List<Object> v = r.isNullAt(at) ? null : r.getList(at);
    for (int k = 0; k < dimension; k++) {
      values.add(v == null ? null : ((Number) v.get(k)).doubleValue());
    }
  }
}
