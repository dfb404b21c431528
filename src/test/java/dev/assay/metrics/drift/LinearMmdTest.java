package dev.assay.metrics.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The linear-time MMD on Spark: its statistic and p-value against numpy/scipy (computed once by
 * src/test/resources/drift/linear_mmd_oracle.py), its pairing (each vector at most once, the same
 * whatever the partitioning), and its behaviour with and without a shift.
 */
class LinearMmdTest {

  static final ArrayType VECTOR = DataTypes.createArrayType(DataTypes.DoubleType);

  @Test
  void statisticAndPValueMatchNumpyAndScipy() throws Exception {
    JsonNode o;
    try (InputStream in =
        LinearMmdTest.class.getResourceAsStream("/drift/linear_mmd_oracle.json")) {
      o = new ObjectMapper().readTree(in);
    }
    int pairs = o.get("x1").size();
    Object[][] rows = new Object[pairs][];
    for (int i = 0; i < pairs; i++) {
      rows[i] =
          new Object[] {
            vector(o.get("x1").get(i)),
            vector(o.get("x2").get(i)),
            vector(o.get("y1").get(i)),
            vector(o.get("y2").get(i))
          };
    }
    StructType schema =
        new StructType().add("x1", VECTOR).add("x2", VECTOR).add("y1", VECTOR).add("y2", VECTOR);
    LinearMmd l =
        LinearMmd.statistic(DriftAnalysisTest.frame(rows, schema), o.get("sigma2").asDouble());
    assertEquals(pairs, l.pairs());
    assertEquals(o.get("mmd2_linear").asDouble(), l.mmd2(), 1e-12);
    assertEquals(o.get("sd").asDouble(), l.sd(), 1e-12);
    assertEquals(o.get("p_value").asDouble(), l.pValue(), 1e-12);
  }

  /**
   * The kernel without {@code zip_with} (RAPIDS has none): the same doubles, bit for bit, as the
   * former {@code exp(aggregate(zip_with(a, b, (p, q) -> (p - q) * (p - q)), 0.0, +) / -σ²)} on
   * 3,000 random pairs (lengths 0 to 5, sometimes different, null and NaN elements).
   */
  @Test
  void theKernelGivesTheFormerDoubles() {
    Random r = new Random(7);
    Object[][] rows = new Object[3000][];
    for (int i = 0; i < rows.length; i++) {
      int n = r.nextInt(6);
      rows[i] =
          new Object[] {randomVector(r, n), randomVector(r, r.nextInt(6) == 0 ? r.nextInt(6) : n)};
    }
    StructType schema = new StructType().add("a", VECTOR).add("b", VECTOR);
    org.apache.spark.sql.Column a = functions.col("a");
    org.apache.spark.sql.Column b = functions.col("b");
    org.apache.spark.sql.Column squares =
        functions.zip_with(a, b, (p, q) -> p.minus(q).multiply(p.minus(q)));
    org.apache.spark.sql.Column former =
        functions.exp(
            functions.aggregate(squares, functions.lit(0.0), (acc, s) -> acc.plus(s)).divide(-2.5));
    List<Row> out =
        DriftAnalysisTest.frame(rows, schema)
            .select(LinearMmd.kernel(a, b, 2.5), former)
            .collectAsList();
    int defined = 0;
    for (Row row : out) {
      Long now = row.isNullAt(0) ? null : Double.doubleToRawLongBits(row.getDouble(0));
      Long before = row.isNullAt(1) ? null : Double.doubleToRawLongBits(row.getDouble(1));
      assertEquals(before, now, () -> "row " + row);
      defined += now == null ? 0 : 1;
    }
    assertTrue(defined > 2000, "defined: " + defined);
  }

  private static List<Double> randomVector(Random r, int n) {
    List<Double> v = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int odd = r.nextInt(100);
      v.add(odd == 0 ? null : odd == 1 ? Double.NaN : r.nextGaussian());
    }
    return v;
  }

  @Test
  void aShiftIsFound() {
    assertTrue(run(sides(7, 150, 150, 2.0), 1) < 0.01);
  }

  @Test
  void everyVectorIsUsedAtMostOnceWhateverThePartitioning() {
    Dataset<Row> data = sides(1, 40, 30, 0);
    List<Row> one = LinearMmd.quadruples(data.repartition(1), side(), vec(), 5, 2).collectAsList();
    List<Row> three =
        LinearMmd.quadruples(data.repartition(3), side(), vec(), 5, 2).collectAsList();
    assertEquals(canonical(one), canonical(three));
    Set<String> seen = new HashSet<>();
    for (Row r : one) {
      for (int k = 0; k < 4; k++) {
        assertTrue(seen.add(r.getList(k).toString()), "used twice: " + r.getList(k));
      }
    }
    // at most ⌊30 / 2⌋ pairs of the smaller side; two buckets lose a few
    assertTrue(one.size() <= 15 && one.size() >= 10, "pairs " + one.size());
    assertEquals(
        15, LinearMmd.quadruples(data, side(), vec(), 5, 1).count(), "one bucket loses none");
  }

  /** Thirteen small Spark jobs: in the slow step. */
  @Test
  @Tag("slow")
  void withoutAShiftPValuesAreNotConcentratedNearZeroAndAShiftIsFound() {
    int small = 0;
    int large = 0;
    for (int seed = 0; seed < 12; seed++) {
      double p = run(sides(100 + seed, 150, 150, 0), seed);
      small += p < 0.05 ? 1 : 0;
      large += p > 0.5 ? 1 : 0;
    }
    // uniform p-values: 0.6 of 12 expected below 0.05, 6 above 0.5
    assertTrue(small <= 2, small + " of 12 below 0.05");
    assertTrue(large >= 3, large + " of 12 above 0.5");
  }

  private static double run(Dataset<Row> data, long seed) {
    List<double[]> x = new ArrayList<>();
    List<double[]> y = new ArrayList<>();
    for (Row r : data.collectAsList()) {
      double[] v = r.getList(1).stream().mapToDouble(d -> (Double) d).toArray();
      (r.getInt(0) == 0 ? x : y).add(v);
    }
    double sigma2 = Mmd.test(x.toArray(new double[0][]), y.toArray(new double[0][]), 0, 1).sigma2();
    return LinearMmd.over(data, side(), vec(), sigma2, seed, 150).pValue();
  }

  /** n reference and m current 4-dimensional N(0, 1) vectors, the current shifted on dim 0. */
  static Dataset<Row> sides(long seed, int n, int m, double shift) {
    Random r = new Random(seed);
    Object[][] rows = new Object[n + m][];
    for (int i = 0; i < n + m; i++) {
      List<Double> v = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        v.add(r.nextGaussian() + (i >= n && k == 0 ? shift : 0));
      }
      rows[i] = new Object[] {i < n ? 0 : 1, v};
    }
    StructType schema = new StructType().add("side", DataTypes.IntegerType).add("v", VECTOR);
    return DriftAnalysisTest.frame(rows, schema);
  }

  private static org.apache.spark.sql.Column side() {
    return functions.col("side");
  }

  private static org.apache.spark.sql.Column vec() {
    return functions.col("v");
  }

  private static List<String> canonical(List<Row> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.toString()));
    out.sort(null);
    return out;
  }

  private static List<Double> vector(JsonNode a) {
    List<Double> out = new ArrayList<>();
    a.forEach(d -> out.add(d.asDouble()));
    return out;
  }
}
