package dev.assay.metrics.llm.safety;

import dev.assay.core.SafetyCategory;
import java.io.Serializable;
import java.util.List;

/**
 * A service that classifies texts into {@link SafetyCategory}s. Implementations are serializable
 * (they travel to the Spark tasks with the key) and never throw for a failed exchange.
 */
interface SafetyBackend extends Serializable {

  /** Part of the cache key: the backend, its model or API version, and its rubric version. */
  String identity();

  /** Classifies a response into the requested categories of unit {@code RESPONSE}. */
  SafetyVerdict response(String text);

  /** Classifies a prompt (jailbreak) and its retrieved documents (indirect attack). */
  SafetyVerdict shield(String prompt, List<String> documents);

  /** HTTP requests one call of {@link #response} sends (before retries). */
  int requestsPerResponse();

  /** HTTP requests one call of {@link #shield} sends (before retries). */
  int requestsPerShield();
}
