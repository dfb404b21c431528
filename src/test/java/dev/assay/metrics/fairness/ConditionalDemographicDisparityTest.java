package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.Audit;
import dev.assay.CompasCsv;
import dev.assay.core.AuditRun;
import dev.assay.core.BadInputException;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SageMaker Clarify's CDDL / CDDPL ({@link ConditionalDemographicDisparity}): a hand-worked
 * Berkeley-style fixture, a seeded plain-Java re-implementation of smclarify's {@code common.CDD}
 * loop, and the real COMPAS data through a spec with {@code fairness.strata}.
 */
class ConditionalDemographicDisparityTest {

  static final StructType SCHEMA =
      new StructType()
          .add("sex", DataTypes.StringType)
          .add("dept", DataTypes.StringType)
          .add("y", DataTypes.IntegerType)
          .add("p", DataTypes.IntegerType);

  static Dataset<Row> frame(List<Object[]> rows) {
    return SharedSpark.get()
        .createDataFrame(rows.stream().map(RowFactory::create).toList(), SCHEMA);
  }

  static FairnessInput input(Dataset<Row> df, boolean favourableIsPositive) {
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    BinaryColumn prediction =
        BinaryColumn.of("prediction", "p", DataTypes.IntegerType, "1", "test");
    return FairnessInput.of(
            df,
            new FairnessInput.Outcomes(label, prediction, null, null, favourableIsPositive, null),
            List.of(new Slice(List.of("sex"))),
            1)
        .withExtras(new FairnessInput.Extras(0, "selection_rate", "dept", true));
  }

  static void add(List<Object[]> rows, String sex, String dept, int y, int p, int times) {
    for (int i = 0; i < times; i++) {
      rows.add(new Object[] {sex, dept, y, p});
    }
  }

  static double value(List<MetricResult> ms, String metric, String group) {
    return FairnessAnalysisTest.value(ms, metric, Scope.group("sex", group));
  }

  /*
   * Berkeley-style fixture, favourable = 1 (admitted). (y, p) counts:
   *   dept X: F 8 rows (1,1)×4 (1,0)×2 (0,0)×2;  M 2 rows (1,1) (0,1)
   *   dept Y: F 2 rows (0,1) (0,0);              M 8 rows (1,1)×4 (0,1) (0,0)×3
   *   dept Z: F 1 row (0,0);                     M 1 row (0,0)          (nobody admitted)
   * Labels.   X: accepted 7 (F 6), rejected 3 (F 2): DD_F = 2/3 − 6/7 = −4/21, DD_M = 1/3 − 1/7 = 4/21
   *           Y: accepted 4 (F 0), rejected 6 (F 2): DD_F = 1/3 − 0 = 1/3,      DD_M = 2/3 − 1 = −1/3
   *           Z: accepted 0 -> share 0 (smclarify), rejected 2 (F 1): DD_F = DD_M = 1/2
   *   CDDL_F = (10·(−4/21) + 10·(1/3) + 2·(1/2)) / 22 = (10/7 + 1) / 22 = 17/154
   *   CDDL_M = (10·(4/21) − 10/3 + 1) / 22 = (−9/21) / 22 = −3/154
   *   (unconditioned, F has 6 of the 11 acceptances and 5 of the 11 rejections: DD_F = 5/11 − 6/11
   *   = −1/11 < 0, F looks favoured until the departments are held fixed)
   * Predictions. X: accepted 6 (F 4), rejected 4 (F 4): DD_F = 1 − 2/3 = 1/3, DD_M = 0 − 1/3 = −1/3
   *           Y: accepted 6 (F 1), rejected 4 (F 1): DD_F = 1/4 − 1/6 = 1/12, DD_M = 3/4 − 5/6 = −1/12
   *           Z: accepted 0, rejected 2: DD_F = DD_M = 1/2
   *   CDDPL_F = (10/3 + 10/12 + 1) / 22 = 31/132;  CDDPL_M = (−10/3 − 10/12 + 1) / 22 = −19/132
   */
  static List<Object[]> berkeley() {
    List<Object[]> rows = new ArrayList<>();
    add(rows, "F", "X", 1, 1, 4);
    add(rows, "F", "X", 1, 0, 2);
    add(rows, "F", "X", 0, 0, 2);
    add(rows, "M", "X", 1, 1, 1);
    add(rows, "M", "X", 0, 1, 1);
    add(rows, "F", "Y", 0, 1, 1);
    add(rows, "F", "Y", 0, 0, 1);
    add(rows, "M", "Y", 1, 1, 4);
    add(rows, "M", "Y", 0, 1, 1);
    add(rows, "M", "Y", 0, 0, 3);
    add(rows, "F", "Z", 0, 0, 1);
    add(rows, "M", "Z", 0, 0, 1);
    return rows;
  }

