package dev.assay.metrics.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.CompasCsv;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Re-identification risk: a hand-worked fixture, empty data, the merge law, one job, COMPAS. */
class ReidentificationAnalysisTest {

  static final SparkSession SPARK = SharedSpark.get();
  static final StructType SCHEMA =
      new StructType()
          .add("a", DataTypes.IntegerType)
          .add("b", DataTypes.StringType)
          .add("s", DataTypes.StringType);

  /**
   * Four classes over (a, b), a null quasi-identifier being a value: (1,x): s = A, A, B (n=3);
   * (1,y): A, C (n=2); (2,null): B (n=1); (null,null): A, A, A, A (n=4).
   */
  static Dataset<Row> fixture() {
    return SPARK.createDataFrame(
        List.of(
            RowFactory.create(1, "x", "A"),
            RowFactory.create(1, "x", "A"),
            RowFactory.create(1, "x", "B"),
            RowFactory.create(1, "y", "A"),
            RowFactory.create(1, "y", "C"),
            RowFactory.create(2, null, "B"),
            RowFactory.create(null, null, "A"),
            RowFactory.create(null, null, "A"),
            RowFactory.create(null, null, "A"),
            RowFactory.create(null, null, "A")),
        SCHEMA);
  }

  static double value(List<MetricResult> metrics, String name) {
    return metrics.stream()
        .filter(m -> m.key().metric().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name))
        .number()
        .orElseThrow(() -> new AssertionError(name + " undefined"));
  }

  @Test
  void handWorkedFixture() {
    List<MetricResult> m = ReidentificationAnalysis.run(fixture(), List.of("a", "b"), "s", 3);
    assertEquals(1, value(m, "k_anonymity")); // smallest class (2,null)
    assertEquals(4, value(m, "equivalence_classes"));
    assertEquals(1.0, value(m, "reidentification_risk_prosecutor_max"), 1e-12); // 1/1
    assertEquals(0.4, value(m, "reidentification_risk_prosecutor_avg"), 1e-12); // 4 classes / 10
    assertEquals(0.1, value(m, "sample_uniqueness"), 1e-12); // 1 unique record / 10
    assertEquals(0.3, value(m, "records_at_risk"), 1e-12); // classes of 2 and 1 (< k=3): 3/10
    assertEquals(1, value(m, "l_diversity")); // (2,null) and (null,null) hold 1 value
    assertEquals(1.0, value(m, "entropy_l_diversity"), 1e-12); // exp(0)
    // q = A 7/10, B 2/10, C 1/10. TV: (1,x) ½(|2/3−.7|+|1/3−.2|+.1)=.1333; (1,y) ½(.2+.2+.4)=.4;
    // (2,null) ½(.7+.8+.1)=.8; (null,null) ½(.3+.2+.1)=.3 → max .8
    assertEquals(0.8, value(m, "t_closeness"), 1e-12);
    assertEquals(Scope.column("a & b"), m.get(0).key().scope());
    assertEquals(10L, m.get(0).count());
  }

  @Test
  void entropyAndClosenessOfTwoMixedClasses() {
    Dataset<Row> two = fixture().where("a = 1");
    List<MetricResult> m = ReidentificationAnalysis.run(two, List.of("a", "b"), "s", 5);
    assertEquals(2, value(m, "k_anonymity"));
    assertEquals(1.0, value(m, "records_at_risk"), 1e-12); // both classes < 5
    assertEquals(0.0, value(m, "sample_uniqueness"), 1e-12);
    assertEquals(2, value(m, "l_diversity"));
    // (1,x): H = −(2/3 ln 2/3 + 1/3 ln 1/3) = 0.636514, exp = 3 / 2^(2/3) = 1.889882; (1,y): exp(ln
    // 2) = 2
    assertEquals(3 / Math.pow(2, 2.0 / 3), value(m, "entropy_l_diversity"), 1e-12);
    // q = A .6, B .2, C .2: (1,x) ½(|2/3−.6|+|1/3−.2|+.2) = .2; (1,y) ½(.1+.2+.3) = .3
    assertEquals(0.3, value(m, "t_closeness"), 1e-12);
  }

  @Test
  void withoutSensitiveAttributeOnlyTheClassMetrics() {
    List<MetricResult> m = ReidentificationAnalysis.run(fixture(), List.of("a"), null, 5);
    assertEquals(6, m.size());
    assertEquals(1, value(m, "k_anonymity")); // a = 2 once
    assertEquals(3, value(m, "equivalence_classes")); // 1, 2, null
    assertEquals(0.5, value(m, "records_at_risk"), 1e-12); // a=2 (1) and a=null (4) < 5 → 5/10
  }

  @Test
  void emptyDataGivesUndefinedMetricsWithTheReason() {
    List<MetricResult> m =
        ReidentificationAnalysis.run(fixture().limit(0), List.of("a", "b"), "s", 5);
    assertEquals(9, m.size());
    for (MetricResult r : m) {
      assertTrue(r instanceof MetricResult.Undefined, r.toString());
      assertTrue(r.note().contains("no rows"), r.note());
    }
  }

  /**
   * Li, Li &amp; Venkatasubramanian's salary example (ICDE 2007, §4.2): salaries 3k..11k, one
   * record each, q = 1/9 per value, m = 9. Class {3k, 4k, 5k}: cumulative differences 2/9, 4/9,
   * 6/9, 5/9, 4/9, 3/9, 2/9, 1/9 → 27/9 / 8 = 0.375; {6k, 8k, 11k}: 1,2,3,1,2,0,1,2 (/9) → 12/9 / 8
   * = 1/6; {7k, 9k, 10k}: 1,2,3,4,2,3,1,1 (/9) → 17/72. t_closeness = the largest, 0.375 (the
   * paper's value).
   */
  @Test
  void aNumericSensitiveAttributeUsesTheOrderedDistanceEmd() {
    StructType schema =
        new StructType().add("zip", DataTypes.StringType).add("salary", DataTypes.IntegerType);
    int[][] classes = {{3, 4, 5}, {6, 8, 11}, {7, 9, 10}};
    List<Row> rows = new ArrayList<>();
    for (int c = 0; c < classes.length; c++) {
      for (int v : classes[c]) {
        rows.add(RowFactory.create("z" + c, v * 1000));
      }
    }
    Dataset<Row> data = SPARK.createDataFrame(rows, schema);
    List<MetricResult> m = ReidentificationAnalysis.run(data, List.of("zip"), "salary", 2);
    MetricResult t =
        m.stream().filter(r -> r.key().metric().equals("t_closeness")).findFirst().orElseThrow();
    assertEquals(0.375, t.number().orElseThrow(), 1e-12);
    assertTrue(t.note().contains("ordered-distance EMD"), t.note());
  }

  /** The EMD from its definition by loops, on seeded numeric data with a missing value. */
  @Test
  void orderedEmdAgreesWithALoopOnSeededData() {
    StructType schema =
        new StructType().add("a", DataTypes.IntegerType).add("v", DataTypes.DoubleType);
    java.util.Random random = new java.util.Random(5);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int a = random.nextInt(12);
      Double v = random.nextInt(25) == 0 ? null : (double) (random.nextInt(15) + (a % 3) * 3) / 2;
      rows.add(RowFactory.create(a, v));
    }
    // the definition: values sorted with null first, per class Σ_{i<m} |Σ_{j≤i} (p_j − q_j)| / (m −
    // 1)
    java.util.TreeMap<Double, Integer> all =
        new java.util.TreeMap<>(
            java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
    java.util.Map<Integer, java.util.TreeMap<Double, Integer>> byClass = new java.util.TreeMap<>();
    for (Row r : rows) {
      Double v = r.isNullAt(1) ? null : r.getDouble(1);
      all.merge(v, 1, Integer::sum);
      byClass
          .computeIfAbsent(
              r.getInt(0),
              k ->
                  new java.util.TreeMap<>(
                      java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
          .merge(v, 1, Integer::sum);
    }
    List<Double> values = new ArrayList<>(all.keySet());
    double worst = 0;
    for (java.util.TreeMap<Double, Integer> cls : byClass.values()) {
      int n = cls.values().stream().mapToInt(Integer::intValue).sum();
      double cum = 0;
      double sum = 0;
      for (int i = 0; i < values.size() - 1; i++) {
        cum += cls.getOrDefault(values.get(i), 0) / (double) n - all.get(values.get(i)) / 600.0;
        sum += Math.abs(cum);
      }
      worst = Math.max(worst, sum / (values.size() - 1));
    }
    EquivalenceClasses state =
        ReidentificationAnalysis.state(SPARK.createDataFrame(rows, schema), List.of("a"), "v", 5);
    assertEquals(worst, state.maxTotalVariation(), 1e-12);
  }

  /**
   * The EMD as it was computed before it ran on GPU executors: per class an {@code aggregate} fold
   * over {@code sequence(1, m − 1)} walking the rank-sorted (rank, count) list (the reference).
   */
  static Column foldedEmd(Column cells, Column n, Column cumulative, int m) {
    Column sorted = functions.array_sort(cells);
    Column init =
        functions.struct(
            functions.lit(0.0).as("s"), functions.lit(1).as("j"), functions.lit(0L).as("cum"));
    return functions.aggregate(
        functions.sequence(functions.lit(1), functions.lit(m - 1)),
        init,
        (acc, i) -> {
          Column cell = functions.try_element_at(sorted, acc.getField("j"));
          Column hit = functions.coalesce(cell.getField("rank").equalTo(i), functions.lit(false));
          Column cum =
              acc.getField("cum")
                  .plus(functions.when(hit, cell.getField("c")).otherwise(functions.lit(0L)));
          return functions.struct(
              acc.getField("s")
                  .plus(functions.abs(cum.divide(n).minus(functions.element_at(cumulative, i))))
                  .as("s"),
              acc.getField("j")
                  .plus(functions.when(hit, functions.lit(1)).otherwise(functions.lit(0)))
                  .as("j"),
              cum.as("cum"));
        },
        acc -> acc.getField("s").divide(m - 1));
  }

  /**
   * The EMD from window running sums and a plain sum gives every class the fold's value to the last
   * bit, and the same class sizes, distinct values and entropy-l, on seeded data with gaps in the
   * ranks, a missing value and one class per value count.
   */
  @Test
  void theEmdOfTheRunningSumsIsTheFoldsToTheLastBit() {
    StructType schema =
        new StructType()
            .add("a", DataTypes.IntegerType)
            .add("b", DataTypes.StringType)
            .add("v", DataTypes.IntegerType);
    java.util.Random random = new java.util.Random(17);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      int a = random.nextInt(40);
      Integer v = random.nextInt(30) == 0 ? null : random.nextInt(5 + a) * (1 + a % 4);
      rows.add(RowFactory.create(a, a % 3 == 0 ? null : "b" + (a % 2), v));
    }
    rows.add(RowFactory.create(99, "only", 1_000));
    Dataset<Row> data = SPARK.createDataFrame(rows, schema);
    List<String> qi = List.of("a", "b");
    ReidentificationAnalysis.Distribution q =
        ReidentificationAnalysis.Distribution.of(
            ReidentificationAnalysis.sensitiveValues(data, "v"), true);
    ReidentificationAnalysis.Ordered ordered = q.ordered();
    assertTrue(ordered.m() > 60, "distinct values: " + ordered.m());
    Column[] keys = {functions.col("a"), functions.col("b")};
    Dataset<Row> cells =
        data.withColumn(
                "__assay_sensitive",
                functions.coalesce(
                    functions.col("v").cast("string"), functions.lit("\u0000(missing)")))
            .groupBy(functions.col("a"), functions.col("b"), functions.col("__assay_sensitive"))
            .agg(functions.count(functions.lit(1)).as("c"))
            .withColumn(
                "rank", functions.element_at(ordered.rank(), functions.col("__assay_sensitive")));
    Dataset<Row> folded =
        cells
            .groupBy(keys)
            .agg(
                functions.sum("c").as("n"),
                functions.count(functions.lit(1)).as("d"),
                functions
                    .collect_list(functions.struct(functions.col("rank"), functions.col("c")))
                    .as("cq"))
            .withColumn(
                "tv_fold",
                foldedEmd(
                    functions.col("cq"), functions.col("n"), ordered.cumulative(), ordered.m()))
            .select(
                functions.col("a").as("fa"),
                functions.col("b").as("fb"),
                functions.col("n").as("n_fold"),
                functions.col("d").as("d_fold"),
                functions.col("tv_fold"));
    List<Row> joined =
        ReidentificationAnalysis.classes(data, qi, "v", q.shares(), ordered)
            .join(
                folded,
                functions
                    .col("a")
                    .eqNullSafe(functions.col("fa"))
                    .and(functions.col("b").eqNullSafe(functions.col("fb"))))
            .select("n", "n_fold", "d", "d_fold", "tv", "tv_fold")
            .collectAsList();
    assertEquals(41, joined.size());
    for (Row r : joined) {
      assertEquals(r.getLong(1), r.getLong(0), r.toString());
      assertEquals(r.getLong(3), r.getLong(2), r.toString());
      assertEquals(
          Double.doubleToLongBits(r.getDouble(5)),
          Double.doubleToLongBits(r.getDouble(4)),
          r.toString());
    }
  }

  @Test
  void onePassWithoutAndTwoWithASensitiveAttribute() {
    assertEquals(
        1,
        JobCounter.count(
            SPARK, () -> ReidentificationAnalysis.run(fixture(), List.of("a", "b"), null, 5)));
    assertEquals(
        2,
        JobCounter.count(
            SPARK, () -> ReidentificationAnalysis.run(fixture(), List.of("a", "b"), "s", 5)));
  }

  @Test
  void oneShuffleByTheQuasiIdentifiersThenOnlyAggregatedStates() {
    Column q =
        functions.map_from_arrays(
            functions.lit(new String[] {"A", "B", "C"}),
            functions.lit(new double[] {0.7, 0.2, 0.1}));
    for (String sensitive : new String[] {null, "s"}) {
      String plan =
          ReidentificationAnalysis.summary(
                  fixture(), List.of("a", "b"), sensitive, 5, sensitive == null ? null : q)
              .queryExecution()
              .executedPlan()
              .toString();
      assertEquals(1, plan.split("Exchange hashpartitioning", -1).length - 1, plan);
      assertEquals(1, plan.split("Exchange SinglePartition", -1).length - 1, plan);
    }
  }

  @Test
  void theStateOfTheWholeIsTheMergeOfDisjointClassSets() {
    EquivalenceClasses whole =
        ReidentificationAnalysis.state(fixture(), List.of("a", "b"), null, 3);
    EquivalenceClasses one =
        ReidentificationAnalysis.state(fixture().where("a = 1"), List.of("a", "b"), null, 3);
    EquivalenceClasses rest =
        ReidentificationAnalysis.state(
            fixture().where("a is null or a <> 1"), List.of("a", "b"), null, 3);
    assertEquals(whole, one.merge(rest));
    assertEquals(whole, rest.merge(one));
  }

  @Test
  void compasAgeSexRaceAgainstAPlainLoop() throws IOException {
    // Independent: classes (age, sex, race) and the distribution of r_charge_degree (empty =
    // missing).
    List<String> lines = CompasCsv.lines();
    List<String> header = CompasCsv.split(lines.get(0));
    int age = header.indexOf("age");
    int sex = header.indexOf("sex");
    int race = header.indexOf("race");
    int degree = header.indexOf("r_charge_degree");
    Map<String, Map<String, Integer>> classes = new HashMap<>();
    Map<String, Integer> overall = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = CompasCsv.split(line);
      String s = f.get(degree);
      classes
          .computeIfAbsent(f.get(age) + "|" + f.get(sex) + "|" + f.get(race), c -> new HashMap<>())
          .merge(s, 1, Integer::sum);
      overall.merge(s, 1, Integer::sum);
    }
    int n = lines.size() - 1;
    int k = Integer.MAX_VALUE;
    int uniques = 0;
    int atRisk = 0;
    int minL = Integer.MAX_VALUE;
    double minEntropyL = Double.MAX_VALUE;
    double maxTv = 0;
    for (Map<String, Integer> c : classes.values()) {
      int size = c.values().stream().mapToInt(Integer::intValue).sum();
      k = Math.min(k, size);
      uniques += size == 1 ? 1 : 0;
      atRisk += size < 5 ? size : 0;
      minL = Math.min(minL, c.size());
      double h = 0;
      for (int count : c.values()) {
        double p = (double) count / size;
        h -= p * Math.log(p);
      }
      minEntropyL = Math.min(minEntropyL, Math.exp(h));
      double tv = 0;
      for (Map.Entry<String, Integer> e : overall.entrySet()) {
        tv += Math.abs((double) c.getOrDefault(e.getKey(), 0) / size - (double) e.getValue() / n);
      }
      maxTv = Math.max(maxTv, tv / 2);
    }

    Dataset<Row> data =
        SPARK
            .read()
            .option("header", "true")
            .option("inferSchema", "true")
            .csv(CompasCsv.CSV.toString());
    List<MetricResult> m =
        ReidentificationAnalysis.run(data, List.of("age", "sex", "race"), "r_charge_degree", 5);
    assertEquals(k, value(m, "k_anonymity"));
    assertEquals(classes.size(), value(m, "equivalence_classes"));
    assertEquals(1.0 / k, value(m, "reidentification_risk_prosecutor_max"), 1e-12);
    assertEquals(
        (double) classes.size() / n, value(m, "reidentification_risk_prosecutor_avg"), 1e-12);
    assertEquals((double) uniques / n, value(m, "sample_uniqueness"), 1e-12);
    assertEquals((double) atRisk / n, value(m, "records_at_risk"), 1e-12);
    assertEquals(minL, value(m, "l_diversity"));
    assertEquals(minEntropyL, value(m, "entropy_l_diversity"), 1e-9);
    assertEquals(maxTv, value(m, "t_closeness"), 1e-9);
    assertFalse(uniques == 0, "COMPAS has unique (age, sex, race) combinations");
    assertTrue(overall.containsKey(""), "r_charge_degree has missing values, counted as a value");
  }
}
