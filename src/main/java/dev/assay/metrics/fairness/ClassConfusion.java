package dev.assay.metrics.fairness;

import java.util.Map;
import java.util.TreeMap;

/**
 * The multi-class confusion matrix of one group: rows per (label class, predicted class). Its
 * one-vs-rest view for a class c (c positive, every other class negative) gives the binary counts:
 * TP = M[c][c], predicted positive P = Σ_l M[l][c], labelled positive L = Σ_p M[c][p], FP = P − TP,
 * FN = L − TP, TN = n − L − P + TP. Its size is bounded by the classes squared.
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

  /**
   * Balanced accuracy: the mean, over the classes the group has a label of, of each class's recall
   * (rows labelled and predicted c ÷ rows labelled c) — scikit-learn's {@code
   * balanced_accuracy_score(y_true, y_pred)} with {@code adjusted=False} ("the average of recall
   * obtained on each class"; Brodersen et al. 2010; a class predicted but never labelled in the
   * group has no recall and is left out, as scikit-learn does with its warning "y_pred contains
   * classes not in y_true"). Range [0, 1], higher is better; a model that predicts one class for
   * every row gets 1 ÷ (labelled classes), and with one labelled class it equals accuracy. Defined
   * for every group with a row (a row has a label); NaN for an empty matrix.
   */
  public double balancedAccuracy() {
    if (labelled.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (Map.Entry<String, Long> e : labelled.entrySet()) {
      sum += (double) hits(e.getKey()) / e.getValue();
    }
    return sum / labelled.size();
  }

  /** The classes the group has at least one row labelled with. */
  public int labelledClasses() {
    return labelled.size();
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
