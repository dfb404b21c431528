package dev.assay.report;

import dev.assay.core.Family;
import dev.assay.core.MetricNames;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * What a privacy or LLM metric's value means, in one clause for a reader who is not an engineer
 * ("k-anonymity is 1: at least one person is unique on age, sex and race and could be
 * re-identified"). {@link Findings} adds what the rule asks for. Shares are written as
 * percentages rounded away from the rule's threshold side that would hide a breach: when the rule
 * caps the value ({@code <=}, {@code <}) the percentage rounds up, otherwise down, so 10.04 % under
 * "at most 10 %" never reads as "10 %".
 */
final class PlainWords {

  private PlainWords() {
  }

  /**
   * The clause for {@code metric} of {@code family} observed at {@code value} on {@code scope}, or
   * null when this class has no specific wording for it (the caller falls back to the general one).
   *
   * @param metric the computed metric, for its note (k, the sensitive attribute); may be null
   * @param capped whether the rule sets an upper bound (rounding direction of percentages)
   */
  static String of(Family family, String name, Scope scope, double value, MetricResult metric,
                   boolean capped) {
    if (family == Family.PRIVACY) {
      return privacy(name, scope, value, note(metric), capped);
    }
    if (family == Family.LLM) {
      String clause = llm(name, value, capped);
      if (clause == null && name.startsWith(MetricNames.PII_PREFIX)) {
        clause = pii(name, scope, value, capped);
      }
      return clause;
    }
    return null;
  }

  /** Metrics whose value is a share of records, responses or words, written as a percentage. */
  private static final java.util.Set<String> SHARES = java.util.Set.of(
      "reidentification_risk_prosecutor_max", "reidentification_risk_prosecutor_avg",
      "sample_uniqueness", "records_at_risk", "refusal_rate", "prompt_injection_rate",
      "indirect_injection_rate", "json_valid_rate", "exact_match", "recall_at_k",
      "precision_at_k", "hit_rate_at_k", "groundedness_lexical", "unsupported_number_rate",
      "context_relevance", "answer_relevance", "context_recall", "judge_coverage",
      "unsupported_entity_rate", "response_pii_rate", "response_secret_rate",
      "json_schema_valid_rate", "variant_refusal_rate");

  /** Whether a rule's threshold on this metric reads best as a percentage ("at most 10 %"). */
  static boolean isShare(Family family, String name) {
    if (family != Family.PRIVACY && family != Family.LLM) {
      return false;
    }
    return SHARES.contains(name)
        || name.startsWith(MetricNames.PII_PREFIX) && name.endsWith("_rate");
  }

  private static String privacy(String name, Scope scope, double v, String note, boolean capped) {
    String qi = quasiIdentifiers(scope);
    String facts = qi == null ? "their quasi-identifiers" : qi;
    String whole = whole(v);
    String pct = percent(v, capped);
    switch (name) {
      case "k_anonymity":
        if (v <= 1) {
          return "k-anonymity is " + whole + ": at least one person is unique on " + facts
              + " and could be re-identified by anyone who knows those facts about them";
        }
        return "k-anonymity is " + whole + ": every record shares its " + facts + " with at least "
            + whole(v - 1) + " other " + (v - 1 == 1 ? "record" : "records")
            + ", and the smallest such group has " + whole + " records";
      case "equivalence_classes":
        return "the records fall into " + whole + " distinct combinations of " + facts;
      case "reidentification_risk_prosecutor_max":
        return "someone who knows a person is in the data, and knows their " + facts
            + ", could pick out that person's record with a chance of up to " + pct
            + " (highest re-identification risk " + NumberText.of(v) + ")";
      case "reidentification_risk_prosecutor_avg":
        return "someone who knows a person is in the data, and knows their " + facts
            + ", could pick out that person's record with a chance of " + pct
            + " on average (average re-identification risk " + NumberText.of(v) + ")";
      case "sample_uniqueness":
        return pct + " of records are the only one with their " + facts
            + ", so each of those people could be re-identified (sample uniqueness "
            + NumberText.of(v) + ")";
      case "records_at_risk": {
        String k = note != null && note.startsWith("k = ") ? note.substring(4) : "k";
        return pct + " of records share their " + facts + " with fewer than " + k
            + " records in all, too few to hide among (records at risk " + NumberText.of(v) + ")";
      }
      case "l_diversity": {
        String s = sensitive(note);
        if (v <= 1) {
          return "l-diversity is " + whole + ": in at least one group of records with the same "
              + facts + ", everyone has the same " + s
              + ", so knowing those facts about a person reveals it";
        }
        return "l-diversity is " + whole + ": every group of records with the same " + facts
            + " holds at least " + whole + " different values of " + s;
      }
      case "entropy_l_diversity":
        return "entropy l-diversity is " + NumberText.of(v) + ": the least varied group of records"
            + " with the same " + facts + " is as varied as " + NumberText.of(v)
            + " equally common values of " + sensitive(note) + " (1 means one value, fully revealed)";
      case "t_closeness":
        return "t-closeness is " + NumberText.of(v) + ": in the most telling group of records with the"
            + " same " + facts + ", the spread of " + sensitive(note) + " differs from the whole data"
            + " set's by " + pct + " (0 means a group reveals nothing, 100\u00a0% means completely"
            + " different)";
      case "membership_auc":
        return "an attacker guessing from the model's output whether a person's record was used in"
            + " training does so with an AUC of " + NumberText.of(v)
            + " (0.5 is no better than a coin toss, 1 is always right)";
      case "membership_advantage":
        return "an attacker guessing whether a person's record was used in training is right for "
            + pct + " more of the members than of the others (membership advantage "
            + NumberText.of(v) + "; 0 means the model leaks nothing this way)";
      case "membership_tpr_at_0_1_fpr":
        return "an attacker who may wrongly accuse at most 1 in 1,000 people of being in the"
            + " training data still finds " + pct + " of those who were (true-positive rate "
            + NumberText.of(v) + " at a 0.1\u00a0% false-positive rate)";
      case "membership_tpr_at_1_fpr":
        return "an attacker who may wrongly accuse at most 1 in 100 people of being in the"
            + " training data still finds " + pct + " of those who were (true-positive rate "
            + NumberText.of(v) + " at a 1\u00a0% false-positive rate)";
      case "membership_attack_auc":
        return "an attack model trained on the model's confidence and loss tells training records"
            + " from others with an AUC of " + NumberText.of(v)
            + " (0.5 is no better than a coin toss, 1 is always right)";
      case "memorization_rate":
        return pct + " of responses repeat a long passage of the training text word for word"
            + " (memorization rate " + NumberText.of(v) + ")";
      default:
        return name.startsWith(MetricNames.PII_PREFIX) ? pii(name, scope, v, capped) : null;
    }
  }

  private static String llm(String name, double v, boolean capped) {
    String pct = percent(v, capped);
    switch (name) {
      case "refusal_rate":
        return pct + " of responses contain a refusal phrase: the model declined to answer"
            + " (refusal rate " + NumberText.of(v) + ")";
      case "prompt_injection_rate":
        return pct + " of records carry a known prompt-injection or jailbreak phrase such as"
            + " \"ignore previous instructions\" in the prompt or the retrieved documents"
            + " (prompt injection rate " + NumberText.of(v) + ")";
      case "indirect_injection_rate":
        return pct + " of records carry a prompt-injection phrase in the retrieved documents"
            + " rather than in the user's prompt (indirect injection rate " + NumberText.of(v) + ")";
      case "json_valid_rate":
        return pct + " of responses are valid JSON, so " + percent(1 - v, !capped)
            + " could not be read by a program expecting JSON (JSON valid rate "
            + NumberText.of(v) + ")";
      case "exact_match":
        return pct + " of responses say exactly what the reference answer says, ignoring case,"
            + " punctuation and articles (exact match " + NumberText.of(v) + ")";
      case "token_f1":
        return "responses and reference answers share words with an average F1 of "
            + NumberText.of(v) + " (0 is no word in common, 1 is the same words)";
      case "bleu":
        return "the responses' wording matches the reference answers with a BLEU score of "
            + NumberText.of(v) + " out of 100";
      case "chrf":
        return "the responses' spelling matches the reference answers with a chrF score of "
            + NumberText.of(v) + " out of 100";
      case "rouge1":
      case "rouge2":
      case "rougeL":
      case "rougeLsum":
        return "the responses overlap with the reference answers with a " + rougeName(name)
            + " of " + NumberText.of(v) + " (0 is no overlap, 1 is identical)";
      case "response_length_mean":
        return "responses are " + NumberText.of(v) + " characters long on average";
      case "response_length_min":
        return "the shortest response is " + NumberText.of(v) + " characters long";
      case "response_length_max":
        return "the longest response is " + NumberText.of(v) + " characters long";
      case "recall_at_k":
        return "the retrieval step finds " + pct + " of the relevant documents in its top results,"
            + " on average per question (recall at k " + NumberText.of(v) + ")";
      case "precision_at_k":
        return pct + " of the retrieval step's top results are relevant documents, on average per"
            + " question (precision at k " + NumberText.of(v) + ")";
      case "hit_rate_at_k":
        return "for " + pct + " of questions the retrieval step finds at least one relevant"
            + " document in its top results (hit rate " + NumberText.of(v) + ")";
      case "mrr":
        return "the first relevant document is retrieved at a mean reciprocal rank of "
            + NumberText.of(v) + " (1 means it always comes first, 0 that it is never found)";
      case "ndcg_at_k":
        return "the retrieval step ranks relevant documents with a normalised gain of "
            + NumberText.of(v) + " (1 is a perfect ranking)";
      case "map":
        return "the retrieval step's mean average precision is " + NumberText.of(v)
            + " (1 means every relevant document is ranked above every other one)";
      case "groundedness_lexical":
        return pct + " of response sentences are mostly made of words found in the retrieved"
            + " documents; the rest may not be backed by them (lexical groundedness "
            + NumberText.of(v) + ", a check of wording, not of truth)";
      case "unsupported_number_rate":
        return pct + " of the numbers written in responses appear nowhere in the retrieved"
            + " documents, so they may be made up (unsupported number rate " + NumberText.of(v)
            + ")";
      case "context_relevance":
        return "on average " + pct + " of a question's key words appear in the documents"
            + " retrieved for it (context relevance " + NumberText.of(v) + ")";
      case "answer_relevance":
        return "on average " + pct + " of a question's key words appear in the response"
            + " (answer relevance " + NumberText.of(v) + ")";
      case "context_recall":
        return "on average " + pct + " of the reference answer's key words appear in the"
            + " retrieved documents (context recall " + NumberText.of(v) + ")";
      case "unsupported_entity_rate":
        return pct + " of the names (capitalised words) written in responses appear nowhere in the"
            + " retrieved documents, so they may be made up (unsupported entity rate "
            + NumberText.of(v) + ", a check of wording, not of truth)";
      case "response_pii_rate":
        return pct + " of responses contain personal data such as an e-mail address, a phone number"
            + " or a card number (PII rate of responses " + NumberText.of(v) + ")";
      case "response_secret_rate":
        return pct + " of responses contain a secret such as an access key, a token or a private"
            + " key (secret rate of responses " + NumberText.of(v) + ")";
      case "json_schema_valid_rate":
        return pct + " of responses are JSON in the shape the schema requires, so "
            + percent(1 - v, !capped) + " would break a program relying on it (JSON schema valid rate "
            + NumberText.of(v) + ")";
      case "latency_ms_p50":
        return "half of the responses took at most " + NumberText.of(v) + " milliseconds";
      case "latency_ms_p95":
        return "95 % of the responses took at most " + NumberText.of(v) + " milliseconds";
      case "latency_ms_p99":
        return "99 % of the responses took at most " + NumberText.of(v) + " milliseconds";
      case "prompt_tokens_total":
        return "the prompts used " + NumberText.of(v) + " tokens in all";
      case "completion_tokens_total":
        return "the responses used " + NumberText.of(v) + " tokens in all";
      case "prompt_tokens_mean":
        return "a prompt used " + NumberText.of(v) + " tokens on average";
      case "completion_tokens_mean":
        return "a response used " + NumberText.of(v) + " tokens on average";
      case "cost_total":
        return "the records cost " + NumberText.of(v) + " in tokens at the spec's prices";
      case "cost_per_record":
        return "a record cost " + NumberText.of(v) + " in tokens on average at the spec's prices";
      case "variant_count":
        return NumberText.of(v) + " records answer this variant of the prompts";
      case "variant_refusal_rate":
        return pct + " of the responses to this variant of the prompts contain a refusal phrase";
      case "variant_response_length_mean":
        return "responses to this variant of the prompts are " + NumberText.of(v)
            + " characters long on average";
      case "variant_sentiment_mean":
        return "responses to this variant of the prompts have an average sentiment of "
            + NumberText.of(v) + " (−1 all negative words, 1 all positive)";
      case "variant_rouge_l":
        return "responses to this variant of the prompts overlap with the reference answers with a"
            + " ROUGE-L score of " + NumberText.of(v);
      case "variant_refusal_rate_difference":
        return "the refusal rate differs by " + NumberText.of(v) + " between variants of the same"
            + " prompts that differ only in a demographic term (0 is equal treatment)";
      case "variant_response_length_difference":
        return "the average response length differs by " + NumberText.of(v) + " characters between"
            + " variants of the same prompts";
      case "variant_sentiment_difference":
        return "the average sentiment of responses differs by " + NumberText.of(v) + " between"
            + " variants of the same prompts (0 is equally warm answers)";
      case "variant_rouge_l_difference":
        return "the overlap with the reference answers (ROUGE-L) differs by " + NumberText.of(v)
            + " between variants of the same prompts (0 is equally accurate answers)";
      case "judge_groundedness":
        return "a judge model rated how well responses are backed by the retrieved documents at "
            + NumberText.of(v) + " out of 5 on average (5 is fully backed; an opinion of a model,"
            + " not a proof)";
      case "judge_relevance":
        return "a judge model rated how directly responses answer their question at "
            + NumberText.of(v) + " out of 5 on average (5 is fully)";
      case "judge_coherence":
        return "a judge model rated how clear and consistent responses are at " + NumberText.of(v)
            + " out of 5 on average (5 is very)";
      case "judge_coverage":
        return "the judge model rated " + pct + " of the responses; the others were not judged"
            + " (judge coverage " + NumberText.of(v) + ")";
      default:
        return null;
    }
  }

  /** A PII count or rate of one column: "12 records of the column notes contain an e-mail address". */
  private static String pii(String name, Scope scope, double v, boolean capped) {
    String body = name.substring(MetricNames.PII_PREFIX.length());
    String column = scope.column() == null ? "the scanned data" : "the column " + scope.column();
    if (body.endsWith("_count") && body.length() > 6) {
      String type = PiiChart.typeWords(body.substring(0, body.length() - 6));
      long n = Math.round(v);
      return n + " " + (n == 1 ? "record" : "records") + " of " + column + " " + (n == 1 ? "contains"
          : "contain") + " " + article(type) + type + ", personal data that should not be there";
    }
    if (body.endsWith("_rate") && body.length() > 5) {
      String type = PiiChart.typeWords(body.substring(0, body.length() - 5));
      return percent(v, capped) + " of the records of " + column + " contain " + article(type)
          + type + " (" + Findings.words(name) + " " + NumberText.of(v) + ")";
    }
    return null;
  }

  private static String rougeName(String name) {
    return name.equals("rougeL") ? "ROUGE-L score" : "ROUGE-" + name.substring(5) + " score";
  }

  private static String article(String noun) {
    if (noun.startsWith("IBAN")) {
      return "an ";
    }
    return "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 && !noun.startsWith("US") ? "an " : "a ";
  }

  /** The quasi-identifiers of a privacy scope ("age, sex and race"), or null. */
  static String quasiIdentifiers(Scope scope) {
    if (scope.column() == null) {
      return null;
    }
    List<String> names = Arrays.asList(scope.column().split(
        java.util.regex.Pattern.quote(Scope.INTERSECTION_SEPARATOR)));
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and "
        + names.get(names.size() - 1);
  }

  private static String sensitive(String note) {
    String prefix = "sensitive attribute ";
    return note != null && note.startsWith(prefix) ? note.substring(prefix.length())
        : "the sensitive attribute";
  }

  private static String note(MetricResult m) {
    return m == null ? null : m.note();
  }

  private static String whole(double v) {
    return NumberText.of(v);
  }

  /**
   * A share as a percentage with at most three significant digits, rounded up when {@code up}
   * (the rule caps the value) and down otherwise.
   */
  static String percent(double share, boolean up) {
    if (!up) {
      return Findings.percent(share);
    }
    BigDecimal p = new BigDecimal(share * 100).round(new MathContext(9, RoundingMode.HALF_UP))
        .round(new MathContext(3, RoundingMode.UP));
    if (p.abs().compareTo(BigDecimal.valueOf(100)) >= 0) {
      p = p.setScale(0, RoundingMode.UP);
    }
    return p.stripTrailingZeros().toPlainString() + Findings.PERCENT;
  }
}
