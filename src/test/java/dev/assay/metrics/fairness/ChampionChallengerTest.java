package dev.assay.metrics.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A champion/challenger audit ({@code models:}) stays one Spark job; each model's metrics equal a
 * single-model audit of its columns; the paired comparisons equal McNemar's test of the discordant
 * rows counted here and DeLong's test of an independent O(m·n) implementation ({@link DeLongTest}).
 */
class ChampionChallengerTest {

  private static final StructType SCHEMA =
      new StructType()
          .add("g", DataTypes.StringType)
          .add("y", DataTypes.IntegerType)
          .add("p1", DataTypes.IntegerType)
          .add("s1", DataTypes.DoubleType)
          .add("p2", DataTypes.IntegerType)
          .add("s2", DataTypes.DoubleType);

  /** One row: group, label, the champion's and the challenger's prediction and score. */
  record R(String g, int y, int p1, double s1, int p2, double s2) {}

  private static final List<R> ROWS = new ArrayList<>();
  private static List<MetricResult> both;

  @BeforeAll
  static void runOnce() {
    Random r = new Random(5);
    for (int i = 0; i < 48; i++) {
      String g = i % 3 == 0 ? "B" : "A";
      int y = r.nextInt(2);
      double s1 = Math.round((0.3 * y + 0.7 * r.nextDouble()) * 20) / 20.0; // ties on purpose
      double s2 = Math.round((0.5 * y + 0.5 * r.nextDouble()) * 100) / 100.0;
      ROWS.add(new R(g, y, s1 >= 0.5 ? 1 : 0, s1, s2 >= 0.5 ? 1 : 0, s2));
    }
    List<List<MetricResult>> out = new ArrayList<>();
    assertEquals(
        1,
        JobCounter.count(
            SharedSpark.get(),
            () -> out.add(FairnessAnalysis.run(input("p1", "s1"), models()).metrics())),
        "the fairness family of a champion/challenger audit is one Spark job");
    both = out.get(0);
  }

  static Dataset<Row> frame() {
    List<Row> list = new ArrayList<>();
    for (R x : ROWS) {
      list.add(RowFactory.create(x.g(), x.y(), x.p1(), x.s1(), x.p2(), x.s2()));
    }
    return SharedSpark.get().createDataFrame(list, SCHEMA);
  }

  static FairnessInput input(String prediction, String score) {
    return FairnessInput.of(
        frame(),
        FairnessInput.Outcomes.of(label(), column(prediction), score),
        List.of(new Slice(List.of("g"))),
        1);
  }

  private static BinaryColumn label() {
    return BinaryColumn.of("label", "y", DataTypes.IntegerType, "1", "test");
  }

  private static BinaryColumn column(String name) {
    return BinaryColumn.of("prediction", name, DataTypes.IntegerType, "1", "test");
  }

  static ModelComparison models() {
    return new ModelComparison(
        "champion", List.of(new Challenger("challenger", column("p2"), "s2", null)));
  }

  @Test
  void eachModelsMetricsEqualASingleModelAudit() {
    assertSameAs(FairnessAnalysis.run(input("p1", "s1")).metrics(), "champion");
    assertSameAs(FairnessAnalysis.run(input("p2", "s2")).metrics(), "challenger");
  }

  private static void assertSameAs(List<MetricResult> alone, String model) {
    assertTrue(alone.size() > 30, "a full audit: " + alone.size());
    for (MetricResult m : alone) {
      MetricResult got =
          FairnessAnalysisTest.result(both, m.key().metric(), m.key().scope().withModel(model));
      // Finer cells (the joint score keys) roll sums up in another order: equal to 1e-12.
      assertEquals(m.number().isPresent(), got.number().isPresent(), m.key() + " of " + model);
      if (m.number().isPresent()) {
        assertEquals(
            m.number().getAsDouble(), got.number().getAsDouble(), 1e-12, m.key() + " of " + model);
      }
      assertEquals(m.count(), got.count(), m.key() + " of " + model);
    }
  }

