package dev.assay.metrics.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The converged L2 logistic regression behind the domain classifiers. */
class LogisticRegressionTest {

  /** 400 rows, two standard-normal features; the label leans on the first. */
  private static final double[][] x = new double[400][2];

  private static final boolean[] y = new boolean[400];

  static {
    Random r = new Random(7);
    for (int i = 0; i < x.length; i++) {
      x[i][0] = r.nextGaussian();
      x[i][1] = r.nextGaussian();
      y[i] = r.nextDouble() < LogisticRegression.sigmoid(1.5 * x[i][0] - 0.5);
    }
  }

  /**
   * At the minimum of Σ log-loss + ½‖w‖² the gradient is zero: Σ (σ(z) − y) x_f + w_f = 0 for each
   * feature and Σ (σ(z) − y) = 0 for the intercept, computed here independently of the fit.
   */
  @Test
  void theFitSatisfiesTheFirstOrderConditionsOfThePenalisedLogLoss() {
    int[] rows = IntStream.range(0, x.length).toArray();
    LogisticRegression m = LogisticRegression.fit(x, y, rows, 2);
    double[] grad = new double[3];
    for (int i : rows) {
      double residual =
          LogisticRegression.sigmoid(
                  m.weights()[0] * x[i][0] + m.weights()[1] * x[i][1] + m.intercept())
              - (y[i] ? 1 : 0);
      grad[0] += residual * x[i][0];
      grad[1] += residual * x[i][1];
      grad[2] += residual;
    }
    grad[0] += m.weights()[0];
    grad[1] += m.weights()[1];
    assertArrayEquals(new double[] {0, 0, 0}, grad, 1e-3, "gradient at the fit");
    // the signal is on the first feature, with the sign it was drawn with
    assertTrue(m.weights()[0] > 1 && Math.abs(m.weights()[1]) < 0.5, m.toString());
  }

  /** A category present on one side only: the penalty keeps its weight finite. */
  @Test
  void separableRowsGiveFiniteWeights() {
    double[][] sx = {{1}, {1}, {1}, {0}, {0}, {0}};
    boolean[] sy = {true, true, true, false, false, false};
    LogisticRegression m = LogisticRegression.fit(sx, sy, new int[] {0, 1, 2, 3, 4, 5}, 1);
    assertTrue(Double.isFinite(m.weights()[0]) && m.weights()[0] > 0, m.toString());
    assertTrue(m.probability(new double[] {1}) > 0.5 && m.probability(new double[] {0}) < 0.5);
  }

  @Test
  void onlyTheChosenRowsAreFitted() {
    int[] firstHalf = IntStream.range(0, 200).toArray();
    double[][] half = java.util.Arrays.copyOf(x, 200);
    boolean[] halfY = java.util.Arrays.copyOf(y, 200);
    LogisticRegression a = LogisticRegression.fit(x, y, firstHalf, 2);
    LogisticRegression b = LogisticRegression.fit(half, halfY, firstHalf, 2);
    assertArrayEquals(a.weights(), b.weights(), 0);
    assertEquals(a.intercept(), b.intercept(), 0);
  }
}
