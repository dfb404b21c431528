package dev.assay.metrics.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.DriftOptions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Column kinds on real Spark data: free text from one generator is text (never categories) and does
 * not drift; an embedding column's shift is found by every embedding method, and no shift is not.
 */
class TextAndEmbeddingDriftTest {

  static final String[] WORDS = {
    "the",
    "loan",
    "was",
    "paid",
    "late",
    "on",
    "time",
    "customer",
    "asked",
    "for",
    "a",
    "new",
    "card",
    "and",
    "branch",
    "staff",
    "helped",
    "quickly",
    "with",
    "account",
    "balance",
    "issue"
  };

  static final StructType SCHEMA =
      new StructType()
          .add("note", DataTypes.StringType)
          .add("city", DataTypes.StringType)
          .add("emb", DataTypes.createArrayType(DataTypes.DoubleType));

  /** A sentence of 6–14 words drawn from {@link #WORDS}: the same generator on both sides. */
  static String sentence(Random r) {
    StringBuilder b = new StringBuilder();
    int words = 6 + r.nextInt(9);
    for (int w = 0; w < words; w++) {
      b.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
    return b.append('.').toString();
  }

  /** n rows: a sentence, a city of three, a 6-dimensional N(0, 1) vector + shift on dims 0–1. */
  static Dataset<Row> frame(long seed, int n, double shift) {
    return frame(seed, n, shift, "");
  }

  /** As above, each sentence followed by {@code suffix}. */
  static Dataset<Row> frame(long seed, int n, double shift, String suffix) {
    Random r = new Random(seed);
    Object[][] rows = new Object[n][];
    for (int i = 0; i < n; i++) {
      double[] v = new double[6];
      for (int k = 0; k < v.length; k++) {
        v[k] = r.nextGaussian() + (k < 2 ? shift : 0);
      }
      Double[] boxed = new Double[v.length];
      for (int k = 0; k < v.length; k++) {
        boxed[k] = v[k];
      }
      rows[i] =
          new Object[] {
            sentence(r) + suffix,
            new String[] {"Oslo", "Lima", "Pune"}[r.nextInt(3)],
            List.of(boxed)
          };
    }
    return DriftAnalysisTest.frame(rows, SCHEMA);
  }

  static final List<DriftColumn> COLUMNS =
      List.of(
          new DriftColumn("note", "feature", DriftColumn.Kind.CATEGORICAL, "string column", true),
          new DriftColumn("city", "feature", DriftColumn.Kind.CATEGORICAL, "string column", true),
          new DriftColumn(
              "emb", "feature", DriftColumn.Kind.EMBEDDING, "array<double> column", false));

  static DriftOutcome run(Dataset<Row> ref, Dataset<Row> cur) {
    return DriftAnalysis.run(
        new DriftInput(
            ref, cur, COLUMNS, new DriftOptions(10, 100_000, Map.of(), List.of(), 200), List.of()));
  }

  @Test
  void sameGeneratorFreeTextIsTextAndDoesNotDrift() {
    DriftOutcome out = run(frame(1, 60, 0), frame(2, 60, 0));
    List<MetricResult> m = out.metrics();
    String kinds = out.notes().stream().filter(n -> n.contains("column kinds")).findFirst().get();
    assertTrue(kinds.contains("note text (string column with about"), kinds);
    assertTrue(kinds.contains("city categorical"), kinds);
    assertTrue(kinds.contains("emb embedding (array<double> column, 6 dimensions)"), kinds);
    // never compared as categories: no chi-squared, no Jensen-Shannon for the text itself
    assertTrue(
        m.stream()
            .noneMatch(
                r ->
                    r.key().scope().equals(dev.assay.core.Scope.column("note"))
                        && (r.key().metric().equals("jensen_shannon")
                            || r.key().metric().equals("chi2_p_value"))));
    // its descriptors are drifted like numbers, and do not drift
    for (TextDescriptors d : TextDescriptors.all()) {
      String name = "note[" + d.id() + "]";
      assertEquals(0, DriftAnalysisTest.value(m, "drift_detected", name), name);
    }
    assertEquals(0, DriftAnalysisTest.value(m, "drift_detected", "emb"));
    assertTrue(DriftAnalysisTest.value(m, "embedding_drifted_components_share", "emb") < 0.2);
    MetricResult text = DriftAnalysisTest.result(m, "text_classifier_auc", "note");
    // with 60 rows per side an AUC near 0.55 is noise: the verdict also needs it above chance
    assertTrue(((MetricResult.Computed) text).pValue() >= 0.05, text.note());
    assertEquals(0, DriftAnalysisTest.value(m, "drift_detected", "note"));
    MetricResult share = DriftAnalysisTest.result(m, "drift_share", null);
    assertTrue(!share.note().contains("note"), share.note());
  }

  @Test
  void anEmbeddingShiftIsFoundByEveryMethod() {
    List<MetricResult> m = run(frame(3, 60, 0), frame(4, 60, 1.0)).metrics();
    assertEquals(1, DriftAnalysisTest.value(m, "drift_detected", "emb"));
    assertTrue(DriftAnalysisTest.value(m, "embedding_mmd_p_value", "emb") < 0.05);
    assertTrue(DriftAnalysisTest.value(m, "embedding_classifier_auc", "emb") > 0.7);
    // dimensions 0 and 1 of 6 moved
    MetricResult parts = DriftAnalysisTest.result(m, "embedding_drifted_components_share", "emb");
    assertTrue(parts.number().getAsDouble() >= 2.0 / 6, parts.note());
    assertTrue(parts.note().contains("(first: [0, 1"), parts.note());
    MetricResult euclid = DriftAnalysisTest.result(m, "embedding_mean_euclidean", "emb");
    assertTrue(euclid.note().contains("exceeded") && !euclid.note().contains("not exceeded"));
    // the whole-data classifier sees the embedding's components
    MetricResult auc = DriftAnalysisTest.result(m, "domain_classifier_auc", null);
    assertTrue(auc.number().getAsDouble() > 0.7, auc.note());
    assertTrue(auc.note().contains("emb["), auc.note());
  }

  @Test
  void aTextShiftIsFoundByTheTextClassifierWhichNamesTheWords() {
    List<MetricResult> m =
        run(frame(7, 60, 0), frame(8, 60, 0, " Refund requested urgently")).metrics();
    MetricResult text = DriftAnalysisTest.result(m, "text_classifier_auc", "note");
    assertTrue(text.number().getAsDouble() > 0.9, text.note());
    assertTrue(text.note().matches("(?s).*leaned on most.*(refund|requested|urgently).*"));
    assertEquals(1, DriftAnalysisTest.value(m, "drift_detected", "note"));
    assertEquals(1, DriftAnalysisTest.value(m, "drift_detected", "note[words]"));
  }

  @Test
  void newWordsAndPersonalDataMoveTheirDescriptors() {
    List<MetricResult> m =
        run(frame(9, 60, 0), frame(10, 60, 0, " Mail zed at zed@example.org")).metrics();
    assertEquals(1, DriftAnalysisTest.value(m, "drift_detected", "note[oov_share]"));
    assertEquals(1, DriftAnalysisTest.value(m, "drift_detected", "note[pii_flagged]"));
  }

  @Test
  void vectorsOfDifferentLengthsAreBadInput() {
    Object[][] rows = {
      {"a", "Oslo", List.of(1.0, 2.0)},
      {"b", "Oslo", List.of(1.0, 2.0, 3.0)}
    };
    Dataset<Row> bad = DriftAnalysisTest.frame(rows, SCHEMA);
    dev.assay.core.BadInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.assay.core.BadInputException.class, () -> run(bad, bad));
    assertTrue(e.getMessage().contains("'emb' has vectors of different lengths (2 to 3)"));
  }

