package dev.newsbeam.topics;

import java.io.Serializable;

/**
 * Fits one label's binary logistic regression to convergence (pure core): minimises
 *
 * <pre>  ½‖w‖² + C · Σᵢ cᵢ · log(1 + exp(−yᵢ (w·xᵢ + b)))</pre>
 *
 * <p>over the articles of a {@link TrainingSet} outside one fold, with {@code cᵢ} = {@code
 * positiveWeight} for articles of the label and 1 otherwise, and the bias {@code b} not regularised
 * (the form of LIBLINEAR's L2-regularised logistic regression). The solver is L-BFGS (memory 10)
 * with a backtracking Armijo line search; it stops when ‖∇‖ has fallen by {@code tolerance} or
 * after {@code maxIterations}.
 */
public final class BinaryLogistic {
  private BinaryLogistic() {}

  /** A fitted label: weights over the vocabulary, bias, and how the solver ended. */
  public record Fit(
      float[] weights, double bias, int iterations, double objective, double gradientRatio)
      implements Serializable {}

  private static final int MEMORY = 10;

  /**
   * Fits label {@code label} on the rows of {@code data} whose fold is not {@code exceptFold} (-1:
   * all rows).
   */
  public static Fit fit(
      TrainingSet data,
      int label,
      int exceptFold,
      double c,
      double positiveWeight,
      int maxIterations,
      double tolerance) {
    int n = data.size();
    int dim = data.dim;
    int size = dim + 1; // weights, then the bias
    // per-row signed cost: +c·weight for positives, −c for negatives, 0 for rows left out
    double[] cost = new double[n];
    long positives = 0;
    long rows = 0;
    for (int i = 0; i < n; i++) {
      if (data.fold[i] == exceptFold) {
        continue;
      }
      rows++;
      if (data.hasLabel(i, label)) {
        cost[i] = c * positiveWeight;
        positives++;
      } else {
        cost[i] = -c;
      }
    }
    double[] x = new double[size];
    // start at the prior's log-odds: the unregularised bias then needs no walk from p = 0.5
    x[dim] = Math.log((positives + 0.5) / (rows - positives + 0.5));
    double[] g = new double[size];
    double f = evaluate(data, cost, x, g);
    double g0 = norm(g);
    double[][] s = new double[MEMORY][size];
    double[][] y = new double[MEMORY][size];
    double[] rho = new double[MEMORY];
    double[] alpha = new double[MEMORY];
    double[] d = new double[size];
    double[] xNew = new double[size];
    double[] gNew = new double[size];
    int stored = 0;
    int head = 0; // next slot to write
    int it = 0;
    double gNorm = g0;
    while (it < maxIterations && gNorm > tolerance * g0) {
      // two-loop recursion: d = −H·g
      System.arraycopy(g, 0, d, 0, size);
      for (int k = 0; k < stored; k++) {
        int j = Math.floorMod(head - 1 - k, MEMORY);
        alpha[j] = rho[j] * dot(s[j], d);
        axpy(-alpha[j], y[j], d);
      }
      double gamma = 1.0;
      if (stored > 0) {
        int last = Math.floorMod(head - 1, MEMORY);
        gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
      } else {
        gamma = 1.0 / Math.max(1e-12, gNorm);
      }
      for (int i = 0; i < size; i++) {
        d[i] *= gamma;
      }
      for (int k = stored - 1; k >= 0; k--) {
        int j = Math.floorMod(head - 1 - k, MEMORY);
        double beta = rho[j] * dot(y[j], d);
        axpy(alpha[j] - beta, s[j], d);
      }
      for (int i = 0; i < size; i++) {
        d[i] = -d[i];
      }
      double slope = dot(g, d);
      if (slope >= 0) { // not a descent direction: restart from steepest descent
        for (int i = 0; i < size; i++) {
          d[i] = -g[i] / Math.max(1e-12, gNorm);
        }
        slope = dot(g, d);
        stored = 0;
      }
      double step = 1.0;
      double fNew = Double.NaN;
      boolean accepted = false;
      for (int tries = 0; tries < 30; tries++) {
        for (int i = 0; i < size; i++) {
          xNew[i] = x[i] + step * d[i];
        }
        fNew = evaluate(data, cost, xNew, gNew);
        if (fNew <= f + 1e-4 * step * slope) {
          accepted = true;
          break;
        }
        step *= 0.5;
      }
      it++;
      if (!accepted) {
        break; // no further decrease possible at double precision
      }
      double sy = 0;
      double yy = 0;
      for (int i = 0; i < size; i++) {
        double si = xNew[i] - x[i];
        double yi = gNew[i] - g[i];
        s[head][i] = si;
        y[head][i] = yi;
        sy += si * yi;
        yy += yi * yi;
      }
      if (sy > 1e-12 * yy) { // keep the pair only if it keeps the inverse Hessian positive definite
        rho[head] = 1.0 / sy;
        head = (head + 1) % MEMORY;
        stored = Math.min(MEMORY, stored + 1);
      }
      double[] t = x;
      x = xNew;
      xNew = t;
      t = g;
      g = gNew;
      gNew = t;
      f = fNew;
      gNorm = norm(g);
    }
    float[] w = new float[dim];
    for (int j = 0; j < dim; j++) {
      w[j] = (float) x[j];
    }
    return new Fit(w, x[dim], it, f, g0 == 0 ? 0 : gNorm / g0);
  }

  /** Objective at {@code x}; its gradient into {@code grad}. */
  static double evaluate(TrainingSet data, double[] cost, double[] x, double[] grad) {
    int dim = data.dim;
    double f = 0;
    for (int j = 0; j < dim; j++) {
      f += 0.5 * x[j] * x[j];
      grad[j] = x[j];
    }
    grad[dim] = 0;
    double b = x[dim];
    for (int i = 0; i < cost.length; i++) {
      double ci = cost[i];
      if (ci == 0) {
        continue;
      }
      double yz = data.margin(i, x, b) * (ci > 0 ? 1 : -1);
      double a = Math.abs(ci);
      // log(1 + e^−yz) computed without overflow
      f += a * (yz > 0 ? Math.log1p(Math.exp(-yz)) : -yz + Math.log1p(Math.exp(yz)));
      double dz = -ci * (1.0 / (1.0 + Math.exp(yz))); // d loss / d z  (ci carries y·a)
      for (int k = data.rowStart[i]; k < data.rowStart[i + 1]; k++) {
        grad[data.col[k]] += dz * data.val[k];
      }
      grad[dim] += dz;
    }
    return f;
  }

  public static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** The inverse of {@link #sigmoid}: ±∞ at 1 and 0. */
  public static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }
}
