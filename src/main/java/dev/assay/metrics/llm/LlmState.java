package dev.assay.metrics.llm;

import java.io.Serializable;

/**
 * The llm family's state for a set of records: the record count and one small state per concern,
 * each immutable with an associative, commutative merge, so {@code metric(merge(A, B)) == metric(A
 * ∪ B)} (up to floating-point rounding of the ROUGE, F1, retrieval, support and sentiment sums,
 * which {@link LlmAnalysis} merges in a fixed order). Its size does not grow with the records (the
 * variant map holds at most {@link VariantState#MAX_VARIANTS} entries).
 */
public record LlmState(
    long records,
    OverlapState overlap,
    SafetyState safety,
    LengthState lengths,
    FormatState format,
    ScanState scans,
    RetrievalState retrieval,
    SupportState support,
    VariantState variants,
    SemanticState semantic)
    implements Serializable {

  static final LlmState EMPTY =
      new LlmState(
          0,
          OverlapState.EMPTY,
          SafetyState.EMPTY,
          LengthState.EMPTY,
          FormatState.EMPTY,
          ScanState.EMPTY,
          RetrievalState.EMPTY,
          SupportState.EMPTY,
          VariantState.EMPTY,
          SemanticState.EMPTY);

  LlmState merge(LlmState o) {
    return new LlmState(
        records + o.records,
        overlap.merge(o.overlap),
        safety.merge(o.safety),
        lengths.merge(o.lengths),
        format.merge(o.format),
        scans.merge(o.scans),
        retrieval.merge(o.retrieval),
        support.merge(o.support),
        variants.merge(o.variants),
        semantic.merge(o.semantic));
  }

  /** This state with {@code variants} in place of its own (the fold keeps variants apart). */
  LlmState withVariants(VariantState v) {
    return new LlmState(
        records, overlap, safety, lengths, format, scans, retrieval, support, v, semantic);
  }
}
