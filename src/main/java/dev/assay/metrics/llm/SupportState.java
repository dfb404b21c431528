package dev.assay.metrics.llm;

import dev.assay.core.MetricResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The lexical-support statistics of a set of records ({@link LexicalSupport}): per score, in the
 * order groundedness, context relevance, answer relevance, context recall, the sum of per-record
 * scores and the records scored; records with a response and contexts but no sentence with a
 * content word; number and entity occurrences in responses, and those the contexts do not contain.
 */
record SupportState(
    double[] sums,
    long[] counts,
    long ungroundable,
    long numbers,
    long unsupportedNumbers,
    long entities,
    long unsupportedEntities)
    implements Serializable {

  static final int GROUNDEDNESS = 0;
  static final int CONTEXT_RELEVANCE = 1;
  static final int ANSWER_RELEVANCE = 2;
  static final int CONTEXT_RECALL = 3;

  static final SupportState EMPTY = new SupportState(new double[4], new long[4], 0, 0, 0, 0, 0);

  /**
   * One record's scores; any text may be null (then the scores that need it are skipped), {@code
   * contexts} is the record's passages joined.
   */
  static SupportState of(
      String prompt, String response, String reference, String contexts, double threshold) {
    OptionalDouble[] scores =
        LexicalSupport.scores(prompt, response, reference, contexts, threshold);
    double[] sums = new double[4];
    long[] counts = new long[4];
    for (int i = 0; i < scores.length; i++) {
      if (scores[i].isPresent()) {
        sums[i] = scores[i].getAsDouble();
        counts[i] = 1;
      }
    }
    if (response == null || contexts == null) {
      return new SupportState(sums, counts, 0, 0, 0, 0, 0);
    }
    List<String> contextTokens = Rouge.tokens(contexts);
    long entities = 0;
    long unsupportedEntities = 0;
    for (List<String> entity : LexicalSupport.entities(response)) {
      entities++;
      unsupportedEntities += LexicalSupport.containsSequence(contextTokens, entity) ? 0 : 1;
    }
    List<String> given = LexicalSupport.numbers(contexts);
    long numbers = 0;
    long unsupportedNumbers = 0;
    for (String number : LexicalSupport.numbers(response)) {
      numbers++;
      unsupportedNumbers += given.contains(number) ? 0 : 1;
    }
    return new SupportState(
        sums,
        counts,
        scores[GROUNDEDNESS].isPresent() ? 0 : 1,
        numbers,
        unsupportedNumbers,
        entities,
        unsupportedEntities);
  }

  /**
   * One record's state from the SQL form's array ({@link SupportColumns#stats}): four scores (a
   * null one is not scored), then five counts held as doubles.
   */
  static SupportState of(List<Double> stats) {
    double[] sums = new double[4];
    long[] counts = new long[4];
    for (int i = 0; i < 4; i++) {
      if (stats.get(i) != null) {
        sums[i] = stats.get(i);
        counts[i] = 1;
      }
    }
    return new SupportState(
        sums,
        counts,
        stats.get(4).longValue(),
        stats.get(5).longValue(),
        stats.get(6).longValue(),
        stats.get(7).longValue(),
        stats.get(8).longValue());
  }

  SupportState merge(SupportState o) {
    double[] s = sums.clone();
    long[] c = OverlapState.plus(counts, o.counts);
    for (int i = 0; i < s.length; i++) {
      s[i] += o.sums[i];
    }
    return new SupportState(
        s,
        c,
        ungroundable + o.ungroundable,
        numbers + o.numbers,
        unsupportedNumbers + o.unsupportedNumbers,
        entities + o.entities,
        unsupportedEntities + o.unsupportedEntities);
  }

  /**
   * The support metrics the named columns allow: with contexts groundedness, the unsupported number
   * and entity rates, context relevance (with a prompt) and context recall (with a reference); with
   * a prompt answer relevance.
   */
  List<MetricResult> metrics(
      boolean prompt, boolean contexts, boolean reference, double threshold) {
    List<MetricResult> out = new ArrayList<>();
    if (contexts) {
      out.add(
          mean(
              LlmMetrics.GROUNDEDNESS_LEXICAL.id(),
              GROUNDEDNESS,
              "lexical support, not truth: share of response sentences with at least "
                  + threshold
                  + " of their content words in the contexts",
              "no record has both a response with a content word and contexts"));
      out.add(
          LlmResults.mean(
              LlmMetrics.UNSUPPORTED_NUMBER_RATE.id(),
              unsupportedNumbers,
              numbers,
              unsupportedNumbers
                  + " of "
                  + numbers
                  + " numbers in the responses do not occur in the contexts",
              "no response with contexts contains a number"));
      out.add(
          LlmResults.mean(
              LlmMetrics.UNSUPPORTED_ENTITY_RATE.id(),
              unsupportedEntities,
              entities,
              "lexical support, not truth: "
                  + unsupportedEntities
                  + " of "
                  + entities
                  + " names in the responses do not occur in the contexts",
              "no response with contexts names an entity (a capitalised word not starting a sentence)"));
      if (prompt) {
        out.add(
            mean(
                LlmMetrics.CONTEXT_RELEVANCE.id(),
                CONTEXT_RELEVANCE,
                "share of prompt content words found in the contexts",
                "no record has both a prompt with a content word and contexts"));
      }
      if (reference) {
        out.add(
            mean(
                LlmMetrics.CONTEXT_RECALL.id(),
                CONTEXT_RECALL,
                "share of reference-answer content words found in the contexts",
                "no record has both a reference answer with a content word and contexts"));
      }
    }
    if (prompt) {
      out.add(
          mean(
              LlmMetrics.ANSWER_RELEVANCE.id(),
              ANSWER_RELEVANCE,
              "share of prompt content words found in the response",
              "no record has both a prompt with a content word and a response"));
    }
    return out;
  }

  private MetricResult mean(String name, int index, String note, String why) {
    long n = counts[index];
    return LlmResults.mean(name, sums[index], n, note + "; mean over " + n + " records", why);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SupportState s
        && Arrays.equals(sums, s.sums)
        && Arrays.equals(counts, s.counts)
        && ungroundable == s.ungroundable
        && numbers == s.numbers
        && unsupportedNumbers == s.unsupportedNumbers
        && entities == s.entities
        && unsupportedEntities == s.unsupportedEntities;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sums) * 31 + Arrays.hashCode(counts);
  }
}
