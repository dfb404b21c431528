package dev.assay.metrics.drift;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * {@code domain_classifier_auc}: multivariate drift as the cross-validated ROC AUC of a classifier
 * trained to tell current rows from reference rows (the "domain classifier" of Rabanser et al.,
 * <i>Failing Loudly</i>, NeurIPS 2019; Evidently and NannyML offer the same check). 0.5 means the
 * two data sets cannot be told apart from these columns; 1 means every row gives its data set away.
 * Range 0 to 1 (below 0.5 only by chance); higher means more drift. Undefined when a side's sample
 * has fewer than {@value #FOLDS} rows or no column gives a feature.
 *
 * <p>The classifier is a logistic regression fitted to convergence ({@link LogisticRegression}: the
 * summed log loss plus {@code ½ ‖w‖²}, scikit-learn's default {@code C = 1}, minimised by L-BFGS;
 * deterministic). Features: each numeric column standardised over the sample (missing values at the
 * mean, plus a "missing" indicator when any is missing); each categorical column one-hot over its
 * {@value #MAX_CATEGORIES} most frequent sample values, one feature for the rest and one for
 * missing. The AUC is the mean over {@value #FOLDS} folds (stratified by side, rows shuffled with
 * the seed) of the Mann-Whitney AUC of the predicted log-odds of "current" on the held-out fold
 * (ties count one half). The columns it leaned on most are the largest absolute weights of a model
 * fitted on the whole sample (a column's weight is its feature's with the largest absolute value;
 * standardised, so comparable).
 *
 * <p>The sample is the one bounded collect of the drift family: at most {@code
 * drift.classifier_sample} rows per side, drawn by Spark's seeded Bernoulli sampler and cut with
 * {@code limit}; which rows are drawn depends on the partitioning, so this metric (unlike every
 * other drift metric) can differ slightly between a local and a cluster run.
 */
public final class DomainClassifier {

  public static final String AUC = "domain_classifier_auc";

  static final int FOLDS = 5;
  static final long SEED = 20_240_607L;
  static final int MAX_CATEGORIES = 20;
  static final int TOP_COLUMNS = 5;

  private DomainClassifier() {}

  /**
   * The metric from the sampled rows: each row is (side 0 reference / 1 current, then one value per
   * drift column, a Double or null for numeric columns, a String or null for categorical).
   */
  public static MetricResult fit(List<DriftColumn> columns, List<Row> rows, long sampleLimit) {
    return fit(
        columns,
        rows,
        sampleLimit,
        new MetricKey(DriftMetrics.DOMAIN_CLASSIFIER_AUC, Scope.DATASET));
  }

  /** Like {@link #fit(List, List, long)}, reported under {@code key}. */
  public static MetricResult fit(
      List<DriftColumn> columns, List<Row> rows, long sampleLimit, MetricKey key) {
    String name = key.metric();
    List<Row> ordered = new ArrayList<>(rows);
    // a fixed order whatever order the rows arrived in from the executors
    SampleRows.sortByText(ordered);
    long[] perSide = new long[2];
    ordered.forEach(r -> perSide[r.getInt(0)]++);
    long total = perSide[0] + perSide[1];
    if (perSide[0] < FOLDS || perSide[1] < FOLDS) {
      return new MetricResult.Undefined(
          key,
          total,
          name
              + " is undefined: the sample has "
              + perSide[0]
              + " reference and "
              + perSide[1]
              + " current rows; the "
              + FOLDS
              + "-fold cross-validation needs at least "
              + FOLDS
              + " on each side");
    }
    Features features = Features.of(columns, ordered);
    if (features.names().length == 0) {
      return new MetricResult.Undefined(
          key,
          total,
          name + " is undefined: no drift column gives" + " a feature (every value is missing)");
    }
    double[][] x = new double[ordered.size()][];
    boolean[] current = new boolean[ordered.size()];
    for (int i = 0; i < ordered.size(); i++) {
      x[i] = features.values(ordered.get(i));
      current[i] = ordered.get(i).getInt(0) == 1;
    }
    int[] fold = folds(ordered);
    int width = features.names().length;
    double sum = 0;
    double nullVariance = 0;
    for (int f = 0; f < FOLDS; f++) {
      int[] train = rowsWhere(fold, f, false);
      int[] test = rowsWhere(fold, f, true);
      LogisticRegression model = LogisticRegression.fit(x, current, train, width);
      double[] scores = new double[test.length];
      boolean[] positive = new boolean[test.length];
      long pos = 0;
      for (int i = 0; i < test.length; i++) {
        scores[i] = model.margin(x[test[i]]);
        positive[i] = current[test[i]];
        pos += positive[i] ? 1 : 0;
      }
      sum += rocAuc(scores, positive);
      long neg = positive.length - pos;
      nullVariance += (pos + neg + 1) / (12.0 * pos * neg);
    }
    double auc = sum / FOLDS;
    // one-sided p-value of the mean fold AUC under no difference (Mann-Whitney variance per fold)
    double z = (auc - 0.5) / (Math.sqrt(nullVariance) / FOLDS);
    Double chance =
        key.metric().equals(AUC)
            ? null
            : 0.5 * org.apache.commons.math3.special.Erf.erfc(z / Math.sqrt(2));
    int[] all = rowsWhere(fold, -1, false);
    String leaned = topColumns(LogisticRegression.fit(x, current, all, width), features, columns);
    String note =
        FOLDS
            + "-fold cross-validated ROC AUC of a logistic regression (L2 penalty ½‖w‖², L-BFGS"
            + " to convergence; folds stratified, seed "
            + SEED
            + ") telling "
            + perSide[0]
            + " reference from "
            + perSide[1]
            + " current sampled rows (at most "
            + sampleLimit
            + " per side, seeded); columns it leaned on most (absolute weight on"
            + " standardised features): "
            + leaned;
    return new MetricResult.Computed(key, auc, total, null, null, chance, note, null, null);
  }

  /** Stratified folds: each side's rows shuffled with the seed, then dealt round-robin. */
  private static int[] folds(List<Row> ordered) {
    int[] fold = new int[ordered.size()];
    Random random = new Random(SEED);
    for (int side = 0; side < 2; side++) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < ordered.size(); i++) {
        if (ordered.get(i).getInt(0) == side) {
          idx.add(i);
        }
      }
      Collections.shuffle(idx, random);
      for (int k = 0; k < idx.size(); k++) {
        fold[idx.get(k)] = k % FOLDS;
      }
    }
    return fold;
  }

  /** The rows in fold {@code f} ({@code in}) or in every other fold. */
  private static int[] rowsWhere(int[] fold, int f, boolean in) {
    return java.util.stream.IntStream.range(0, fold.length)
        .filter(i -> (fold[i] == f) == in)
        .toArray();
  }

  /**
   * The Mann-Whitney ROC AUC: the probability that a random positive scores above a random
   * negative, ties counting one half; NaN without both classes.
   */
  static double rocAuc(double[] scores, boolean[] positive) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double rankSum = 0;
    long pos = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1; // ranks are 1-based
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          rankSum += midRank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = scores.length - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** The columns with the largest absolute weight (towards current), as text. */
  private static String topColumns(
      LogisticRegression model, Features features, List<DriftColumn> columns) {
    Map<String, Double> byColumn = new HashMap<>();
    for (int f = 0; f < features.names().length; f++) {
      String column = Features.columnOf(features.names()[f], columns);
      byColumn.merge(column, Math.abs(model.weights()[f]), Math::max);
    }
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(byColumn.entrySet());
    sorted.sort(
        Map.Entry.<String, Double>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(TOP_COLUMNS, sorted.size()); i++) {
      b.append(i == 0 ? "" : ", ")
          .append(sorted.get(i).getKey())
          .append(' ')
          .append(String.format(Locale.ROOT, "%.3g", sorted.get(i).getValue()));
    }
    return b.toString();
  }

  /** The feature encoding of the sample: names, and how each column becomes feature values. */
  record Features(
      String[] names,
      List<DriftColumn> columns,
      double[] mean,
      double[] std,
      boolean[] anyMissing,
      List<Map<String, Integer>> categories,
      int[] offsets) {

    static final String MISSING = " (missing)";
    static final String OTHER = " = (other)";

    static Features of(List<DriftColumn> columns, List<Row> rows) {
      int c = columns.size();
      double[] mean = new double[c];
      double[] std = new double[c];
      boolean[] anyMissing = new boolean[c];
      List<Map<String, Integer>> categories = new ArrayList<>();
      int[] offsets = new int[c];
      List<String> names = new ArrayList<>();
      for (int j = 0; j < c; j++) {
        offsets[j] = names.size();
        String name = columns.get(j).name();
        if (columns.get(j).kind() == DriftColumn.Kind.NUMERIC) {
          double s = 0;
          double ss = 0;
          long n = 0;
          for (Row r : rows) {
            if (r.isNullAt(j + 1)) {
              anyMissing[j] = true;
            } else {
              double v = r.getDouble(j + 1);
              s += v;
              ss += v * v;
              n++;
            }
          }
          mean[j] = n == 0 ? 0 : s / n;
          double var = n == 0 ? 0 : Math.max(0, ss / n - mean[j] * mean[j]);
          std[j] = var > 0 ? Math.sqrt(var) : 1;
          categories.add(Map.of());
          if (n > 0) {
            names.add(name);
          }
          if (anyMissing[j]) {
            names.add(name + MISSING);
          }
        } else {
          Map<String, Long> counts = new TreeMap<>();
          for (Row r : rows) {
            if (r.isNullAt(j + 1)) {
              anyMissing[j] = true;
            } else {
              counts.merge(r.getString(j + 1), 1L, Long::sum);
            }
          }
          List<String> top =
              counts.keySet().stream()
                  .sorted(
                      Comparator.comparingLong((String k) -> -counts.get(k))
                          .thenComparing(Comparator.naturalOrder()))
                  .limit(MAX_CATEGORIES)
                  .toList();
          Map<String, Integer> index = new LinkedHashMap<>();
          for (String k : top) {
            index.put(k, names.size());
            names.add(name + " = " + k);
          }
          if (counts.size() > top.size()) {
            names.add(name + OTHER);
          }
          if (anyMissing[j]) {
            names.add(name + MISSING);
          }
          categories.add(index);
        }
      }
      return new Features(
          names.toArray(new String[0]), columns, mean, std, anyMissing, categories, offsets);
    }

    /** A row's feature values, in the order of {@link #names()}. */
    double[] values(Row r) {
      double[] out = new double[names.length];
      for (int j = 0; j < columns.size(); j++) {
        String name = columns.get(j).name();
        int at = offsets[j];
        if (columns.get(j).kind() == DriftColumn.Kind.NUMERIC) {
          boolean hasValues = at < names.length && names[at].equals(name);
          if (r.isNullAt(j + 1)) {
            out[hasValues ? at + 1 : at] = 1; // the missing indicator
          } else {
            out[at] = (r.getDouble(j + 1) - mean[j]) / std[j];
          }
        } else {
          Map<String, Integer> index = categories.get(j);
          int next = at + index.size();
          boolean hasOther = next < names.length && names[next].equals(name + OTHER);
          if (r.isNullAt(j + 1)) {
            out[hasOther ? next + 1 : next] = 1;
          } else {
            Integer i = index.get(r.getString(j + 1));
            out[i != null ? i : next] = 1;
          }
        }
      }
      return out;
    }

    /** The drift column a feature name belongs to (names start with the column's name). */
    static String columnOf(String feature, List<DriftColumn> columns) {
      String best = feature;
      int length = -1;
      for (DriftColumn c : columns) {
        String n = c.name();
        if ((feature.equals(n) || feature.startsWith(n + " = ") || feature.equals(n + MISSING))
            && n.length() > length) {
          best = n;
          length = n.length();
        }
      }
      return best;
    }
  }
}
