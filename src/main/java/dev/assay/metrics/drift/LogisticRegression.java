package dev.assay.metrics.drift;

/**
 * A binary logistic regression fitted to convergence: minimises the summed log loss plus {@code ½
 * ‖w‖²} (the intercept unpenalised; scikit-learn's {@code LogisticRegression} default, {@code C =
 * 1}) with L-BFGS (memory {@value #MEMORY}) and a backtracking Armijo line search. Stops when the
 * largest gradient component is below {@value #TOLERANCE} times the number of rows, when a step no
 * longer lowers the loss by a relative {@value #MIN_DECREASE}, or after {@value #MAX_ITERATIONS}
 * iterations. Deterministic: no randomness, one thread, the same arithmetic in the same order, so
 * the same rows give the same weights on every run and machine.
 *
 * <p>The objective is strictly convex (the penalty), so its minimum is unique and the order of the
 * rows changes the weights only by rounding.
 */
record LogisticRegression(double[] weights, double intercept, int iterations) {

  static final int MEMORY = 10;
  static final int MAX_ITERATIONS = 500;
  static final double TOLERANCE = 1e-6;
  static final double MIN_DECREASE = 1e-12;

  /** The probability of the positive class for one row of features. */
  double probability(double[] x) {
    return sigmoid(margin(x));
  }

  /** The logit {@code w · x + b}. */
  double margin(double[] x) {
    double z = intercept;
    for (int f = 0; f < x.length; f++) {
      z += weights[f] * x[f];
    }
    return z;
  }

  /**
   * Fits the rows {@code x[i]} for {@code i} in {@code rows} with labels {@code positive[i]}; every
   * row has {@code features} values.
   */
  static LogisticRegression fit(double[][] x, boolean[] positive, int[] rows, int features) {
    Objective objective = new Objective(x, positive, rows, features);
    int n = features + 1; // the intercept is the last parameter
    double[] theta = new double[n];
    double[] grad = new double[n];
    double loss = objective.evaluate(theta, grad);
    double[][] s = new double[MEMORY][];
    double[][] y = new double[MEMORY][];
    double[] rho = new double[MEMORY];
    int stored = 0;
    int iteration = 0;
    double[] nextTheta = new double[n];
    double[] nextGrad = new double[n];
    while (iteration < MAX_ITERATIONS && maxAbs(grad) > TOLERANCE * Math.max(1, rows.length)) {
      double[] direction = direction(grad, s, y, rho, stored);
      double slope = dot(grad, direction);
      if (slope >= 0) { // not a descent direction (rounding): restart from the gradient
        stored = 0;
        direction = negated(grad);
        slope = dot(grad, direction);
      }
      double step = iteration == 0 ? 1 / Math.max(1e-12, Math.sqrt(dot(grad, grad))) : 1;
      double nextLoss;
      int halvings = 0;
      while (true) {
        for (int k = 0; k < n; k++) {
          nextTheta[k] = theta[k] + step * direction[k];
        }
        nextLoss = objective.evaluate(nextTheta, nextGrad);
        if (nextLoss <= loss + 1e-4 * step * slope || ++halvings > 60) {
          break;
        }
        step /= 2;
      }
      iteration++;
      if (!(nextLoss < loss)) {
        break;
      }
      double[] sk = new double[n];
      double[] yk = new double[n];
      for (int k = 0; k < n; k++) {
        sk[k] = nextTheta[k] - theta[k];
        yk[k] = nextGrad[k] - grad[k];
      }
      stored = remember(s, y, rho, stored, sk, yk);
      boolean small = loss - nextLoss <= MIN_DECREASE * Math.abs(loss);
      System.arraycopy(nextTheta, 0, theta, 0, n);
      System.arraycopy(nextGrad, 0, grad, 0, n);
      loss = nextLoss;
      if (small) {
        break;
      }
    }
    double[] w = new double[features];
    System.arraycopy(theta, 0, w, 0, features);
    return new LogisticRegression(w, theta[features], iteration);
  }

  /**
   * Keeps the pair (step, gradient change) when the curvature is positive, dropping the oldest when
   * the memory is full; returns how many pairs are stored.
   */
  private static int remember(
      double[][] s, double[][] y, double[] rho, int stored, double[] sk, double[] yk) {
    double sy = dot(sk, yk);
    if (sy <= 1e-12) {
      return stored;
    }
    if (stored == MEMORY) {
      System.arraycopy(s, 1, s, 0, MEMORY - 1);
      System.arraycopy(y, 1, y, 0, MEMORY - 1);
      System.arraycopy(rho, 1, rho, 0, MEMORY - 1);
      stored--;
    }
    s[stored] = sk;
    y[stored] = yk;
    rho[stored] = 1 / sy;
    return stored + 1;
  }

  /** L-BFGS's two-loop recursion: the quasi-Newton descent direction. */
  private static double[] direction(
      double[] grad, double[][] s, double[][] y, double[] rho, int stored) {
    double[] q = negated(grad);
    double[] alpha = new double[stored];
    for (int i = stored - 1; i >= 0; i--) {
      alpha[i] = rho[i] * dot(s[i], q);
      axpy(-alpha[i], y[i], q);
    }
    if (stored > 0) {
      double gamma = dot(s[stored - 1], y[stored - 1]) / dot(y[stored - 1], y[stored - 1]);
      for (int k = 0; k < q.length; k++) {
        q[k] *= gamma;
      }
    }
    for (int i = 0; i < stored; i++) {
      double beta = rho[i] * dot(y[i], q);
      axpy(alpha[i] - beta, s[i], q);
    }
    return q;
  }

  /** The penalised log loss over the chosen rows, and its gradient. */
  private record Objective(double[][] x, boolean[] positive, int[] rows, int features) {

    double evaluate(double[] theta, double[] grad) {
      java.util.Arrays.fill(grad, 0);
      double loss = 0;
      for (int i : rows) {
        double[] xi = x[i];
        double z = theta[features];
        for (int f = 0; f < features; f++) {
          z += theta[f] * xi[f];
        }
        // log(1 + e^(-z)) for a positive row, log(1 + e^z) for a negative one, and σ(z), stably
        // from one exponential
        double e = Math.exp(-Math.abs(z));
        double m = positive[i] ? -z : z;
        loss += Math.max(m, 0) + Math.log1p(e);
        double sigma = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        double residual = sigma - (positive[i] ? 1 : 0);
        for (int f = 0; f < features; f++) {
          grad[f] += residual * xi[f];
        }
        grad[features] += residual;
      }
      for (int f = 0; f < features; f++) {
        loss += 0.5 * theta[f] * theta[f];
        grad[f] += theta[f];
      }
      return loss;
    }
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int k = 0; k < x.length; k++) {
      y[k] += a * x[k];
    }
  }

  private static double[] negated(double[] v) {
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = -v[k];
    }
    return out;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double d : v) {
      m = Math.max(m, Math.abs(d));
    }
    return m;
  }
}