  @Test
  void pairedRatesFollowMcNemarOnTheDiscordantRows() {
    for (String group : List.of("A", "B", "")) {
      Scope scope = (group.isEmpty() ? Scope.DATASET : Scope.group("g", group));
      List<R> rows = ROWS.stream().filter(x -> group.isEmpty() || x.g().equals(group)).toList();
      long b = rows.stream().filter(x -> x.p1() == x.y() && x.p2() != x.y()).count();
      long c = rows.stream().filter(x -> x.p1() != x.y() && x.p2() == x.y()).count();
      MetricResult diff = at("challenger_accuracy_difference", scope);
      assertEquals((double) (c - b) / rows.size(), diff.number().orElseThrow(), 1e-15);
      assertEquals(McNemarTest.pValue(b, c), ((MetricResult.Computed) diff).pValue(), 0.0);
      assertEquals(McNemarTest.pValue(b, c), at("mcnemar_p_value", scope).number().orElseThrow());
      assertEquals(
          value("accuracy", scope.withModel("challenger"))
              - value("accuracy", scope.withModel("champion")),
          diff.number().orElseThrow(),
          1e-12,
          "the paired difference is the difference of the two accuracies");
      for (String rate : List.of("true_positive_rate", "false_positive_rate", "selection_rate")) {
        assertEquals(
            value(rate, scope.withModel("challenger")) - value(rate, scope.withModel("champion")),
            value("challenger_" + rate + "_difference", scope),
            1e-12,
            rate + " " + scope);
      }
      List<R> positives = rows.stream().filter(x -> x.y() == 1).toList();
      long tb = positives.stream().filter(x -> x.p1() == 1 && x.p2() == 0).count();
      long tc = positives.stream().filter(x -> x.p1() == 0 && x.p2() == 1).count();
      MetricResult tpr = at("challenger_true_positive_rate_difference", scope);
      assertEquals(McNemarTest.pValue(tb, tc), ((MetricResult.Computed) tpr).pValue(), 0.0);
    }
  }

  @Test
  void aucDifferenceFollowsDeLong() {
    for (String group : List.of("A", "B", "")) {
      Scope scope = (group.isEmpty() ? Scope.DATASET : Scope.group("g", group));
      List<DeLongTest.Scored> scored = new ArrayList<>();
      for (R x : ROWS) {
        if (group.isEmpty() || x.g().equals(group)) {
          scored.add(
              new DeLongTest.Scored(
                  Math.round(x.s1() * 100), Math.round(x.s2() * 100), x.y() == 1));
        }
      }
      double[] expected = DeLongTest.pairwise(scored);
      MetricResult diff = at("challenger_auc_difference", scope);
      assertEquals(expected[1] - expected[0], diff.number().orElseThrow(), 1e-12, scope.label());
      assertEquals(expected[3], ((MetricResult.Computed) diff).pValue(), 1e-9, scope.label());
      assertEquals(expected[3], value("delong_p_value", scope), 1e-9);
      assertEquals(
          value("auc", scope.withModel("challenger")) - value("auc", scope.withModel("champion")),
          diff.number().orElseThrow(),
          1e-12);
    }
  }

  @Test
  void binnedScoreKeysLeaveDeLongOutWithAReasonInOneJob() {
    FairnessInput in = input("p1", "s1");
    FairnessInput binned = in.withExtras(in.extras().with(ScoreKey.BINNED));
    List<FairnessOutcome> out = new ArrayList<>();
    assertEquals(
        1,
        JobCounter.count(SharedSpark.get(), () -> out.add(FairnessAnalysis.run(binned, models()))));
    MetricResult auc =
        FairnessAnalysisTest.result(
            out.get(0).metrics(),
            "challenger_auc_difference",
            Scope.group("g", "A").withModel("challenger"));
    assertFalse(auc.number().isPresent());
    assertTrue(auc.note().contains("exact score keys"), auc.note());
    assertTrue(
        out.get(0).notes().stream().anyMatch(n -> n.startsWith("model 'challenger': auc")),
        out.get(0).notes().toString());
  }

  private static MetricResult at(String metric, Scope scope) {
    return FairnessAnalysisTest.result(both, metric, scope.withModel("challenger"));
  }

  private static double value(String metric, Scope scope) {
    MetricResult m =
        metric.startsWith("challenger_") || metric.endsWith("_p_value")
            ? at(metric, scope)
            : FairnessAnalysisTest.result(both, metric, scope);
    return m.number().orElseThrow(() -> new AssertionError(m.key() + ": " + m.note()));
  }
}
