package dev.assay.metrics.fairness;

import dev.assay.core.Scope;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Test rows for the fairness family's exact score metrics over the cell bound ({@link
 * ExactAucTest}, {@link ExactMedianTest}): two sensitive columns {@code a} (may be null) and {@code
 * b}, a label {@code y} and a score, with the slices a, b and b & a, and the observations of each
 * scope the family reports, for the tests' own computations from the definitions.
 */
final class ScoredRows {

  /** A test row: the sensitive values (a may be null), the label and the score (may be null). */
  record Obs(String a, String b, int y, Double score) {}

  private static final StructType SCHEMA =
      new StructType()
          .add("a", DataTypes.StringType)
          .add("b", DataTypes.StringType)
          .add("y", DataTypes.IntegerType)
          .add("score", DataTypes.DoubleType);

  private ScoredRows() {}

  /** The rows as the family's input: label y (1 positive), score, slices a, b and b & a. */
  static FairnessInput input(List<Obs> obs) {
    Dataset<Row> df = dataFrame(obs);
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    return FairnessInput.of(
        df,
        FairnessInput.Outcomes.of(label, null, "score"),
        List.of(new Slice(List.of("a")), new Slice(List.of("b")), new Slice(List.of("b", "a"))),
        1);
  }

  /** The rows as a data frame with the columns a, b, y and score. */
  static Dataset<Row> dataFrame(List<Obs> obs) {
    List<Row> rows = new ArrayList<>();
    for (Obs o : obs) {
      rows.add(RowFactory.create(o.a(), o.b(), o.y(), o.score()));
    }
    return SharedSpark.get().createDataFrame(rows, SCHEMA);
  }

  /**
   * Every expected scope's observations: each attribute's, the intersection's (its columns in
   * another order than the attributes'), the whole set.
   */
  static Map<Scope, List<Obs>> scopes(List<Obs> obs) {
    Map<Scope, List<Obs>> out = new HashMap<>();
    for (Obs o : obs) {
      out.computeIfAbsent(Scope.DATASET, k -> new ArrayList<>()).add(o);
      out.computeIfAbsent(Scope.group("a", name(o.a())), k -> new ArrayList<>()).add(o);
      out.computeIfAbsent(Scope.group("b", o.b()), k -> new ArrayList<>()).add(o);
      out.computeIfAbsent(
              Scope.group("b & a", o.b() + Scope.INTERSECTION_SEPARATOR + name(o.a())),
              k -> new ArrayList<>())
          .add(o);
    }
    return out;
  }

  private static String name(String value) {
    return value == null ? FairnessAnalysis.MISSING : value;
  }
}
