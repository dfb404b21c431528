package dev.assay.metrics.fairness;

import dev.assay.core.MetricResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of a champion/challenger audit from its one fairness job: every metric of every model
 * (each scope naming its {@code model}), from the same cells seen as that model's, then each
 * challenger against the champion ({@link ChallengerResults}). A challenger's metrics skip what the
 * job computes for the champion alone: the strata's disparity and the bootstrap intervals.
 */
final class ChampionChallenger {

  private ChampionChallenger() {}

  static FairnessOutcome results(FairnessJob job, FairnessCells cells, List<String> notes) {
    ModelComparison models = job.models;
    List<MetricResult> out = new ArrayList<>();
    List<String> own = new ArrayList<>();
    List<MetricResult> champion =
        FairnessAnalysis.modelMetrics(
            job.in, job.cdd, cells, job.nonFiniteNote(cells.whole), null, own);
    champion.forEach(m -> out.add(ChallengerResults.withModel(m, models.champion())));
    own.forEach(n -> notes.add("model '" + models.champion() + "': " + n));
    for (int i = 1; i <= models.challengers().size(); i++) {
      out.addAll(challenger(job, cells, i, notes));
    }
    return new FairnessOutcome(out, notes);
  }

  /** Challenger {@code i}'s own metrics and its comparison with the champion. */
  private static List<MetricResult> challenger(
      FairnessJob job, FairnessCells cells, int i, List<String> notes) {
    Challenger c = job.models.challengers().get(i - 1);
    boolean keys = job.challengers.get(i - 1).scoreKey() != null;
    FairnessInput in = c.input(job.in);
    String noHistogramsWhy = null;
    if (c.score() != null && in.histograms() && !keys) {
      in = in.withExtras(in.extras().withoutScoreMetrics());
      noHistogramsWhy = noKeysWhy(job);
    }
    List<String> own = new ArrayList<>();
    if (job.in.extras().strata() != null) {
      own.add("the strata's conditional demographic disparity is computed for the champion only.");
    }
    if (job.bootstrap != null) {
      own.add("bootstrap intervals are computed for the champion only.");
    }
    List<MetricResult> out = new ArrayList<>();
    FairnessAnalysis.modelMetrics(
            in,
            null,
            cells.forModel(i),
            job.challengerNonFiniteNote(i, cells.whole),
            noHistogramsWhy,
            own)
        .forEach(m -> out.add(ChallengerResults.withModel(m, c.name())));
    String noAucWhy =
        job.in.score() == null || c.score() == null
            ? "both models need a score column"
            : keys ? null : noKeysWhy(job);
    out.addAll(
        ChallengerResults.of(
            c.name(), cells.paired(i), cells.joint(i), noAucWhy, job.in.label() != null));
    own.forEach(n -> notes.add("model '" + c.name() + "': " + n));
    return out;
  }

  /** Why a challenger's score has no score keys in {@code job}. */
  private static String noKeysWhy(FairnessJob job) {
    return job.in.histograms()
        ? "the joint (champion, challenger) score cells are collected with exact score keys only,"
            + " and this run uses binned ones (fairness.auc: binned, or more exact cells than"
            + " the bound)."
        : "fairness.score_metrics is false.";
  }
}
