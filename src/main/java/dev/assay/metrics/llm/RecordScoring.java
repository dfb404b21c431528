package dev.assay.metrics.llm;

import dev.assay.spec.LlmOptions;
import java.io.Serializable;

/**
 * The options of the per-record scores that travel to the executors, shared by the data-set fold
 * ({@link PartitionFold}) and the per-record output ({@link LlmRecords}) so both score alike.
 *
 * @param k the retrieval cut-off
 * @param supportThreshold the share of content words that makes a sentence lexically supported
 * @param stem whether ROUGE Porter-stems
 * @param graded whether relevant ids carry grades ({@code id:grade})
 */
record RecordScoring(int k, double supportThreshold, boolean stem, boolean graded)
    implements Serializable {

  static RecordScoring of(LlmOptions options) {
    return new RecordScoring(
        options.k(),
        options.supportThreshold(),
        options.rougeUseStemmer(),
        options.relevanceGrades());
  }
}
