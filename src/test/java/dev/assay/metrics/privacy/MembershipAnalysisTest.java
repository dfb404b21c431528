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

/**
 * The threshold membership attack: hand-worked counts, a brute-force oracle, one job, bad input.
 */
class MembershipAnalysisTest {

  static final SparkSession SPARK = SharedSpark.get();
  static final StructType SCHEMA =
      new StructType()
          .add("member", DataTypes.BooleanType)
          .add("y", DataTypes.IntegerType)
          .add("p", DataTypes.DoubleType);
  static final BinaryColumn MEMBER =
      BinaryColumn.of("member", "member", DataTypes.BooleanType, "true", "test");
  static final BinaryColumn LABEL =
      BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");

  /**
   * Members (y, p): (1, .9), (0, .2), (1, .6) → confidence in the true label .9, .8, .6;
   * non-members: (1, .6), (0, .6), (1, .3) → .6, .4, .3.
   */
  static Dataset<Row> fixture() {
    return SPARK.createDataFrame(
        List.of(
            RowFactory.create(true, 1, 0.9),
            RowFactory.create(true, 0, 0.2),
            RowFactory.create(true, 1, 0.6),
            RowFactory.create(false, 1, 0.6),
            RowFactory.create(false, 0, 0.6),
            RowFactory.create(false, 1, 0.3)),
        SCHEMA);
  }

  static double value(List<MetricResult> m, String name) {
    return m.stream()
        .filter(r -> r.key().metric().equals(name))
        .findFirst()
        .orElseThrow()
        .number()
        .orElseThrow(() -> new AssertionError(name + " undefined"));
  }

