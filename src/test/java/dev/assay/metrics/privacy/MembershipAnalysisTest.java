package dev.assay.metrics.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The threshold membership attack: hand-worked counts, a brute-force oracle, one job, bad input. */
class MembershipAnalysisTest {

  static final SparkSession SPARK = SharedSpark.get();
  static final StructType SCHEMA = new StructType().add("member", DataTypes.BooleanType)
      .add("y", DataTypes.IntegerType).add("p", DataTypes.DoubleType);
  static final BinaryColumn MEMBER = BinaryColumn.of("member", "member", DataTypes.BooleanType, "true", "test");
  static final BinaryColumn LABEL = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");

  /**
   * Members (y, p): (1, .9), (0, .2), (1, .6) → confidence in the true label .9, .8, .6;
   * non-members: (1, .6), (0, .6), (1, .3) → .6, .4, .3.
   */
  static Dataset<Row> fixture() {
    return SPARK.createDataFrame(List.of(
        RowFactory.create(true, 1, 0.9), RowFactory.create(true, 0, 0.2), RowFactory.create(true, 1, 0.6),
        RowFactory.create(false, 1, 0.6), RowFactory.create(false, 0, 0.6), RowFactory.create(false, 1, 0.3)),
        SCHEMA);
  }

  static double value(List<MetricResult> m, String name) {
    return m.stream().filter(r -> r.key().metric().equals(name)).findFirst().orElseThrow()
        .number().orElseThrow(() -> new AssertionError(name + " undefined"));
  }

  @Test
  void handWorkedWithLabel() {
    List<MetricResult> m = MembershipAnalysis.run(fixture(), MEMBER, LABEL, "p", "test");
    // .9 and .8 beat all 3 non-members (3 + 3); .6 beats .4 and .3 and ties .6 (2.5) → 8.5 / 9
    assertEquals(8.5 / 9, value(m, "membership_auc"), 1e-12);
    // t = .8: TPR 2/3, FPR 0 → 2/3 (t = .6 gives 1 − 1/3, the same)
    assertEquals(2.0 / 3, value(m, "membership_advantage"), 1e-12);
    assertEquals(6L, m.get(0).count());
  }

  @Test
  void handWorkedWithoutLabel() {
    // max(p, 1 − p): members .9, .8, .6; non-members .6, .6, .7
    List<MetricResult> m = MembershipAnalysis.run(fixture(), MEMBER, null, "p", "test");
    // .9: 3, .8: 3, .6: ties two .6 (1) → 7 / 9
    assertEquals(7.0 / 9, value(m, "membership_auc"), 1e-12);
    // t = .8: 2/3 − 0
    assertEquals(2.0 / 3, value(m, "membership_advantage"), 1e-12);
  }

  @Test
  void agreesWithABruteForceLoopOnSeededData() {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    List<double[]> members = new ArrayList<>();
    List<double[]> others = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      boolean member = random.nextBoolean();
      int y = random.nextInt(2);
      double confidence = Math.min(1, Math.max(0, (member ? 0.62 : 0.5) + random.nextGaussian() * 0.2));
      double p = Math.round((y == 1 ? confidence : 1 - confidence) * 100) / 100.0;
      rows.add(RowFactory.create(member, y, p));
      double signal = Math.round((y == 1 ? p : 1 - p) * 10000) / 10000.0;
      (member ? members : others).add(new double[] {signal});
    }
    double wins = 0;
    for (double[] a : members) {
      for (double[] b : others) {
        wins += a[0] > b[0] ? 1 : a[0] == b[0] ? 0.5 : 0;
      }
    }
    double auc = wins / ((double) members.size() * others.size());
    double advantage = 0;
    for (int t = 0; t <= 101; t++) {
      double threshold = t / 100.0;
      double tpr = members.stream().filter(s -> s[0] >= threshold - 1e-9).count() / (double) members.size();
      double fpr = others.stream().filter(s -> s[0] >= threshold - 1e-9).count() / (double) others.size();
      advantage = Math.max(advantage, tpr - fpr);
    }
    Dataset<Row> data = SPARK.createDataFrame(rows, SCHEMA);
    List<MetricResult>[] m = new List[1];
    assertEquals(1, JobCounter.count(SPARK, () -> m[0] = MembershipAnalysis.run(data, MEMBER, LABEL, "p", "test")));
    assertEquals(auc, value(m[0], "membership_auc"), 1e-12);
    assertEquals(advantage, value(m[0], "membership_advantage"), 1e-12);
    assertTrue(auc > 0.6, "the planted leak is visible: " + auc);
  }

  @Test
  void mergedStatesGiveTheMetricsOfTheUnion() {
    MembershipCounts a = MembershipCounts.empty().add(0.9, 1, 0).add(0.6, 1, 1);
    MembershipCounts b = MembershipCounts.empty().add(0.8, 1, 0).add(0.4, 0, 1).add(0.3, 0, 1);
    MembershipCounts all = MembershipCounts.empty().add(0.9, 1, 0).add(0.8, 1, 0).add(0.6, 1, 1)
        .add(0.4, 0, 1).add(0.3, 0, 1);
    assertEquals(all.auc(), a.merge(b).auc(), 1e-15);
    assertEquals(all.advantage(), b.merge(a).advantage(), 1e-15);
    assertEquals(8.5 / 9, all.auc(), 1e-12);
  }

  @Test
  void noNonMembersIsUndefinedWithTheReason() {
    List<MetricResult> m = MembershipAnalysis.run(fixture().where("member"), MEMBER, LABEL, "p", "test");
    assertTrue(m.stream().allMatch(r -> r instanceof MetricResult.Undefined && r.note().contains("non-members (0)")));
  }

  @Test
  void aScoreOutsideZeroOneIsBadInput() {
    Dataset<Row> data = fixture().union(SPARK.createDataFrame(List.of(RowFactory.create(true, 1, 7.0)), SCHEMA));
    BadInputException e = assertThrows(BadInputException.class,
        () -> MembershipAnalysis.run(data, MEMBER, LABEL, "p", "test"));
    assertTrue(e.getMessage().contains("'p'") && e.getMessage().contains("outside [0, 1]"), e.getMessage());
  }

  @Test
  void anEmptyMemberFlagIsBadInput() {
    Dataset<Row> data = fixture().union(SPARK.createDataFrame(List.of(RowFactory.create(null, 1, 0.5)), SCHEMA));
    BadInputException e = assertThrows(BadInputException.class,
        () -> MembershipAnalysis.run(data, MEMBER, LABEL, "p", "test"));
    assertTrue(e.getMessage().contains("'member'") && e.getMessage().contains("empty on 1 rows"), e.getMessage());
  }
}
