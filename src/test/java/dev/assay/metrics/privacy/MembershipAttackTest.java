package dev.assay.metrics.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

/**
 * The trained (logistic-regression) membership attack: its AUC helper against a brute-force pair
 * count, a separable and a leak-free case, agreement with the threshold attack on a monotone leak,
 * determinism, one job, and the undefined case.
 */
class MembershipAttackTest {

  static final SparkSession SPARK = SharedSpark.get();
  static final BinaryColumn MEMBER = MembershipAnalysisTest.MEMBER;
  static final BinaryColumn LABEL = MembershipAnalysisTest.LABEL;

  static Dataset<Row> data(long seed, int n, double lift) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean member = random.nextBoolean();
      int y = random.nextInt(2);
      double confidence =
          Math.min(1, Math.max(0, 0.55 + (member ? lift : 0) + random.nextGaussian() * 0.15));
      rows.add(RowFactory.create(member, y, y == 1 ? confidence : 1 - confidence));
    }
    return SPARK.createDataFrame(rows, MembershipAnalysisTest.SCHEMA);
  }

  @Test
  void aucHelperAgreesWithPairCounting() {
    Random random = new Random(3);
    double[] score = new double[300];
    boolean[] positive = new boolean[300];
    for (int i = 0; i < score.length; i++) {
      score[i] = random.nextInt(20) / 20.0; // many ties
      positive[i] = random.nextInt(3) == 0;
    }
    double wins = 0;
    long pos = 0;
    long neg = 0;
    for (int i = 0; i < score.length; i++) {
      pos += positive[i] ? 1 : 0;
      neg += positive[i] ? 0 : 1;
      for (int j = 0; j < score.length; j++) {
        if (positive[i] && !positive[j]) {
          wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
        }
      }
    }
    assertEquals(wins / (pos * neg), MembershipAttack.auc(score, positive), 1e-12);
  }

  @Test
  void separableMembersAreFoundAndNoLeakGivesAboutAHalf() {
    MetricResult leak = MembershipAttack.run(data(1, 2000, 0.4), MEMBER, LABEL, "p", 2000);
    assertTrue(leak.number().orElseThrow() > 0.9, leak.toString());
    MetricResult none = MembershipAttack.run(data(2, 2000, 0.0), MEMBER, LABEL, "p", 2000);
    // 2,000 records, no signal: the AUC's standard error is about 0.013
    assertEquals(0.5, none.number().orElseThrow(), 0.05, none.toString());
  }

  @Test
  void onAMonotoneLeakItMatchesTheThresholdAttackAndIsDeterministic() {
    Dataset<Row> data =
        data(5, 3000, 0.1).repartition(3); // a local relation would be read without a job
    double threshold =
        MembershipAnalysisTest.value(
            MembershipAnalysis.run(data, MEMBER, LABEL, "p", "t"), "membership_auc");
    MetricResult[] attack = new MetricResult[1];
    assertEquals(
        1,
        JobCounter.count(
            SPARK, () -> attack[0] = MembershipAttack.run(data, MEMBER, LABEL, "p", 3000)));
    double trained = attack[0].number().orElseThrow();
    assertEquals(threshold, trained, 0.03, "the confidence is the whole signal here");
    assertEquals(
        trained, MembershipAttack.run(data, MEMBER, LABEL, "p", 3000).number().orElseThrow(), 0.0);
    assertEquals(3000L, attack[0].count());
  }

  @Test
  void tooFewMembersIsUndefinedWithTheCounts() {
    MetricResult r = MembershipAttack.run(MembershipAnalysisTest.fixture(), MEMBER, LABEL, "p", 6);
    assertInstanceOf(MetricResult.Undefined.class, r);
    assertTrue(r.note().contains("found 3 and 3"), r.note());
  }
}