  @Test
  void withoutASampleTheSampledEmbeddingMetricsAreUndefinedWithTheReason() {
    List<MetricResult> m =
        DriftAnalysis.run(
                new DriftInput(
                    frame(5, 30, 0),
                    frame(6, 30, 0),
                    COLUMNS,
                    new DriftOptions(10, 100_000, Map.of(), List.of(), 0),
                    List.of()))
            .metrics();
    MetricResult mmd = DriftAnalysisTest.result(m, "embedding_mmd", "emb");
    assertInstanceOf(MetricResult.Undefined.class, mmd);
    assertTrue(mmd.note().contains("drift.classifier_sample is 0"), mmd.note());
    assertTrue(
        DriftAnalysisTest.result(m, "embedding_drifted_components_share", "emb")
            .number()
            .isPresent());
  }

  /**
   * The passes of the drift family with embedding columns (AQE off): the profile, the one counting
   * job (every component of every embedding column in it), the sample, and one linear-MMD job per
   * embedding column (its pairing needs a shuffle of its own, docs/drift.md "Why the linear MMD is
   * a job of its own"); without the sample there is no σ and no linear-MMD job.
   */
  @Test
  void embeddingColumnsAddOneLinearMmdJobEachToTheFamilysThreeJobs() {
    List<DriftColumn> two =
        List.of(
            new DriftColumn("emb", "feature", DriftColumn.Kind.EMBEDDING),
            new DriftColumn("emb2", "feature", DriftColumn.Kind.EMBEDDING));
    Dataset<Row> ref = twoEmbeddings(frame(11, 40, 0));
    Dataset<Row> cur = twoEmbeddings(frame(12, 40, 1.0));
    DriftOutcome[] out = new DriftOutcome[1];
    for (int sample : new int[] {100, 0}) {
      DriftInput in =
          new DriftInput(
              ref, cur, two, new DriftOptions(10, 100_000, Map.of(), List.of(), sample), List.of());
      assertEquals(
          sample == 0 ? 2 : 3 + two.size(),
          JobCounter.count(SharedSpark.get(), () -> out[0] = DriftAnalysis.run(in)),
          "classifier_sample " + sample);
    }
    assertInstanceOf(
        MetricResult.Undefined.class,
        DriftAnalysisTest.result(out[0].metrics(), "embedding_mmd_linear", "emb2"));
  }

