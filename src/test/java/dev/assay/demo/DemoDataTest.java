package dev.assay.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {

  private static final long ROWS = 20_000;

  @TempDir static Path dir;

  private static DemoSummary summary;
  private static List<Row> current;
  private static List<Row> reference;

  @BeforeAll
  static void generateOnce() {
    summary = DemoData.generate(SharedSpark.get(), dir, ROWS, 42);
    current = read(summary.current());
    reference = read(summary.reference());
  }

  private static List<Row> read(Path file) {
    return SharedSpark.get().read().parquet(file.toUri().toString()).collectAsList();
  }

  @Test
  void writesExactlyTwoSingleParquetFilesAndNothingElse() throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      assertEquals(
          List.of("current.parquet", "reference.parquet"),
          entries.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.isRegularFile(summary.current()));
    assertTrue(Files.isRegularFile(summary.reference()));
    assertEquals(ROWS, current.size());
    assertEquals(ROWS, reference.size());
  }

  @Test
  void regeneratingReplacesTheFilesInPlace() throws IOException {
    Path again = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-again"));
    DemoData.generate(SharedSpark.get(), again, 100, 1);
    DemoData.generate(SharedSpark.get(), again, 50, 2);
    try (Stream<Path> entries = Files.list(again)) {
      assertEquals(
          List.of("current.parquet", "reference.parquet"),
          entries.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(50, read(again.resolve("current.parquet")).size());
  }

  @Test
  void theCohortsHaveDisjointApplicantIds() {
    assertEquals(1L, current.get(0).getLong(0));
    assertEquals(ROWS, current.get(current.size() - 1).getLong(0));
    assertEquals(ROWS + 1, reference.get(0).getLong(0));
  }

  @Test
  void labelsAreBinaryScoresAreProbabilitiesAndNothingIsNull() {
    for (List<Row> rows : List.of(current, reference)) {
      for (Row row : rows) {
        for (int i = 0; i < row.size(); i++) {
          assertFalse(row.isNullAt(i), "null in column " + row.schema().fields()[i].name());
        }
        int repaid = row.getAs("repaid");
        int approved = row.getAs("approved");
        double score = row.getAs("score");
        double dti = row.getAs("debt_to_income");
        assertTrue(repaid == 0 || repaid == 1);
        assertTrue(score >= 0 && score <= 1, "score " + score);
        assertEquals(score >= 0.5 ? 1 : 0, approved);
        assertEquals(score, Math.round(score * 10_000) / 10_000.0, 0.0);
        assertTrue(dti >= 0 && dti <= 1, "debt_to_income " + dti);
        assertTrue((double) row.getAs("income") > 0);
        assertTrue((double) row.getAs("loan_amount") > 0);
        assertTrue((int) row.getAs("credit_history_years") >= 0);
      }
    }
  }

  @Test
  void raceFailsTheFourFifthsRuleAndSexPasses() {
    Map<String, Double> race = approvalRates(current, "race");
    Map<String, Double> sex = approvalRates(current, "sex");
    double raceRatio = race.get("Black") / max(race);
    double sexRatio = min(sex) / max(sex);
    assertTrue(raceRatio < 0.8, "race impact ratio " + raceRatio);
    assertTrue(raceRatio > 0.55, "race impact ratio " + raceRatio);
    assertEquals(raceRatio, min(race) / max(race), 0.0, "Black is the lowest group");
    assertTrue(sexRatio > 0.9, "sex impact ratio " + sexRatio);
    assertTrue(
        min(approvalRates(current, "age_band")) / max(approvalRates(current, "age_band")) > 0.8,
        "age band passes");
  }

  @Test
  void theBiasIsInTheScoreNotInTheLabel() {
    Map<String, Double> repaid = new HashMap<>();
    Map<String, Long> count = new HashMap<>();
    for (Row row : current) {
      String group = row.getAs("race");
      repaid.merge(group, ((Integer) row.getAs("repaid")).doubleValue(), Double::sum);
      count.merge(group, 1L, Long::sum);
    }
    repaid.replaceAll((group, sum) -> sum / count.get(group));
    assertTrue(min(repaid) / max(repaid) > 0.9, "repayment rates " + repaid);
  }

  @Test
  void theSummaryReportsTheSameRatesAsAPlainLoop() {
    for (String attribute : DemoData.SENSITIVE) {
      Map<String, Double> rates = approvalRates(current, attribute);
      assertEquals(min(rates) / max(rates), summary.impactRatio(attribute).orElseThrow(), 1e-12);
    }
    assertTrue(summary.impactRatio("zip").isEmpty());
  }

  @Test
  void referenceIncomeIsTwentyPercentLower() {
    double ratio = mean(reference, "income") / mean(current, "income");
    assertEquals(Cohort.REFERENCE_INCOME_FACTOR, ratio, 0.03);
    assertEquals(1.0, mean(reference, "loan_amount") / mean(current, "loan_amount"), 0.03);
    assertEquals(1.0, mean(reference, "debt_to_income") / mean(current, "debt_to_income"), 0.02);
  }

  @Test
  void referenceHasMoreSalariedAndFewerContractWorkers() {
    Map<String, Double> cur = shares(current, "employment_type");
    Map<String, Double> ref = shares(reference, "employment_type");
    assertEquals(0.55, cur.get("Salaried"), 0.02);
    assertEquals(0.68, ref.get("Salaried"), 0.02);
    assertEquals(0.13, cur.get("Contract"), 0.02);
    assertEquals(0.05, ref.get("Contract"), 0.02);
    assertEquals(cur.get("Unemployed"), ref.get("Unemployed"), 0.01);
  }

  @Test
  void sameSeedGivesTheSameRowsAndAnotherSeedOthers() {
    SparkSession spark = SharedSpark.get();
    List<Row> first = LendingApplicants.of(spark.range(0, 2000), 7, Cohort.CURRENT).collectAsList();
    List<Row> second =
        LendingApplicants.of(spark.range(0, 2000), 7, Cohort.CURRENT).collectAsList();
    List<Row> other = LendingApplicants.of(spark.range(0, 2000), 8, Cohort.CURRENT).collectAsList();
    assertEquals(first, second);
    assertNotEquals(first, other);
    assertEquals(first.size(), other.size());
  }

  @Test
  void sameRowsWhateverThePartitioning() {
    SparkSession spark = SharedSpark.get();
    Dataset<Row> onePartition =
        LendingApplicants.of(spark.range(0, ROWS, 1, 1), 42, Cohort.REFERENCE);
    Dataset<Row> fourPartitions =
        LendingApplicants.of(spark.range(0, ROWS, 1, 4), 42, Cohort.REFERENCE);
    assertEquals(1, onePartition.rdd().getNumPartitions());
    assertEquals(4, fourPartitions.rdd().getNumPartitions());
    assertEquals(sorted(onePartition), sorted(fourPartitions));
  }

  @Test
  void theWrittenFileHoldsExactlyTheGeneratedRows() {
    Dataset<Row> generated =
        LendingApplicants.of(SharedSpark.get().range(0, ROWS, 1, 3), 42, Cohort.CURRENT);
    assertEquals(sorted(generated), current);
  }

  @Test
  void rejectsFewerThanOneRow() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> DemoData.generate(SharedSpark.get(), dir.resolve("none"), 0, 42));
    assertTrue(e.getMessage().contains("--rows"), e.getMessage());
  }

  private static List<Row> sorted(Dataset<Row> rows) {
    return rows.orderBy("applicant_id").collectAsList();
  }

  private static Map<String, Double> approvalRates(List<Row> rows, String attribute) {
    Map<String, long[]> counts = new HashMap<>();
    for (Row row : rows) {
      long[] c = counts.computeIfAbsent(row.getAs(attribute), k -> new long[2]);
      c[0] += (int) row.getAs("approved");
      c[1]++;
    }
    Map<String, Double> rates = new HashMap<>();
    counts.forEach((group, c) -> rates.put(group, (double) c[0] / c[1]));
    return rates;
  }

  private static Map<String, Double> shares(List<Row> rows, String column) {
    Map<String, Double> shares = new HashMap<>();
    for (Row row : rows) {
      shares.merge(row.getAs(column), 1.0 / rows.size(), Double::sum);
    }
    return shares;
  }

  private static double mean(List<Row> rows, String column) {
    double sum = 0;
    for (Row row : rows) {
      sum += ((Number) row.getAs(column)).doubleValue();
    }
    return sum / rows.size();
  }

  private static double max(Map<String, Double> rates) {
    return rates.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

  private static double min(Map<String, Double> rates) {
    return rates.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }
}
