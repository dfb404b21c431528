package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.spark.AggregateState;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.CellLimits;
import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import dev.assay.spark.SharedSpark;
import dev.assay.spark.SinglePassRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The joint-histogram cell ({@link JointCell}) reads from its cell code exactly the states the 19
 * aggregates it replaces computed ({@link ConfusionAggregate}, {@link BinaryColumn}'s check, the
 * non-finite count): both are run over the same seeded rows in one pass and compared per group.
 * Scores are integers divided by 4 (exact binary fractions), so every sum is exact whatever the
 * order of additions.
 */
class JointCellTest {

  private static final StructType SCHEMA =
      new StructType()
          .add("g", DataTypes.StringType)
          .add("y", DataTypes.StringType)
          .add("p", DataTypes.DoubleType)
          .add("flag", DataTypes.BooleanType)
          .add("score", DataTypes.DoubleType);

  private static Dataset<Row> rows(long seed, double[] predictionValues) {
    Random r = new Random(seed);
    List<Row> list = new ArrayList<>();
    String[] labels = {"yes", "no"};
    for (int i = 0; i < 2_000; i++) {
      double u = r.nextDouble();
      Double score =
          u < 0.05
              ? null
              : u < 0.08 ? Double.NaN : u < 0.1 ? Double.POSITIVE_INFINITY : r.nextInt(9) / 4.0;
      list.add(
          RowFactory.create(
              "g" + r.nextInt(5),
              r.nextDouble() < 0.02 ? null : labels[r.nextInt(2)],
              predictionValues[r.nextInt(predictionValues.length)],
              r.nextBoolean(),
              score));
    }
    return SharedSpark.get().createDataFrame(list, SCHEMA);
  }

  /** Runs the old aggregates and the coded states over the same cells, groups by {@code g}. */
  private static List<GroupedStates> run(
      Dataset<Row> data, FairnessInput in, List<AggregateState<?>> states) {
    Column score = FiniteNumbers.of(Columns.named("score"));
    Dataset<Row> coded =
        data.withColumn(JointCell.COLUMN, JointCell.code(in, in.prediction().asInt(), score));
    return SinglePassRunner.run(
        coded,
        List.of(new Grouping("g", List.of("g")), Grouping.whole("")),
        states,
        CellLimits.cells(1_000),
        JointCell.CELL_CODE);
  }

  private static FairnessInput input(Dataset<Row> data, BinaryColumn label, BinaryColumn pred) {
    return FairnessInput.of(
        data, FairnessInput.Outcomes.of(label, pred, "score"), List.of(new Slice(List.of("g"))), 1);
  }

  @Test
  void codedStatesEqualTheAggregatedOnes() {
    Dataset<Row> data = rows(7, new double[] {0.0, 1.0});
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.StringType, "yes", "test");
    BinaryColumn pred = BinaryColumn.of("prediction", "p", DataTypes.DoubleType, "1", "test");
    BinaryColumn flag = BinaryColumn.of("prediction", "flag", DataTypes.BooleanType, "true", "t");
    FairnessInput in = input(data, label, pred);
    Column score = FiniteNumbers.of(Columns.named("score"));
    List<AggregateState<?>> states =
        List.of(
            new ConfusionAggregate(label.asInt(), pred.asInt(), score),
            new JointCell.Confusion(score),
            label,
            JointCell.check(label, JointCell.LABEL_SHIFT),
            pred,
            JointCell.check(pred, JointCell.PREDICTION_SHIFT),
            new FiniteNumbers.Count(Columns.named("score")),
            new JointCell.NonFinite(),
            flag);
    List<GroupedStates> groups = run(data, in, states);
    assertEquals(6, groups.size());
    for (GroupedStates g : groups) {
      assertEquals((Object) g.state(0), g.state(1), g.key().toString());
      assertSameCheck(g.state(2), g.state(3));
      assertSameCheck(g.state(4), g.state(5));
      assertEquals((Object) g.state(6), g.state(7));
    }
    ConfusionState all = groups.get(5).state(1);
    assertTrue(all.labelPositive() > 0 && all.truePositive() > 0 && all.scoreCount() < all.n());
    BinaryColumn.Values labels = groups.get(5).state(3);
    assertTrue(labels.nulls() > 0);
    // the string label's one other value: one hash; the numeric prediction's expected 0: [0, 0]
    assertEquals(labels.otherHashMin(), labels.otherHashMax());
    BinaryColumn.Values preds = groups.get(5).state(5);
    assertEquals(0L, preds.otherHashMin());
    assertEquals(0L, preds.otherHashMax());
  }

  /** Nulls, positives and whether other values are one value (not the hashes themselves). */
  private static void assertSameCheck(BinaryColumn.Values old, BinaryColumn.Values coded) {
    assertEquals(old.nulls(), coded.nulls());
    assertEquals(old.positives(), coded.positives());
    assertEquals(old.otherHashMin() == null, coded.otherHashMin() == null);
    if (old.otherHashMin() != null) {
      assertEquals(
          old.otherHashMin().equals(old.otherHashMax()),
          coded.otherHashMin().equals(coded.otherHashMax()));
    }
  }

  @Test
  void anUnexpectedButSingleOtherValueIsStillBinaryAndAThirdValueIsNamed() {
    BinaryColumn pred = BinaryColumn.of("prediction", "p", DataTypes.DoubleType, "1", "test");
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.StringType, "yes", "test");
    // {1, 2}: 2 is not the expected 0 (code 3), the check's query finds it is the one other value
    Dataset<Row> oneOther = rows(8, new double[] {1.0, 2.0});
    BinaryColumn.Values v =
        run(oneOther, input(oneOther, label, pred), List.of(JointCell.check(pred, 2)))
            .get(5)
            .state(0);
    assertEquals(Long.MIN_VALUE, v.otherHashMin());
    pred.check(v, oneOther);
    // {0, 1, 2}: a third value, named
    Dataset<Row> three = rows(9, new double[] {0.0, 1.0, 2.0});
    BinaryColumn.Values w =
        run(three, input(three, label, pred), List.of(JointCell.check(pred, 2))).get(5).state(0);
    BadInputException e = assertThrows(BadInputException.class, () -> pred.check(w, three));
    assertTrue(e.getMessage().contains("'0.0' and '2.0'"), e.getMessage());
  }

  @Test
  void aStringColumnWithTwoOtherValuesShowsTwoHashes() {
    Dataset<Row> data =
        rows(10, new double[] {0.0, 1.0})
            .withColumn(
                "y",
                functions
                    .when(functions.rand(3).lt(0.1), functions.lit("maybe"))
                    .otherwise(functions.col("y")));
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.StringType, "yes", "test");
    BinaryColumn pred = BinaryColumn.of("prediction", "p", DataTypes.DoubleType, "1", "test");
    BinaryColumn.Values v =
        run(data, input(data, label, pred), List.of(JointCell.check(label, 0))).get(5).state(0);
    assertTrue(!v.otherHashMin().equals(v.otherHashMax()));
    assertThrows(BadInputException.class, () -> label.check(v, data));
  }
}