  /**
   * Words with the one-word shortcut are the regular expression's count (runs of the six characters
   * of {@code \\s}, spaces trimmed first, 0 for blank, null for null) on values with each of those
   * characters, at the ends too, and with spaces {@code \\s} does not match.
   */
  @Test
  void wordsSkipTheRegularExpressionOnlyWhereItCountsOneWord() {
    List<String> values = new java.util.ArrayList<>();
    for (String w : TextDescriptors.WHITESPACE) {
      values.addAll(List.of("a" + w + "b", w + "a", "a" + w, w, "a" + w + w + "b c", w + "x" + w));
    }
    values.addAll(
        List.of("", " ", "   ", "Salaried", "Self-employed", "a\u00a0b", "a\u2003b", "é ü"));
    Dataset<Row> frame =
        SharedSpark.get()
            .createDataset(values, org.apache.spark.sql.Encoders.STRING())
            .toDF("v")
            .union(SharedSpark.get().sql("SELECT CAST(NULL AS STRING) AS v"));
    org.apache.spark.sql.Column v = functions.col("v");
    List<Row> rows = frame.select(v, TextDescriptors.words(v)).collectAsList();
    assertEquals(values.size() + 1, rows.size());
    for (Row r : rows) {
      if (r.isNullAt(0)) {
        assertTrue(r.isNullAt(1));
        continue;
      }
      String t = r.getString(0).replaceAll("^ +| +$", "");
      long expected =
          t.isEmpty()
              ? 0
              : java.util.regex.Pattern.compile("\\s+").matcher(t).results().count() + 1;
      assertEquals(expected, r.getInt(1), "[" + r.getString(0) + "]");
    }
  }

  private static Dataset<Row> twoEmbeddings(Dataset<Row> frame) {
    return frame.select(
        functions.col("emb"), functions.reverse(functions.col("emb")).alias("emb2"));
  }
}