  @Test
  void handWorkedWithLabel() {
    List<MetricResult> m = MembershipAnalysis.run(fixture(), MEMBER, LABEL, "p", "test");
    // .9 and .8 beat all 3 non-members (3 + 3); .6 beats .4 and .3 and ties .6 (2.5) → 8.5 / 9
    assertEquals(8.5 / 9, value(m, "membership_auc"), 1e-12);
    // t = .8: TPR 2/3, FPR 0 → 2/3 (t = .6 gives 1 − 1/3, the same)
    assertEquals(2.0 / 3, value(m, "membership_advantage"), 1e-12);
    // thresholds .9 (TPR 1/3, FPR 0), .8 (2/3, 0), .6 (1, 1/3): the best TPR with FPR ≤ 0.1 % or 1
    // % is 2/3
    assertEquals(2.0 / 3, value(m, "membership_tpr_at_0_1_fpr"), 1e-12);
    assertEquals(2.0 / 3, value(m, "membership_tpr_at_1_fpr"), 1e-12);
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
      double confidence =
          Math.min(1, Math.max(0, (member ? 0.62 : 0.5) + random.nextGaussian() * 0.2));
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
      double tpr =
          members.stream().filter(s -> s[0] >= threshold - 1e-9).count() / (double) members.size();
      double fpr =
          others.stream().filter(s -> s[0] >= threshold - 1e-9).count() / (double) others.size();
      advantage = Math.max(advantage, tpr - fpr);
    }
    Dataset<Row> data = SPARK.createDataFrame(rows, SCHEMA);
    List<MetricResult>[] m = new List[1];
    assertEquals(
        1,
        JobCounter.count(
            SPARK, () -> m[0] = MembershipAnalysis.run(data, MEMBER, LABEL, "p", "test")));
    assertEquals(auc, value(m[0], "membership_auc"), 1e-12);
    assertEquals(advantage, value(m[0], "membership_advantage"), 1e-12);
    assertTrue(auc > 0.6, "the planted leak is visible: " + auc);
  }

  /** The four threshold-attack metrics from their definitions, by loops over all thresholds. */
  static double[] bruteForce(List<Double> memberList, List<Double> otherList) {
    double[] members = memberList.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] others = otherList.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double wins = 0;
    for (double a : members) {
      for (double b : others) {
        wins += a > b ? 1 : a == b ? 0.5 : 0;
      }
    }
    java.util.TreeSet<Double> thresholds = new java.util.TreeSet<>(memberList);
    thresholds.addAll(otherList);
    thresholds.add(Double.POSITIVE_INFINITY);
    double advantage = 0;
    double tpr01 = 0;
    double tpr1 = 0;
    for (double t : thresholds) {
      double tpr = atLeast(members, t) / (double) members.length;
      double fpr = atLeast(others, t) / (double) others.length;
      advantage = Math.max(advantage, tpr - fpr);
      tpr01 = fpr <= 0.001 ? Math.max(tpr01, tpr) : tpr01;
      tpr1 = fpr <= 0.01 ? Math.max(tpr1, tpr) : tpr1;
    }
    return new double[] {wins / ((double) members.length * others.length), advantage, tpr01, tpr1};
  }

  /** How many values of the sorted array are ≥ t (bisection for the first such index). */
  private static int atLeast(double[] sorted, double t) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] >= t) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return sorted.length - lo;
  }

  static final String[] NAMES = {
    "membership_auc", "membership_advantage", "membership_tpr_at_0_1_fpr", "membership_tpr_at_1_fpr"
  };

  @Test
  void bySensitiveGroupFromTheSameJobAgreesWithBruteForce() {
    Random random = new Random(11);
    StructType schema = SCHEMA.add("g", DataTypes.StringType).add("s", DataTypes.IntegerType);
    List<Row> rows = new ArrayList<>();
    java.util.Map<String, List<Double>[]> groups = new java.util.TreeMap<>();
    for (int i = 0; i < 4000; i++) {
      boolean member = random.nextBoolean();
      int y = random.nextInt(2);
      String g = new String[] {"A", "B", "C"}[random.nextInt(3)];
      Integer sex = random.nextInt(10) == 0 ? null : random.nextInt(2);
      double lift = g.equals("A") ? 0.25 : g.equals("B") ? 0.08 : 0.0; // A leaks most, C not at all
      double confidence =
          Math.min(1, Math.max(0, 0.5 + (member ? lift : 0) + random.nextGaussian() * 0.15));
      double p = Math.round((y == 1 ? confidence : 1 - confidence) * 1000) / 1000.0;
      rows.add(RowFactory.create(member, y, p, g, sex));
      double signal = Math.round((y == 1 ? p : 1 - p) * 10000) / 10000.0;
      for (String key : List.of("", "g=" + g, "s=" + sex)) {
        List<Double>[] both =
            groups.computeIfAbsent(key, k -> new List[] {new ArrayList<>(), new ArrayList<>()});
        both[member ? 0 : 1].add(signal);
      }
    }
    Dataset<Row> data = SPARK.createDataFrame(rows, schema);
    List<MetricResult>[] m = new List[1];
    assertEquals(
        1,
        JobCounter.count(
            SPARK,
            () ->
                m[0] =
                    MembershipAnalysis.run(data, MEMBER, LABEL, "p", List.of("g", "s"), "test")));
    assertEquals(4 * (1 + 3 + 3), m[0].size(), "data set, g = A/B/C, s = 0/1/null");
    groups.forEach(
        (key, both) -> {
          double[] expected = bruteForce(both[0], both[1]);
          for (int i = 0; i < NAMES.length; i++) {
            String name = NAMES[i];
            MetricResult r =
                m[0].stream()
                    .filter(
                        x ->
                            x.key().metric().equals(name)
                                && (key.isEmpty()
                                    ? x.key().scope().attribute() == null
                                    : (x.key().scope().attribute() + "=" + x.key().scope().group())
                                        .equals(key)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " " + key));
            assertEquals(expected[i], r.number().orElseThrow(), 1e-12, name + " " + key);
          }
        });
    double aucA = bruteForce(groups.get("g=A")[0], groups.get("g=A")[1])[0];
    double aucC = bruteForce(groups.get("g=C")[0], groups.get("g=C")[1])[0];
    assertTrue(aucA > 0.75 && Math.abs(aucC - 0.5) < 0.05, aucA + " " + aucC);
  }

  @Test
  void mergedStatesGiveTheMetricsOfTheUnion() {
    MembershipCounts a = MembershipCounts.empty().add(0.9, 1, 0).add(0.6, 1, 1);
    MembershipCounts b = MembershipCounts.empty().add(0.8, 1, 0).add(0.4, 0, 1).add(0.3, 0, 1);
    MembershipCounts all =
        MembershipCounts.empty()
            .add(0.9, 1, 0)
            .add(0.8, 1, 0)
            .add(0.6, 1, 1)
            .add(0.4, 0, 1)
            .add(0.3, 0, 1);
    assertEquals(all.auc(), a.merge(b).auc(), 1e-15);
    assertEquals(all.advantage(), b.merge(a).advantage(), 1e-15);
    assertEquals(8.5 / 9, all.auc(), 1e-12);
  }

  @Test
  void noNonMembersIsUndefinedWithTheReason() {
    List<MetricResult> m =
        MembershipAnalysis.run(fixture().where("member"), MEMBER, LABEL, "p", "test");
    assertTrue(
        m.stream()
            .allMatch(
                r -> r instanceof MetricResult.Undefined && r.note().contains("non-members (0)")));
  }

  @Test
  void aScoreOutsideZeroOneIsBadInput() {
    Dataset<Row> data =
        fixture().union(SPARK.createDataFrame(List.of(RowFactory.create(true, 1, 7.0)), SCHEMA));
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> MembershipAnalysis.run(data, MEMBER, LABEL, "p", "test"));
    assertTrue(
        e.getMessage().contains("'p'") && e.getMessage().contains("outside [0, 1]"),
        e.getMessage());
  }

  @Test
  void anEmptyMemberFlagIsBadInput() {
    Dataset<Row> data =
        fixture().union(SPARK.createDataFrame(List.of(RowFactory.create(null, 1, 0.5)), SCHEMA));
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> MembershipAnalysis.run(data, MEMBER, LABEL, "p", "test"));
    assertTrue(
        e.getMessage().contains("'member'") && e.getMessage().contains("empty on 1 rows"),
        e.getMessage());
  }
}