  @Test
  void handFixtureMatchesTheArithmeticInOneJob() {
    List<List<MetricResult>> out = new ArrayList<>();
    int jobs =
        JobCounter.count(
            SharedSpark.get(),
            () -> out.add(FairnessAnalysis.run(input(frame(berkeley()), true)).metrics()));
    assertEquals(1, jobs, "the stratum is one more cell column of the one job");
    List<MetricResult> ms = out.get(0);
    assertEquals(17.0 / 154, value(ms, "clarify_cddl", "F"), 1e-12);
    assertEquals(-3.0 / 154, value(ms, "clarify_cddl", "M"), 1e-12);
    assertEquals(31.0 / 132, value(ms, "clarify_cddpl", "F"), 1e-12);
    assertEquals(-19.0 / 132, value(ms, "clarify_cddpl", "M"), 1e-12);
    String note = FairnessAnalysisTest.result(ms, "clarify_cddl", Scope.group("sex", "F")).note();
    assertTrue(
        note.contains("conditioned on dept (3 strata)")
            && note.contains("1 stratum(s) without a favourable row"),
        note);
    // the other metrics are unchanged by the strata column (same selection rate as without it)
    BinaryColumn label = BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
    BinaryColumn prediction =
        BinaryColumn.of("prediction", "p", DataTypes.IntegerType, "1", "test");
    List<MetricResult> plain =
        FairnessAnalysis.run(
                FairnessInput.of(
                    frame(berkeley()),
                    FairnessInput.Outcomes.of(label, prediction, null),
                    List.of(new Slice(List.of("sex"))),
                    1))
            .metrics();
    assertEquals(value(plain, "selection_rate", "F"), value(ms, "selection_rate", "F"), 0.0);
    assertTrue(plain.stream().noneMatch(m -> m.key().metric().equals("clarify_cddl")));
  }

  @Test
  void undefinedWithOneGroupOrWithoutAFavourableLabel() {
    List<Object[]> rows = new ArrayList<>();
    add(rows, "F", "X", 0, 1, 3);
    add(rows, "M", "Y", 0, 0, 2);
    List<MetricResult> ms = FairnessAnalysis.run(input(frame(rows), true)).metrics();
    MetricResult r = FairnessAnalysisTest.result(ms, "clarify_cddl", Scope.group("sex", "F"));
    assertInstanceOf(MetricResult.Undefined.class, r);
    assertTrue(r.note().contains("no favourable labels"), r.note());
    // predictions have both values, so CDDPL is defined: X: acc 3 (F 3), rej 0 -> DD_F = 0 − 1;
    // Y: acc 0, rej 2 (F 0) -> DD_F = 0 − 0; CDDPL_F = (3·(−1) + 2·0) / 5 = −3/5
    assertEquals(-0.6, value(ms, "clarify_cddpl", "F"), 1e-12);
    List<Object[]> one = new ArrayList<>();
    add(one, "F", "X", 1, 1, 2);
    add(one, "F", "Y", 0, 0, 2);
    MetricResult single =
        FairnessAnalysisTest.result(
            FairnessAnalysis.run(input(frame(one), true)).metrics(),
            "clarify_cddl",
            Scope.group("sex", "F"));
    assertTrue(single.note().contains("the attribute has one group"), single.note());
  }

  /**
   * smclarify's {@code common.CDD} as a plain loop over the rows: facet = group, accepted =
   * favourable.
   */
  static double smclarifyCdd(
      List<Object[]> rows,
      int groupIndex,
      String group,
      int strataIndex,
      java.util.function.Predicate<Object[]> accepted) {
    Map<String, long[]> strata = new TreeMap<>();
    for (Object[] r : rows) {
      // n, accepted, accepted in the facet, rejected, rejected in the facet
      long[] c = strata.computeIfAbsent(String.valueOf(r[strataIndex]), k -> new long[5]);
      boolean acc = accepted.test(r);
      boolean facet = group.equals(r[groupIndex]);
      c[0]++;
      c[acc ? 1 : 3]++;
      if (facet) {
        c[acc ? 2 : 4]++;
      }
    }
    double sum = 0;
    long n = 0;
    for (long[] c : strata.values()) {
      double a = c[1] == 0 ? 0 : (double) c[2] / c[1];
      double d = c[3] == 0 ? 0 : (double) c[4] / c[3];
      sum += c[0] * (d - a);
      n += c[0];
    }
    return sum / n;
  }

