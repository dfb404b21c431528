package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.ScoredRows.input;
import static dev.assay.metrics.fairness.ScoredRows.scopes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.metrics.fairness.ScoredRows.Obs;
import dev.assay.spark.JobCounter;
import dev.assay.spark.SharedSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact AUC on the executors ({@link ExactAuc}): over the exact attempt's cell bound (lowered
 * here so that small data reaches it), every group's {@code auc} of every attribute, intersection
 * and the whole data set equals the pairwise definition (positive above negative 1, a tie ½)
 * computed here from the rows, while the other score-key metrics fall back to binned keys.
 */
class ExactAucTest {

  private static final int ROWS = 1_500;

  /**
   * Seeded rows: a in {x, y, z, null}, b in {p, q}; scores continuous with four decimals beyond a
   * 1e-3 key (so the binned AUC is off), a fifth of them rounded to one decimal (many ties across
   * labels, also at -0.0 and 0.0), some missing or NaN; a depends a little on the label.
   */
  private static List<Obs> observations() {
    Random random = new Random(21);
    String[] as = {"x", "y", "z", null};
    List<Obs> out = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      String a = as[random.nextInt(as.length)];
      String b = random.nextBoolean() ? "p" : "q";
      int y = random.nextDouble() < 0.35 ? 1 : 0;
      double s = 0.4 + 0.15 * y + 0.25 * random.nextGaussian() + ("x".equals(a) ? 0.05 * y : 0);
      Double score;
      int kind = random.nextInt(20);
      if (kind < 4) {
        score = Math.round(s * 10) / 10.0;
      } else if (kind == 4) {
        score = null;
      } else if (kind == 5) {
        score = Double.NaN;
      } else if (kind == 6) {
        score = random.nextBoolean() ? -0.0 : 0.0;
      } else {
        score = Math.round(s * 10_000) / 10_000.0;
      }
      out.add(new Obs(a, b, y, score));
    }
    return out;
  }

  /** The pairwise AUC of the finite-scored observations, NaN without both labels. */
  private static double pairwise(List<Obs> obs) {
    double wins = 0;
    long pairs = 0;
    for (Obs p : obs) {
      if (p.y() != 1 || p.score() == null || p.score().isNaN()) {
        continue;
      }
      for (Obs n : obs) {
        if (n.y() != 0 || n.score() == null || n.score().isNaN()) {
          continue;
        }
        pairs++;
        double sp = p.score();
        double sn = n.score();
        wins += sp > sn ? 1 : sp == sn ? 0.5 : 0;
      }
    }
    return pairs == 0 ? Double.NaN : wins / pairs;
  }

  private static FairnessOutcome run(FairnessInput in, long exactMaxCells, int jobs) {
    List<FairnessOutcome> out = new ArrayList<>();
    assertEquals(
        jobs,
        JobCounter.count(
            SharedSpark.get(),
            () -> out.add(FairnessAnalysis.run(in, ModelComparison.NONE, null, exactMaxCells))));
    return out.get(0);
  }

  @Test
  void overTheBoundEveryGroupsAucIsThePairwiseOne() {
    List<Obs> obs = observations();
    FairnessInput in = input(obs);
    // The exact attempt (over its bound of 100 cells), the binned pass, the exact AUC, the rows
    // around the median (ExactMedian): 4 jobs.
    FairnessOutcome outcome = run(in, 100, 4);
    List<MetricResult> m = outcome.metrics();
    assertTrue(
        outcome.notes().stream()
            .anyMatch(
                n ->
                    n.contains("ran a second pass with 1e-3 score keys")
                        && n.contains("computed every group's auc exactly on the executors")),
        outcome.notes().toString());

    Map<Scope, List<Obs>> scopes = scopes(obs);
    assertEquals(4 + 2 + 8 + 1, scopes.size());
    Map<String, double[]> spread = new HashMap<>();
    for (Map.Entry<Scope, List<Obs>> e : scopes.entrySet()) {
      double expected = pairwise(e.getValue());
      MetricResult auc = FairnessAnalysisTest.result(m, "auc", e.getKey());
      assertEquals(expected, auc.number().orElseThrow(), 1e-9, e.getKey().toString());
      assertTrue(auc.note().contains("(exact; equal scores count as ties)"), auc.note());
      assertFalse(auc.note().contains("within"), auc.note());
      String attribute = e.getKey().attribute();
      if (attribute != null) {
        double[] hiLo =
            spread.computeIfAbsent(
                attribute, k -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
        hiLo[0] = Math.max(hiLo[0], expected);
        hiLo[1] = Math.min(hiLo[1], expected);
      }
    }
    for (Map.Entry<String, double[]> e : spread.entrySet()) {
      assertEquals(
          e.getValue()[0] - e.getValue()[1],
          FairnessAnalysisTest.value(m, "auc_difference", Scope.attribute(e.getKey())),
          1e-9,
          e.getKey());
    }
    // The data tells exact from binned: some group's binned AUC is off.
    List<MetricResult> binned =
        run(in.withExtras(in.extras().with(ScoreKey.BINNED)), FairnessJob.EXACT_MAX_CELLS, 1)
            .metrics();
    assertTrue(
        scopes.keySet().stream()
            .anyMatch(
                s ->
                    Math.abs(
                            FairnessAnalysisTest.value(binned, "auc", s)
                                - FairnessAnalysisTest.value(m, "auc", s))
                        > 1e-6));
    // The scoring rate is exact too (ExactMedianTest checks its values), with no bound.
    MetricResult rate = FairnessAnalysisTest.result(m, "scoring_rate", Scope.group("b", "p"));
    assertFalse(rate.note().contains("exact if scores have at most 3 decimals"), rate.note());
  }

  /** Within the bound the exact attempt answers alone (one job), with the same AUCs. */
  @Test
  void withinTheBoundTheExactAttemptGivesTheSameAucs() {
    List<Obs> obs = observations();
    FairnessInput in = input(obs);
    List<MetricResult> within = run(in, FairnessJob.EXACT_MAX_CELLS, 1).metrics();
    List<MetricResult> over = run(in, 100, 4).metrics();
    for (Scope scope : scopes(obs).keySet()) {
      assertEquals(
          FairnessAnalysisTest.value(within, "auc", scope),
          FairnessAnalysisTest.value(over, "auc", scope),
          1e-15,
          scope.toString());
      assertEquals(
          FairnessAnalysisTest.result(within, "auc", scope).note(),
          FairnessAnalysisTest.result(over, "auc", scope).note());
    }
  }

  /**
   * Without a label there is no AUC: the fallback runs the binned pass and the median's rows only,
   * and says so.
   */
  @Test
  void withoutALabelTheFallbackHasNoAucJob() {
    FairnessInput in =
        FairnessInput.of(
            ScoredRows.dataFrame(observations()),
            FairnessInput.Outcomes.of(null, null, "score"),
            List.of(new Slice(List.of("a"))),
            1);
    FairnessOutcome outcome = run(in, 100, 3);
    assertTrue(
        outcome.notes().stream()
            .anyMatch(
                n ->
                    n.contains("ran a second pass with 1e-3 score keys")
                        && !n.contains("auc exactly")
                        && n.contains("rows around the median for scoring_rate.")),
        outcome.notes().toString());
  }
}
