package dev.assay.metrics.llm;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The PII and secret scan of the non-null responses: responses scanned, per scanner (in the input's
 * order) those with a match, and those with any personal data or any secret.
 */
record ScanState(long scanned, long[] hits, long piiResponses, long secretResponses)
    implements Serializable {

  static final ScanState EMPTY = new ScanState(0, new long[0], 0, 0);

  /** One response: a flag per scanner, and per scanner whether it finds a secret. */
  static ScanState of(boolean[] found, boolean[] secret) {
    long[] hits = new long[found.length];
    boolean pii = false;
    boolean sec = false;
    for (int i = 0; i < found.length; i++) {
      if (found[i]) {
        hits[i] = 1;
        pii |= !secret[i];
        sec |= secret[i];
      }
    }
    return new ScanState(1, hits, pii ? 1 : 0, sec ? 1 : 0);
  }

  ScanState merge(ScanState o) {
    return new ScanState(
        scanned + o.scanned,
        OverlapState.plus(hits, o.hits),
        piiResponses + o.piiResponses,
        secretResponses + o.secretResponses);
  }

  /**
   * response_pii_rate, response_secret_rate and per scanner {@code pii_<id>_rate} on the response
   * column.
   */
  List<MetricResult> metrics(List<ResponseScanner> scanners, String responseColumn) {
    List<MetricResult> out = new ArrayList<>();
    out.add(
        LlmResults.responseShare(
            LlmAnalysis.RESPONSE_PII_RATE,
            piiResponses,
            scanned,
            "contain personal data (counts only; nothing found is shown)"));
    out.add(
        LlmResults.responseShare(
            LlmAnalysis.RESPONSE_SECRET_RATE,
            secretResponses,
            scanned,
            "contain a key, token or private key"));
    if (scanned == 0) {
      return out;
    }
    Scope column = Scope.column(responseColumn);
    for (int i = 0; i < scanners.size(); i++) {
      long n = i < hits.length ? hits[i] : 0;
      out.add(
          MetricResult.Computed.of(
              new MetricKey(LlmMetrics.piiRate(scanners.get(i).id()), column),
              (double) n / scanned,
              scanned,
              n + " of " + scanned + " responses"));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScanState s
        && scanned == s.scanned
        && Arrays.equals(hits, s.hits)
        && piiResponses == s.piiResponses
        && secretResponses == s.secretResponses;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(scanned) * 31 + Arrays.hashCode(hits);
  }
}