  @Test
  void seededDataMatchesSmclarifysLoop() {
    Random rnd = new Random(77);
    String[] sexes = {"F", "M", "X"};
    String[] depts = {"a", "b", "c", "d", null};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      int g = rnd.nextInt(3);
      int d = rnd.nextInt(5);
      double rate = 0.2 + 0.15 * d - 0.05 * g;
      int y = rnd.nextDouble() < rate ? 1 : 0;
      int p = rnd.nextDouble() < rate + 0.1 * (g == 1 ? 1 : 0) ? 1 : 0;
      rows.add(new Object[] {sexes[g], depts[d], y, p});
    }
    for (boolean fav : new boolean[] {true, false}) {
      List<MetricResult> ms = FairnessAnalysis.run(input(frame(rows), fav)).metrics();
      int favourable = fav ? 1 : 0;
      for (String s : sexes) {
        assertEquals(
            smclarifyCdd(rows, 0, s, 1, r -> (Integer) r[2] == favourable),
            value(ms, "clarify_cddl", s),
            1e-12,
            s + " favourable " + favourable);
        assertEquals(
            smclarifyCdd(rows, 0, s, 1, r -> (Integer) r[3] == favourable),
            value(ms, "clarify_cddpl", s),
            1e-12,
            s + " favourable " + favourable);
      }
    }
  }

  /**
   * COMPAS (prediction = decile ≥ 5, favourable = 0: a low-risk score, no recidivism), race
   * conditioned on age_cat: every race's CDDL and CDDPL equal smclarify's loop over the CSV.
   */
  @Test
  void compasRaceConditionedOnAgeCategoryThroughTheSpec(@TempDir Path dir) throws IOException {
    List<String> lines = CompasCsv.lines();
    List<String> header = CompasCsv.split(lines.get(0));
    int race = header.indexOf("race");
    int age = header.indexOf("age_cat");
    int decile = header.indexOf("decile_score");
    int label = header.indexOf("two_year_recid");
    List<Object[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = CompasCsv.split(line);
      rows.add(
          new Object[] {
            f.get(race),
            f.get(age),
            Integer.parseInt(f.get(label)),
            Integer.parseInt(f.get(decile)) >= 5 ? 1 : 0
          });
    }
    Path spec = dir.resolve("compas.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: compas-cdd",
            "data:",
            "  current: {path: \"" + CompasCsv.CSV + "\", format: csv}",
            "columns:",
            "  label: two_year_recid",
            "  score: decile_score11",
            "  threshold: 5",
            "  favourable: 0",
            "  sensitive: [race]",
            "fairness: {min_group_size: 30, strata: age_cat}",
            ""));
    AuditRun run =
        Audit.of(new SpecLoader(Path.of("rules").toAbsolutePath()).load(spec))
            .run(SharedSpark.get());
    List<String> races = rows.stream().map(r -> (String) r[0]).distinct().sorted().toList();
    assertEquals(6, races.size());
    for (String g : races) {
      Scope s = Scope.group("race", g);
      double cddl =
          run.metrics().stream()
              .filter(m -> m.key().metric().equals("clarify_cddl") && m.key().scope().equals(s))
              .findFirst()
              .orElseThrow()
              .number()
              .orElseThrow();
      double cddpl =
          run.metrics().stream()
              .filter(m -> m.key().metric().equals("clarify_cddpl") && m.key().scope().equals(s))
              .findFirst()
              .orElseThrow()
              .number()
              .orElseThrow();
      assertEquals(smclarifyCdd(rows, 0, g, 1, r -> (Integer) r[2] == 0), cddl, 1e-12, g);
      assertEquals(smclarifyCdd(rows, 0, g, 1, r -> (Integer) r[3] == 0), cddpl, 1e-12, g);
    }
    // African-American defendants take more than their share of high-risk scores within age bands
    assertTrue(
        run.metrics().stream()
            .anyMatch(
                m ->
                    m.key().metric().equals("clarify_cddpl")
                        && m.key().scope().equals(Scope.group("race", "African-American"))
                        && m.number().orElseThrow() > 0));
  }

  @Test
  void anUnknownStrataColumnNamesTheSpecLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("d.csv"), "sex,dept,y,p\nF,X,1,1\nM,Y,0,0\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: strata",
            "data: {current: {path: d.csv}}",
            "columns: {label: y, prediction: p, sensitive: [sex]}",
            "fairness:",
            "  strata: department",
            ""));
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                Audit.of(new SpecLoader(Path.of("rules").toAbsolutePath()).load(spec))
                    .run(SharedSpark.get()));
    assertTrue(
        e.getMessage().contains("audit.yaml:6") && e.getMessage().contains("department"),
        e.getMessage());
  }
}
