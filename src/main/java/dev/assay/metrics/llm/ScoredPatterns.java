package dev.assay.metrics.llm;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * A detector made of weighted cues: each cue is a regular expression ({@code rlike}, Java syntax,
 * no look-around, so that it also runs on GPU regex engines) with a weight, positive for evidence
 * and negative for counter-evidence; a text is flagged when the weights of the cues it matches add
 * up to at least {@code threshold}. One cue alone (a word like "jailbreak") is not enough unless
 * its weight reaches the threshold by itself.
 */
record ScoredPatterns(List<Cue> cues, int threshold) {

  /** One cue: a pattern the folded text may match, and what a match adds to the score. */
  record Cue(String pattern, int weight) {}

  ScoredPatterns {
    cues = List.copyOf(cues);
  }

  /** The score of {@code folded} (0 for null). */
  Column score(Column folded) {
    Column sum = functions.lit(0);
    for (Cue cue : cues) {
      sum =
          sum.plus(
              functions
                  .when(folded.rlike(cue.pattern()), cue.weight())
                  .otherwise(functions.lit(0)));
    }
    return sum;
  }

  /** True when the score reaches the threshold; null when {@code folded} is null. */
  Column flags(Column folded) {
    return functions
        .when(folded.isNull(), functions.lit(null).cast("boolean"))
        .otherwise(score(folded).geq(threshold));
  }
}
