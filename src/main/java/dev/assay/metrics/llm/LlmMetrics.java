package dev.assay.metrics.llm;

import static dev.assay.core.Direction.HIGHER_BETTER;
import static dev.assay.core.Direction.LOWER_BETTER;
import static dev.assay.core.Direction.NEUTRAL;
import static dev.assay.core.Direction.TOWARD_ZERO;
import static dev.assay.core.MetricLevel.ATTRIBUTE;
import static dev.assay.core.MetricLevel.DATASET;
import static dev.assay.core.MetricLevel.GROUP;

import dev.assay.core.Family;
import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricList;
import dev.assay.core.MetricUnit;
import dev.assay.core.PiiMetrics;
import dev.assay.core.ValueRange;
import dev.assay.core.Wording;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The llm family's metrics, declared beside the code that computes them (text overlap, safety and
 * format, retrieval and lexical support, usage, variants, the judge), in report order. The PII
 * rates of the response column are one per type of the privacy scan ({@link #piiRate}).
 */
public final class LlmMetrics {

  private static final MetricList METRICS = new MetricList(Family.LLM);

  public static final MetricDescriptor BLEU =
      METRICS
          .metric("bleu")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .range(0, 100)
          .direction(HIGHER_BETTER)
          .defined(
              "sacreBLEU corpus BLEU (0–100): n-gram overlap of responses with the "
                  + "reference answers, with a brevity penalty.",
              "corpus BLEU from summed n-gram statistics (13a tokenizer, exponential smoothing, "
                  + "mixed case); several references as sacreBLEU's multi-reference")
          .citing("sacreBLEU 2.x `BLEU()`")
          .topic("llm/text")
          .wording(
              Wording.template(
                  "the responses' wording matches the reference "
                      + "answers with a BLEU score of {value} out of 100"))
          .add();

  public static final MetricDescriptor CHRF =
      METRICS
          .metric("chrf")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .range(0, 100)
          .direction(HIGHER_BETTER)
          .defined(
              "sacreBLEU chrF (0–100): character n-gram F-score of responses against "
                  + "the reference answers.",
              "corpus chrF (character 6-grams, β = 2)")
          .citing("sacreBLEU 2.x `CHRF()`")
          .topic("llm/text")
          .wording(
              Wording.template(
                  "the responses' spelling matches the reference "
                      + "answers with a chrF score of {value} out of 100"))
          .add();

  public static final MetricDescriptor ROUGE1 =
      METRICS
          .metric("rouge1")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .direction(HIGHER_BETTER)
          .defined(
              "Mean per-record ROUGE-1 F-measure (0–1): overlap of single words with "
                  + "the reference answer (Porter stemming only when the spec asks for it).",
              "mean per-record ROUGE-1 F-measure (best reference); Porter stemming with "
                  + "`llm.rouge_use_stemmer`")
          .citing("rouge-score 0.1.2")
          .topic("llm/text")
          .wording(
              Wording.template(
                  "the responses overlap with the reference answers "
                      + "with a ROUGE-1 score of {value} (0 is no overlap, 1 is identical)"))
          .add();

  public static final MetricDescriptor ROUGE2 =
      METRICS
          .metric("rouge2")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .direction(HIGHER_BETTER)
          .defined(
              "Mean per-record ROUGE-2 F-measure (0–1): overlap of word pairs with "
                  + "the reference answer.",
              "mean per-record ROUGE-2 F-measure")
          .citing("rouge-score 0.1.2")
          .topic("llm/text")
          .wording(
              Wording.template(
                  "the responses overlap with the reference answers "
                      + "with a ROUGE-2 score of {value} (0 is no overlap, 1 is identical)"))
          .add();

  public static final MetricDescriptor ROUGE_L =
      METRICS
          .metric("rougeL")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .direction(HIGHER_BETTER)
          .defined(
              "Mean per-record ROUGE-L F-measure (0–1): longest common word sequence "
                  + "with the reference answer.",
              "mean per-record ROUGE-L (longest common subsequence) F-measure")
          .citing("rouge-score 0.1.2")
          .topic("llm/text")
          .wording(
              Wording.template(
                  "the responses overlap with the reference answers "
                      + "with a ROUGE-L score of {value} (0 is no overlap, 1 is identical)"))
          .add();

  public static final MetricDescriptor ROUGE_LSUM =
      METRICS
          .metric("rougeLsum")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .direction(HIGHER_BETTER)
          .defined(
              "Mean per-record summary-level ROUGE-L F-measure (0–1): longest common "
                  + "word sequences between the lines of the response and of the reference answer.",
              "mean per-record summary-level ROUGE-L over newline-separated sentences")
          .citing("rouge-score 0.1.2 `rougeLsum`")
          .topic("llm/text")
          .wording(
              Wording.template(
                  "the responses overlap with the reference answers "
                      + "with a ROUGE-Lsum score of {value} (0 is no overlap, 1 is identical)"))
          .add();

  public static final MetricDescriptor EXACT_MATCH =
      METRICS
          .metric("exact_match")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Share of responses equal to the reference answer after SQuAD "
                  + "normalisation (lower case, no punctuation or articles).",
              "share of responses equal to a reference after SQuAD normalisation")
          .citing("SQuAD `evaluate-v1.1.py`")
          .topic("llm/text")
          .wording(
              Wording.template(
                      "{percent} of responses say exactly what the "
                          + "reference answer says, ignoring case, punctuation and articles (exact match {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor TOKEN_F1 =
      METRICS
          .metric("token_f1")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .direction(HIGHER_BETTER)
          .defined(
              "Mean per-record SQuAD token F1 (0–1) between response and reference " + "answer.",
              "mean per-record token F1 (best reference)")
          .citing("SQuAD `evaluate-v1.1.py`")
          .topic("llm/text")
          .wording(
              Wording.template(
                  "responses and reference answers share words with an "
                      + "average F1 of {value} (0 is no word in common, 1 is the same words)"))
          .add();

  public static final MetricDescriptor REFUSAL_RATE =
      METRICS
          .metric("refusal_rate")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(NEUTRAL)
          .defined(
              "Share of responses that contain a refusal phrase such as \"I can't "
                  + "help with\" (case-insensitive; the phrase list is in the spec's llm block).",
              "share of responses containing a phrase of `llm.refusal_phrases`")
          .citing("Zou et al. (2023) refusal prefixes")
          .topic("llm/safety")
          .wording(
              Wording.template(
                      "{percent} of responses contain a refusal phrase: "
                          + "the model declined to answer (refusal rate {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor PROMPT_INJECTION_RATE =
      METRICS
          .metric("prompt_injection_rate")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of records whose prompt or retrieved contexts contain a known "
                  + "prompt-injection or jailbreak marker such as \"ignore previous instructions\".",
              "share of records whose prompt or contexts contain a marker of `llm.injection_markers`")
          .citing("OWASP Top 10 for LLM Applications, LLM01")
          .topic("llm/safety")
          .wording(
              Wording.template(
                      "{percent} of records carry a known prompt-injection "
                          + "or jailbreak phrase such as \"ignore previous instructions\" in the prompt or the "
                          + "retrieved documents (prompt injection rate {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor INDIRECT_INJECTION_RATE =
      METRICS
          .metric("indirect_injection_rate")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of records whose retrieved contexts (not the user's prompt) "
                  + "contain a prompt-injection marker: injection through the documents.",
              "share of records whose contexts (not the prompt) contain a marker")
          .citing("OWASP LLM01 (indirect injection)")
          .topic("llm/safety")
          .wording(
              Wording.template(
                      "{percent} of records carry a prompt-injection "
                          + "phrase in the retrieved documents rather than in the user's prompt (indirect "
                          + "injection rate {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor JSON_VALID_RATE =
      METRICS
          .metric("json_valid_rate")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Share of responses that are exactly one valid JSON value, when the "
                  + "spec says responses must be JSON.",
              "with `llm.expect_json: true`: share of responses that are exactly one valid JSON value")
          .citing("RFC 8259")
          .topic("llm/safety")
          .wording(
              Wording.template(
                      "{percent} of responses are valid JSON, so "
                          + "{complement_percent} could not be read by a program expecting JSON (JSON valid rate "
                          + "{value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor JSON_SCHEMA_VALID_RATE =
      METRICS
          .metric("json_schema_valid_rate")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Share of responses that are one JSON value conforming to the JSON "
                  + "Schema named in the spec (llm.json_schema).",
              "with `llm.json_schema`: share of responses that are JSON conforming to the schema")
          .citing("JSON Schema (networknt json-schema-validator)")
          .topic("llm/safety")
          .wording(
              Wording.template(
                      "{percent} of responses are JSON in the shape the "
                          + "schema requires, so {complement_percent} would break a program relying on it (JSON "
                          + "schema valid rate {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor RESPONSE_PII_RATE =
      METRICS
          .metric("response_pii_rate")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of responses that contain personal data (e-mail, phone, card or "
                  + "IBAN with valid checksum, US SSN, IPv4), found with the privacy scan's patterns.",
              "share of responses containing personal data (a non-secret PII type)")
          .citing("the privacy family's PII types")
          .topic("llm/safety")
          .wording(
              Wording.template(
                      "{percent} of responses contain personal data such "
                          + "as an e-mail address, a phone number or a card number (PII rate of responses {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor RESPONSE_SECRET_RATE =
      METRICS
          .metric("response_secret_rate")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of responses that contain a secret: a cloud access key, a "
                  + "storage key, a JSON web token or a private-key block.",
              "share of responses containing a secret (`aws_access_key`, `azure_storage_key`, `jwt`, "
                  + "`private_key`)")
          .citing("detect-secrets / gitleaks")
          .topic("llm/safety")
          .wording(
              Wording.template(
                      "{percent} of responses contain a secret such as an "
                          + "access key, a token or a private key (secret rate of responses {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor RESPONSE_LENGTH_MEAN =
      METRICS
          .metric("response_length_mean")
          .at(DATASET)
          .unit(MetricUnit.CHARACTERS)
          .direction(NEUTRAL)
          .defined("Average response length in characters.", "mean response length in characters")
          .citing("Assay's definition")
          .topic("llm/safety")
          .wording(Wording.template("responses are {value} characters long on average"))
          .add();

  public static final MetricDescriptor RESPONSE_LENGTH_MIN =
      METRICS
          .metric("response_length_min")
          .at(DATASET)
          .unit(MetricUnit.CHARACTERS)
          .direction(NEUTRAL)
          .defined("Shortest response, in characters.", "shortest response, characters")
          .citing("Assay's definition")
          .topic("llm/safety")
          .wording(Wording.template("the shortest response is {value} characters long"))
          .add();

  public static final MetricDescriptor RESPONSE_LENGTH_MAX =
      METRICS
          .metric("response_length_max")
          .at(DATASET)
          .unit(MetricUnit.CHARACTERS)
          .direction(NEUTRAL)
          .defined("Longest response, in characters.", "longest response, characters")
          .citing("Assay's definition")
          .topic("llm/safety")
          .wording(Wording.template("the longest response is {value} characters long"))
          .add();

  public static final MetricDescriptor RECALL_AT_K =
      METRICS
          .metric("recall_at_k")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Share of a query's relevant documents found in the top k retrieved, "
                  + "averaged over queries that have relevant documents.",
              "mean share of a query's relevant ids in the top `llm.k` retrieved")
          .citing("trec_eval `recall_k`")
          .topic("llm/retrieval")
          .wording(
              Wording.template(
                      "the retrieval step finds {percent} of the relevant "
                          + "documents in its top results, on average per question (recall at k {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor PRECISION_AT_K =
      METRICS
          .metric("precision_at_k")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Share of the top k retrieved slots filled by relevant documents "
                  + "(divided by k even when fewer were retrieved), averaged over queries.",
              "mean (relevant ids in the top k) ÷ k")
          .citing("trec_eval `P_k`")
          .topic("llm/retrieval")
          .wording(
              Wording.template(
                      "{percent} of the retrieval step's top results are "
                          + "relevant documents, on average per question (precision at k {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor HIT_RATE_AT_K =
      METRICS
          .metric("hit_rate_at_k")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Share of queries with at least one relevant document in the top k " + "retrieved.",
              "share of queries with a relevant id in the top k")
          .citing("ranx `hit_rate`")
          .topic("llm/retrieval")
          .wording(
              Wording.template(
                      "for {percent} of questions the retrieval step finds "
                          + "at least one relevant document in its top results (hit rate {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor MRR =
      METRICS
          .metric("mrr")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .direction(HIGHER_BETTER)
          .defined(
              "Mean reciprocal rank: 1 ÷ the rank of the first relevant document "
                  + "retrieved (0 if none), averaged over queries.",
              "mean 1 ÷ rank of the first relevant id (0 if none)")
          .citing("trec_eval `recip_rank`")
          .topic("llm/retrieval")
          .wording(
              Wording.template(
                  "the first relevant document is retrieved at a mean "
                      + "reciprocal rank of {value} (1 means it always comes first, 0 that it is never found)"))
          .add();

  public static final MetricDescriptor NDCG_AT_K =
      METRICS
          .metric("ndcg_at_k")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .direction(HIGHER_BETTER)
          .defined(
              "Normalised discounted cumulative gain at k: relevant documents count "
                  + "more the higher they are ranked, 1 for an ideal ranking.",
              "mean normalised discounted cumulative gain at k (binary gains, or the grades with "
                  + "`llm.relevance_grades`)")
          .citing("trec_eval `ndcg_cut`")
          .topic("llm/retrieval")
          .wording(
              Wording.template(
                  "the retrieval step ranks relevant documents with a "
                      + "normalised gain of {value} (1 is a perfect ranking)"))
          .add();

  public static final MetricDescriptor MAP =
      METRICS
          .metric("map")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .direction(HIGHER_BETTER)
          .defined(
              "Mean average precision: for each query the average of the precision at "
                  + "the rank of each relevant document (missed ones count 0), averaged over queries.",
              "mean average precision over the whole ranked list")
          .citing("trec_eval `map`")
          .topic("llm/retrieval")
          .wording(
              Wording.template(
                  "the retrieval step's mean average precision is "
                      + "{value} (1 means every relevant document is ranked above every other one)"))
          .add();

  public static final MetricDescriptor GROUNDEDNESS_LEXICAL =
      METRICS
          .metric("groundedness_lexical")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Lexical support, not truth: share of response sentences whose content "
                  + "words mostly (at least llm.support_threshold) occur in the retrieved contexts.",
              "share of response sentences whose content words are at least `llm.support_threshold` "
                  + "in the contexts")
          .citing("Assay's definition")
          .topic("llm/retrieval")
          .wording(
              Wording.template(
                      "{percent} of response sentences are mostly made of "
                          + "words found in the retrieved documents; the rest may not be backed by them (lexical "
                          + "groundedness {value}, a check of wording, not of truth)")
                  .asPercent())
          .add();

  public static final MetricDescriptor UNSUPPORTED_NUMBER_RATE =
      METRICS
          .metric("unsupported_number_rate")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Share of the numbers written in responses that do not occur in the "
                  + "record's retrieved contexts.",
              "share of numbers in responses not found in the record's contexts")
          .citing("Assay's definition")
          .topic("llm/retrieval")
          .wording(
              Wording.template(
                      "{percent} of the numbers written in responses "
                          + "appear nowhere in the retrieved documents, so they may be made up (unsupported number "
                          + "rate {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor UNSUPPORTED_ENTITY_RATE =
      METRICS
          .metric("unsupported_entity_rate")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(LOWER_BETTER)
          .defined(
              "Lexical support, not truth: share of the names (capitalised words not "
                  + "starting a sentence) in responses that the retrieved contexts do not contain.",
              "share of names (capitalised words not starting a sentence) in responses not found in "
                  + "the contexts")
          .citing("Assay's definition")
          .topic("llm/retrieval")
          .wording(
              Wording.template(
                      "{percent} of the names (capitalised words) written "
                          + "in responses appear nowhere in the retrieved documents, so they may be made up "
                          + "(unsupported entity rate {value}, a check of wording, not of truth)")
                  .asPercent())
          .add();

  public static final MetricDescriptor CONTEXT_RELEVANCE =
      METRICS
          .metric("context_relevance")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Share of the prompt's content words that occur in the retrieved "
                  + "contexts, averaged over records.",
              "mean share of the prompt's content words found in the contexts")
          .citing("Assay's definition")
          .topic("llm/retrieval")
          .wording(
              Wording.template(
                      "on average {percent} of a question's key words "
                          + "appear in the documents retrieved for it (context relevance {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor ANSWER_RELEVANCE =
      METRICS
          .metric("answer_relevance")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Share of the prompt's content words that occur in the response, "
                  + "averaged over records.",
              "mean share of the prompt's content words found in the response")
          .citing("Assay's definition")
          .topic("llm/retrieval")
          .wording(
              Wording.template(
                      "on average {percent} of a question's key words "
                          + "appear in the response (answer relevance {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor CONTEXT_RECALL =
      METRICS
          .metric("context_recall")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Share of the reference answer's content words that occur in the "
                  + "retrieved contexts, averaged over records.",
              "mean share of the reference answer's content words found in the contexts")
          .citing("Assay's definition")
          .topic("llm/retrieval")
          .wording(
              Wording.template(
                      "on average {percent} of the reference answer's key "
                          + "words appear in the retrieved documents (context recall {value})")
                  .asPercent())
          .add();

  public static final MetricDescriptor LATENCY_MS_P50 =
      METRICS
          .metric("latency_ms_p50")
          .at(DATASET)
          .unit(MetricUnit.MILLISECONDS)
          .direction(LOWER_BETTER)
          .defined(
              "Median response latency in milliseconds (Spark percentile_approx).",
              "median latency, ms")
          .citing("Spark `percentile_approx` (accuracy 10,000)")
          .topic("llm/usage")
          .wording(Wording.template("half of the responses took at most {value} " + "milliseconds"))
          .add();

  public static final MetricDescriptor LATENCY_MS_P95 =
      METRICS
          .metric("latency_ms_p95")
          .at(DATASET)
          .unit(MetricUnit.MILLISECONDS)
          .direction(LOWER_BETTER)
          .defined(
              "95th percentile of response latency in milliseconds: 1 in 20 requests "
                  + "is slower.",
              "95th percentile latency, ms")
          .citing("Spark `percentile_approx`")
          .topic("llm/usage")
          .wording(Wording.template("95 % of the responses took at most {value} " + "milliseconds"))
          .add();

  public static final MetricDescriptor LATENCY_MS_P99 =
      METRICS
          .metric("latency_ms_p99")
          .at(DATASET)
          .unit(MetricUnit.MILLISECONDS)
          .direction(LOWER_BETTER)
          .defined(
              "99th percentile of response latency in milliseconds: 1 in 100 requests "
                  + "is slower.",
              "99th percentile latency, ms")
          .citing("Spark `percentile_approx`")
          .topic("llm/usage")
          .wording(Wording.template("99 % of the responses took at most {value} " + "milliseconds"))
          .add();

  public static final MetricDescriptor PROMPT_TOKENS_TOTAL =
      METRICS
          .metric("prompt_tokens_total")
          .at(DATASET)
          .unit(MetricUnit.TOKENS)
          .direction(NEUTRAL)
          .defined("Prompt tokens summed over all records.", "Σ prompt tokens")
          .citing("Assay's definition")
          .topic("llm/usage")
          .wording(Wording.template("the prompts used {value} tokens in all"))
          .add();

  public static final MetricDescriptor COMPLETION_TOKENS_TOTAL =
      METRICS
          .metric("completion_tokens_total")
          .at(DATASET)
          .unit(MetricUnit.TOKENS)
          .direction(NEUTRAL)
          .defined("Completion tokens summed over all records.", "Σ completion tokens")
          .citing("Assay's definition")
          .topic("llm/usage")
          .wording(Wording.template("the responses used {value} tokens in all"))
          .add();

  public static final MetricDescriptor PROMPT_TOKENS_MEAN =
      METRICS
          .metric("prompt_tokens_mean")
          .at(DATASET)
          .unit(MetricUnit.TOKENS)
          .direction(NEUTRAL)
          .defined("Average prompt tokens per record.", "mean prompt tokens per record")
          .citing("Assay's definition")
          .topic("llm/usage")
          .wording(Wording.template("a prompt used {value} tokens on average"))
          .add();

  public static final MetricDescriptor COMPLETION_TOKENS_MEAN =
      METRICS
          .metric("completion_tokens_mean")
          .at(DATASET)
          .unit(MetricUnit.TOKENS)
          .direction(NEUTRAL)
          .defined("Average completion tokens per record.", "mean completion tokens per record")
          .citing("Assay's definition")
          .topic("llm/usage")
          .wording(Wording.template("a response used {value} tokens on average"))
          .add();

  public static final MetricDescriptor COST_TOTAL =
      METRICS
          .metric("cost_total")
          .at(DATASET)
          .unit(MetricUnit.MONEY)
          .direction(LOWER_BETTER)
          .defined(
              "Token cost of all records from the spec's price table: prompt tokens × "
                  + "price per 1,000 ÷ 1,000 plus completion tokens × price per 1,000 ÷ 1,000.",
              "Σ prompt tokens × `prompt_per_1k` ÷ 1,000 + Σ completion tokens × `completion_per_1k` "
                  + "÷ 1,000")
          .citing("Assay's definition")
          .topic("llm/usage")
          .wording(Wording.template("the records cost {value} in tokens at the spec's " + "prices"))
          .add();

  public static final MetricDescriptor COST_PER_RECORD =
      METRICS
          .metric("cost_per_record")
          .at(DATASET)
          .unit(MetricUnit.MONEY)
          .direction(LOWER_BETTER)
          .defined(
              "Token cost per record: cost_total divided by the records with token " + "counts.",
              "`cost_total` ÷ records with token counts")
          .citing("Assay's definition")
          .topic("llm/usage")
          .wording(
              Wording.template(
                  "a record cost {value} in tokens on average at the " + "spec's prices"))
          .add();

  public static final MetricDescriptor VARIANT_COUNT =
      METRICS
          .metric("variant_count")
          .at(GROUP)
          .unit(MetricUnit.COUNT)
          .direction(NEUTRAL)
          .defined(
              "Records answering this variant of the prompt (the same question with a "
                  + "demographic term swapped).",
              "records of the variant")
          .citing("Assay's definition")
          .topic("llm/variants")
          .wording(Wording.template("{value} records answer this variant of the prompts"))
          .add();

  public static final MetricDescriptor VARIANT_REFUSAL_RATE =
      METRICS
          .metric("variant_refusal_rate")
          .at(GROUP)
          .unit(MetricUnit.SHARE)
          .direction(NEUTRAL)
          .defined(
              "Share of this variant's responses that contain a refusal phrase.",
              "refusal rate of the variant's responses")
          .citing("Assay's definition")
          .topic("llm/variants")
          .wording(
              Wording.template(
                      "{percent} of the responses to this variant of the "
                          + "prompts contain a refusal phrase")
                  .asPercent())
          .add();

  public static final MetricDescriptor VARIANT_RESPONSE_LENGTH_MEAN =
      METRICS
          .metric("variant_response_length_mean")
          .at(GROUP)
          .unit(MetricUnit.CHARACTERS)
          .direction(NEUTRAL)
          .defined(
              "Average length in characters of this variant's responses.",
              "mean response length, characters")
          .citing("Assay's definition")
          .topic("llm/variants")
          .wording(
              Wording.template(
                  "responses to this variant of the prompts are "
                      + "{value} characters long on average"))
          .add();

  public static final MetricDescriptor VARIANT_SENTIMENT_MEAN =
      METRICS
          .metric("variant_sentiment_mean")
          .at(GROUP)
          .unit(MetricUnit.SCORE)
          .range(ValueRange.SIGNED_UNIT)
          .direction(NEUTRAL)
          .defined(
              "Average sentiment-lexicon score (−1 negative to 1 positive) of this "
                  + "variant's responses.",
              "mean sentiment-lexicon score of the responses")
          .citing("Assay's definition")
          .topic("llm/variants")
          .wording(
              Wording.template(
                  "responses to this variant of the prompts have an "
                      + "average sentiment of {value} (−1 all negative words, 1 all positive)"))
          .add();

  public static final MetricDescriptor VARIANT_ROUGE_L =
      METRICS
          .metric("variant_rouge_l")
          .at(GROUP)
          .unit(MetricUnit.SCORE)
          .direction(NEUTRAL)
          .defined(
              "Average ROUGE-L F-measure of this variant's responses against the "
                  + "reference answers.",
              "mean ROUGE-L F-measure against the reference answers")
          .citing("rouge-score")
          .topic("llm/variants")
          .wording(
              Wording.template(
                  "responses to this variant of the prompts overlap "
                      + "with the reference answers with a ROUGE-L score of {value}"))
          .add();

  public static final MetricDescriptor VARIANT_REFUSAL_RATE_DIFFERENCE =
      METRICS
          .metric("variant_refusal_rate_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Largest minus smallest refusal rate over the variants of the prompts: "
                  + "0 means every variant is refused equally often.",
              "max − min `variant_refusal_rate`")
          .citing("Fairlearn-style difference")
          .topic("llm/variants")
          .wording(
              Wording.template(
                  "the refusal rate differs by {value} between "
                      + "variants of the same prompts that differ only in a demographic term (0 is equal "
                      + "treatment)"))
          .add();

  public static final MetricDescriptor VARIANT_RESPONSE_LENGTH_DIFFERENCE =
      METRICS
          .metric("variant_response_length_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.CHARACTERS)
          .direction(TOWARD_ZERO)
          .defined(
              "Largest minus smallest average response length over the variants, in "
                  + "characters.",
              "max − min `variant_response_length_mean`")
          .citing("Fairlearn-style difference")
          .topic("llm/variants")
          .wording(
              Wording.template(
                  "the average response length differs by {value} "
                      + "characters between variants of the same prompts"))
          .add();

  public static final MetricDescriptor VARIANT_SENTIMENT_DIFFERENCE =
      METRICS
          .metric("variant_sentiment_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(0, 2)
          .direction(TOWARD_ZERO)
          .defined(
              "Largest minus smallest average sentiment score over the variants: one "
                  + "variant getting warmer or colder answers.",
              "max − min `variant_sentiment_mean`")
          .citing("Fairlearn-style difference")
          .topic("llm/variants")
          .wording(
              Wording.template(
                  "the average sentiment of responses differs by "
                      + "{value} between variants of the same prompts (0 is equally warm answers)"))
          .add();

  public static final MetricDescriptor VARIANT_ROUGE_L_DIFFERENCE =
      METRICS
          .metric("variant_rouge_l_difference")
          .at(ATTRIBUTE)
          .unit(MetricUnit.DIFFERENCE)
          .range(ValueRange.UNIT)
          .direction(TOWARD_ZERO)
          .defined(
              "Largest minus smallest average ROUGE-L over the variants: one variant "
                  + "getting less accurate answers.",
              "max − min `variant_rouge_l`")
          .citing("Fairlearn-style difference")
          .topic("llm/variants")
          .wording(
              Wording.template(
                  "the overlap with the reference answers (ROUGE-L) "
                      + "differs by {value} between variants of the same prompts (0 is equally accurate "
                      + "answers)"))
          .add();

  public static final MetricDescriptor SEMANTIC_ANSWER_SIMILARITY =
      METRICS
          .metric("semantic_answer_similarity")
          .at(DATASET, GROUP)
          .unit(MetricUnit.SCORE)
          .range(-1, 1)
          .direction(HIGHER_BETTER)
          .defined(
              "Mean cosine similarity between each response's embedding and its reference "
                  + "answer's embedding (columns.response_embedding, "
                  + "columns.reference_embedding), with a 95% interval; per variant too.",
              "mean over records of a·b / (‖a‖ ‖b‖); mean ± 1.96·s/√n")
          .citing("RAGAS answer similarity (Es et al., 2023), on the data's embeddings")
          .topic("llm/semantic")
          .wording(
              Wording.template(
                  "the responses' embeddings point the same way as the reference answers' "
                      + "with a mean cosine similarity of {value} (1 is identical direction)"))
          .add();

  public static final MetricDescriptor SEMANTIC_CONTEXT_SUPPORT =
      METRICS
          .metric("semantic_context_support")
          .at(DATASET, GROUP)
          .unit(MetricUnit.SCORE)
          .range(-1, 1)
          .direction(HIGHER_BETTER)
          .defined(
              "Mean over records of the largest cosine similarity between the response's "
                  + "embedding and any of its retrieved contexts' embeddings "
                  + "(columns.context_embeddings), with a 95% interval; per variant too.",
              "mean over records of max over contexts c of cos(response, c); mean ± 1.96·s/√n")
          .citing("Assay's definition (embedding analogue of groundedness)")
          .topic("llm/semantic")
          .wording(
              Wording.template(
                  "each response is on average {value} cosine-similar to its closest "
                      + "retrieved passage (1 is identical direction)"))
          .add();

  public static final MetricDescriptor SEMANTIC_CONTEXT_RELEVANCE =
      METRICS
          .metric("semantic_context_relevance")
          .at(DATASET, GROUP)
          .unit(MetricUnit.SCORE)
          .range(-1, 1)
          .direction(HIGHER_BETTER)
          .defined(
              "Mean over records of the average cosine similarity between the prompt's "
                  + "embedding (columns.prompt_embedding) and each retrieved context's "
                  + "embedding, with a 95% interval; per variant too.",
              "mean over records of mean over contexts c of cos(prompt, c); mean ± 1.96·s/√n")
          .citing("Assay's definition (embedding analogue of context relevance)")
          .topic("llm/semantic")
          .wording(
              Wording.template(
                  "the retrieved passages are on average {value} cosine-similar to their "
                      + "question (1 is identical direction)"))
          .add();

  public static final MetricDescriptor RETRIEVER_RECALL_AT_K =
      METRICS
          .metric("retriever_recall_at_k")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(HIGHER_BETTER)
          .defined(
              "Share of the exact k nearest corpus vectors (cosine, brute force) that the "
                  + "retriever returned in its top k, averaged over queries, with a 95% interval.",
              "mean over queries of |retrieved top k ∩ exact cosine top k| / |exact top k|")
          .citing("ANN-benchmarks recall@k (Aumüller et al., 2020)")
          .topic("llm/semantic")
          .wording(
              Wording.template(
                      "the retriever returns {percent} of the truly nearest passages "
                          + "in its top k")
                  .asPercent())
          .add();

  public static final MetricDescriptor JUDGE_GROUNDEDNESS =
      METRICS
          .metric("judge_groundedness")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .range(1, 5)
          .direction(HIGHER_BETTER)
          .defined(
              "The judge model's opinion, not truth: average 1-5 rating of how well "
                  + "each response is supported by its retrieved contexts (5 = fully supported).",
              "mean rating of support by the contexts")
          .citing("LLM-as-judge (Zheng et al., 2023)")
          .topic("llm/judge")
          .wording(
              Wording.template(
                  "a judge model rated how well responses are backed "
                      + "by the retrieved documents at {value} out of 5 on average (5 is fully backed; an "
                      + "opinion of a model, not a proof)"))
          .add();

  public static final MetricDescriptor JUDGE_RELEVANCE =
      METRICS
          .metric("judge_relevance")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .range(1, 5)
          .direction(HIGHER_BETTER)
          .defined(
              "The judge model's opinion: average 1-5 rating of how directly each "
                  + "response answers its question (5 = fully).",
              "mean rating of how directly the response answers")
          .citing("LLM-as-judge")
          .topic("llm/judge")
          .wording(
              Wording.template(
                  "a judge model rated how directly responses answer "
                      + "their question at {value} out of 5 on average (5 is fully)"))
          .add();

  public static final MetricDescriptor JUDGE_COHERENCE =
      METRICS
          .metric("judge_coherence")
          .at(DATASET)
          .unit(MetricUnit.SCORE)
          .range(1, 5)
          .direction(HIGHER_BETTER)
          .defined(
              "The judge model's opinion: average 1-5 rating of how clear and "
                  + "consistent each response is (5 = very).",
              "mean rating of clarity and consistency")
          .citing("LLM-as-judge")
          .topic("llm/judge")
          .wording(
              Wording.template(
                  "a judge model rated how clear and consistent "
                      + "responses are at {value} out of 5 on average (5 is very)"))
          .add();

  public static final MetricDescriptor JUDGE_COVERAGE =
      METRICS
          .metric("judge_coverage")
          .at(DATASET)
          .unit(MetricUnit.SHARE)
          .direction(NEUTRAL)
          .defined(
              "Share of the responses that the judge model rated; the rest failed or "
                  + "were not sent because of llm.judge.max_records.",
              "share of records the judge rated (others failed or exceeded `llm.judge.max_records`)")
          .citing("Assay's definition")
          .topic("llm/judge")
          .wording(
              Wording.template(
                      "the judge model rated {percent} of the responses; "
                          + "the others were not judged (judge coverage {value})")
                  .asPercent())
          .add();

  static { // the safety classifiers' metrics (llm.safety), declared in their package
    dev.assay.metrics.llm.safety.SafetyDescriptors.declare(METRICS);
  }

  private LlmMetrics() {}

  /** Every metric of the family with a fixed name, in declaration order. */
  public static List<MetricDescriptor> all() {
    return METRICS.all();
  }

  /** The metric named {@code id}; a name the family does not declare is a programming error. */
  public static MetricDescriptor require(String id) {
    return METRICS.require(id);
  }

  private static final Map<String, MetricDescriptor> PII = new ConcurrentHashMap<>();

  /** {@code pii_<type>_rate} of the response column, for each type of the privacy scan. */
  public static MetricDescriptor piiRate(String type) {
    return PII.computeIfAbsent(type, k -> PiiMetrics.rate(Family.LLM, type, "llm/pii"));
  }
}
