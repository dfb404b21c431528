package dev.assay.metrics.privacy;

import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.BinaryColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The trained membership-inference attack, {@code membership_attack_auc}: a logistic regression
 * (Tribuo {@link LinearSGDTrainer} with the log loss, AdaGrad, seeded) learns member vs non-member
 * from per-record signals — the confidence in the true label c, the loss −ln c (c clamped at 1e-6),
 * the entropy of the score −p ln p − (1 − p) ln(1 − p) and the label (0/1, when there is one) — in
 * the spirit of Shokri et al.'s attack model (S&P 2017) on the signals ML Privacy Meter uses. It is
 * scored by seeded {@value #FOLDS}-fold cross-validation: each record's membership probability
 * comes from the model trained on the other folds, and the AUC (Mann–Whitney, ties ½) is taken over
 * all out-of-fold predictions. Range [0, 1]; 0.5 = the attack learns nothing, higher = more
 * leakage. Undefined with fewer than {@value #FOLDS} members or non-members.
 *
 * <p>One Spark job: the signals of a seeded Bernoulli sample of at most {@value #MAX_SAMPLE}
 * records (four doubles each) come to the driver; the attack is trained there. On larger data the
 * value is an estimate from that sample.
 */
public final class MembershipAttack {

  /** The metric's name. */
  public static final String METRIC = "membership_attack_auc";

  /** The most records the attack is trained and scored on. */
  public static final int MAX_SAMPLE = 20_000;

  /** Cross-validation folds. */
  public static final int FOLDS = 5;

  /** The seed of the sample, the fold assignment and the trainer. */
  public static final long SEED = 20261127L;

  private static final int EPOCHS = 10;

  private MembershipAttack() {}

  /** The per-record signals of one sampled record. */
  record Signals(boolean member, double[] features) {}

  /** Runs the attack (see {@link #run(Dataset, MembershipColumns, long)}). */
  public static MetricResult run(
      Dataset<Row> data, BinaryColumn member, BinaryColumn label, String score, long records) {
    return run(data, new MembershipColumns(member, label, score), records);
  }

  /**
   * Runs the attack (one Spark job).
   *
   * @param records the records with a score (from the threshold attack), for the sample fraction
   */
  public static MetricResult run(Dataset<Row> data, MembershipColumns columns, long records) {
    List<Signals> rows = sample(data, columns, records);
    MetricKey key = new MetricKey(PrivacyMetrics.require(METRIC), Scope.DATASET);
    double auc = crossValidatedAuc(rows, columns.label() != null);
    if (Double.isNaN(auc)) {
      long m = rows.stream().filter(Signals::member).count();
      return new MetricResult.Undefined(
          key,
          (long) rows.size(),
          METRIC
              + " is undefined: the trained attack"
              + " needs at least "
              + FOLDS
              + " members and "
              + FOLDS
              + " non-members with a score (found "
              + m
              + " and "
              + (rows.size() - m)
              + ")");
    }
    String note =
        rows.size() < records
            ? "estimated on a seeded sample of " + rows.size() + " of " + records + " records"
            : null;
    return MetricResult.Computed.of(key, auc, (long) rows.size(), note);
  }

  /**
   * The per-record signals of a seeded sample of at most {@value #MAX_SAMPLE} records (one job).
   */
  private static List<Signals> sample(Dataset<Row> data, MembershipColumns columns, long records) {
    BinaryColumn member = columns.member();
    BinaryColumn label = columns.label();
    Column p = columns.probability();
    Column c = columns.confidence();
    Column q =
        functions.least(functions.greatest(p, functions.lit(1e-12)), functions.lit(1 - 1e-12));
    Column entropy =
        functions.negate(
            q.multiply(functions.log(q))
                .plus(
                    functions
                        .lit(1.0)
                        .minus(q)
                        .multiply(functions.log(functions.lit(1.0).minus(q)))));
    List<Column> cols =
        new ArrayList<>(
            List.of(
                member.isPositive().as("m"),
                c.as("c"),
                functions
                    .negate(functions.log(functions.greatest(c, functions.lit(1e-6))))
                    .as("loss"),
                entropy.as("h")));
    if (label != null) {
      cols.add(label.isPositive().cast("double").as("y"));
    }
    Dataset<Row> signals =
        data.where(
                p.between(0.0, 1.0)
                    .and(member.isPositive().isNotNull())
                    .and(label == null ? functions.lit(true) : label.isPositive().isNotNull()))
            .select(cols.toArray(new Column[0]));
    double fraction = records <= MAX_SAMPLE ? 1.0 : Math.min(1.0, 1.05 * MAX_SAMPLE / records);
    Dataset<Row> sample = fraction >= 1.0 ? signals : signals.sample(false, fraction, SEED);
    List<Signals> rows = new ArrayList<>();
    for (Row r : sample.limit(MAX_SAMPLE).collectAsList()) {
      double[] f = new double[r.size() - 1];
      for (int i = 1; i < r.size(); i++) {
        f[i - 1] = r.getDouble(i);
      }
      rows.add(new Signals(r.getBoolean(0), f));
    }
    return rows;
  }

  /**
   * The pooled out-of-fold AUC of the logistic-regression attack; NaN when a class is too small.
   */
  static double crossValidatedAuc(List<Signals> rows, boolean withLabel) {
    long members = rows.stream().filter(Signals::member).count();
    if (members < FOLDS || rows.size() - members < FOLDS) {
      return Double.NaN;
    }
    String[] names =
        withLabel
            ? new String[] {"confidence", "loss", "entropy", "label"}
            : new String[] {"confidence", "loss", "entropy"};
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(SEED));
    int[] fold = new int[rows.size()];
    for (int i = 0; i < order.size(); i++) {
      fold[order.get(i)] = i % FOLDS;
    }
    double[] prob = new double[rows.size()];
    Logger tribuo = Logger.getLogger("org.tribuo");
    Level before = tribuo.getLevel();
    tribuo.setLevel(Level.WARNING);
    try {
      for (int f = 0; f < FOLDS; f++) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> train =
            new MutableDataset<>(
                new SimpleDataSourceProvenance("membership signals", factory), factory);
        for (int i = 0; i < rows.size(); i++) {
          if (fold[i] != f) {
            train.add(example(rows.get(i), names));
          }
        }
        LinearSGDTrainer trainer =
            new LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, Integer.MAX_VALUE, 1, SEED + f);
        Model<Label> model = trainer.train(train);
        for (int i = 0; i < rows.size(); i++) {
          if (fold[i] == f) {
            prob[i] =
                model
                    .predict(example(rows.get(i), names))
                    .getOutputScores()
                    .get("member")
                    .getScore();
          }
        }
      }
    } finally {
      tribuo.setLevel(before);
    }
    boolean[] isMember = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      isMember[i] = rows.get(i).member();
    }
    return auc(prob, isMember);
  }

  private static ArrayExample<Label> example(Signals s, String[] names) {
    return new ArrayExample<>(
        new Label(s.member() ? "member" : "non_member"),
        names,
        Arrays.copyOf(s.features(), names.length));
  }

  /** Mann–Whitney AUC with ties ½: sort by score, average ranks within ties. */
  static double auc(double[] score, boolean[] positive) {
    Integer[] idx = new Integer[score.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
    double rankSum = 0;
    long pos = 0;
    int i = 0;
    while (i < idx.length) {
      int j = i;
      while (j + 1 < idx.length && score[idx[j + 1]] == score[idx[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        if (positive[idx[t]]) {
          rankSum += rank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = score.length - pos;
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }
}
