package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.CellLimits;
import dev.assay.spark.Grouping;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spark.SinglePassRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** {@code fairness.auc}: exact score keys (the default), binned ones, and the bounded collect. */
class ExactScoreKeyTest {

  private static final StructType SCHEMA =
      new StructType()
          .add("g", DataTypes.StringType)
          .add("y", DataTypes.IntegerType)
          .add("score", DataTypes.DoubleType);

  /**
   * Group A: negatives 0.1001 and 0.5, positives 0.1002 and 0.7. Pairs: 0.1002 > 0.1001, 0.1002 <
   * 0.5, 0.7 > both: exact AUC 3/4. Binned, 0.1001 and 0.1002 share key 100 and count as a tie:
   * 2.5/4 = 0.625, bound ½ · 1/4 = 0.125. Group B (negatives 0.2, 0.35; positives 0.3, 0.9) shares
   * no key: 3/4 either way.
   */
  static Dataset<Row> frame() {
    Object[][] rows = {
      {"A", 0, 0.1001}, {"A", 1, 0.1002}, {"A", 0, 0.5}, {"A", 1, 0.7},
      {"B", 0, 0.2}, {"B", 1, 0.3}, {"B", 0, 0.35}, {"B", 1, 0.9}
    };
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return SharedSpark.get().createDataFrame(list, SCHEMA);
  }

  static List<MetricResult> run(ScoreKey key) {
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    FairnessInput in =
        FairnessInput.of(
            frame(),
            FairnessInput.Outcomes.of(label, null, "score"),
            List.of(new Slice(List.of("g"))),
            1);
    FairnessInput with = in.withExtras(in.extras().with(key));
    List<List<MetricResult>> out = new ArrayList<>();
    assertEquals(
        1,
        JobCounter.count(SharedSpark.get(), () -> out.add(FairnessAnalysis.run(with).metrics())));
    return out.get(0);
  }

  @Test
  void exactKeysGiveTheExactAucAndBinnedOnesTheirBound() {
    List<MetricResult> exact = run(ScoreKey.EXACT);
    MetricResult a = FairnessAnalysisTest.result(exact, "auc", Scope.group("g", "A"));
    assertEquals(0.75, a.number().orElseThrow(), 1e-15);
    assertTrue(a.note().contains("(exact;"), a.note());
    assertEquals(
        0.75, FairnessAnalysisTest.value(exact, "auc", Scope.group("g", "B")), 1e-15, "no tie");

    List<MetricResult> binned = run(ScoreKey.BINNED);
    MetricResult b = FairnessAnalysisTest.result(binned, "auc", Scope.group("g", "A"));
    assertEquals(0.625, b.number().orElseThrow(), 1e-15);
    assertTrue(b.note().contains("within 0.1250"), b.note());
    assertEquals(
        0.75, FairnessAnalysisTest.value(binned, "auc", Scope.group("g", "B")), 1e-15, "no tie");
  }

  @Test
  void exactKeysKeepTheScoresOrderAndValue() {
    Random random = new Random(7);
    double[] scores = new double[200];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 6);
    }
    scores[0] = 0.0;
    scores[1] = Double.MIN_VALUE;
    scores[2] = -Double.MIN_VALUE;
    Arrays.sort(scores);
    for (int i = 0; i < scores.length; i++) {
      long k = ScoreKey.exactKey(scores[i]);
      assertEquals(scores[i], ScoreKey.exactScore(k), 0.0);
      assertTrue(k != ScoreKey.NO_SCORE);
      if (i > 0 && scores[i] > scores[i - 1]) {
        assertTrue(k > ScoreKey.exactKey(scores[i - 1]), scores[i] + " vs " + scores[i - 1]);
      }
    }
    assertEquals(ScoreKey.exactKey(0.0), ScoreKey.exactKey(-0.0));
  }

  /** Over its bound the bounded run brings nothing back (the caller falls back); within, all. */
  @Test
  void aBoundedRunReturnsNothingOverItsBound() {
    List<Grouping> byGroup = List.of(new Grouping("g", List.of("g", "score")));
    assertTrue(
        SinglePassRunner.runBounded(frame(), byGroup, List.of(), CellLimits.cells(7)).isEmpty());
    assertEquals(
        8,
        SinglePassRunner.runBounded(frame(), byGroup, List.of(), CellLimits.cells(8))
            .orElseThrow()
            .size());
  }
}
