package dev.assay.metrics.fairness;

import java.util.Map;
import java.util.TreeMap;

/**
 * The multi-class confusion matrix of one group: rows per (label class, predicted class). Its
 * one-vs-rest view for a class c (c positive, every other class negative) gives the binary
 * counts: TP = M[c][c], predicted positive P = Σ_l M[l][c], labelled positive L = Σ_p M[c][p],
 * FP = P − TP, FN = L − TP, TN = n − L − P + TP. Its size is bounded by the classes squared.
 */
public final class ClassConfusion {

  private final Map<String, Map<String, Long>> cells = new TreeMap<>();
  private final Map<String, Long> labelled = new TreeMap<>();
  private final Map<String, Long> predicted = new TreeMap<>();
  private long n;
  private long correct;

  /** Adds {@code rows} rows labelled {@code label} and predicted {@code prediction}. */
  public void add(String label, String prediction, long rows) {
    cells.computeIfAbsent(label, k -> new TreeMap<>()).merge(prediction, rows, Long::sum);
    labelled.merge(label, rows, Long::sum);
    predicted.merge(prediction, rows, Long::sum);
    n += rows;
    if (label.equals(prediction)) {
      correct += rows;
    }
  }

  /** Rows of the group. */
  public long n() {
    return n;
  }

  /** Rows whose prediction equals the label (the diagonal). */
  public long correct() {
    return correct;
  }

  /** Rows labelled {@code c} (one-vs-rest TP + FN). */
  public long labelled(String c) {
    return labelled.getOrDefault(c, 0L);
  }

  /** Rows predicted {@code c} (one-vs-rest TP + FP). */
  public long predicted(String c) {
    return predicted.getOrDefault(c, 0L);
  }

  /** Rows labelled and predicted {@code c} (one-vs-rest TP). */
  public long hits(String c) {
    return cells.getOrDefault(c, Map.of()).getOrDefault(c, 0L);
  }

  /** Rows labelled {@code label} and predicted {@code prediction}. */
  public long count(String label, String prediction) {
    return cells.getOrDefault(label, Map.of()).getOrDefault(prediction, 0L);
  }
}
