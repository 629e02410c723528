package dev.newsbeam.topics;

import java.io.Serializable;

/**
 * The arithmetic of one-vs-rest logistic regression trained by full-batch gradient passes (pure core).
 *
 * <p>Weights of label {@code l} live at {@code [l * (dim + 1), (l + 1) * (dim + 1))}, the bias last. A
 * pass sums {@link #addGradient} over all articles (in Beam: a combiner with the current {@link State}
 * as side input), then {@link State#step} applies one update of the mean log-loss plus L2. The default
 * optimiser ({@code jacobi}) is heavy-ball gradient descent preconditioned per weight by a bound on its
 * curvature: rare labels and rare terms get gradients orders of magnitude smaller than {@code earn}, and
 * plain gradient descent would need thousands of passes to fit them ({@code momentum} is that plain
 * variant, {@code adam} the adaptive one; both generalise worse at a bounded number of passes).
 */
public final class LogisticTrainer {
  private LogisticTrainer() {}

  /** Hyper-parameters of training. */
  public record Params(int passes, double learningRate, double l2, String optimizer)
      implements Serializable {
    public static Params defaults() {
      return new Params(40, 0.3, 1e-5, "jacobi");
    }
  }

  /** Weights plus Adam moments after {@code t} steps. Serializable so it can be a side input. */
  public static final class State implements Serializable {
    private static final long serialVersionUID = 1L;
    public final int labels;
    public final int dim;
    public final float[] weights;
    final float[] m;
    final float[] v;
    int t;
    double loss = Double.NaN;

    public State(int labels, int dim) {
      this.labels = labels;
      this.dim = dim;
      int size = labels * (dim + 1);
      weights = new float[size];
      m = new float[size];
      v = new float[size];
    }

    /**
     * The starting point: zero weights and each bias at the log-odds of its label's prior, so the first
     * passes learn terms instead of walking rare labels' biases down from p = 0.5.
     */
    public static State initial(int dim, long[] labelCounts, long docs) {
      State s = new State(labelCounts.length, dim);
      for (int l = 0; l < labelCounts.length; l++) {
        double prior = (labelCounts[l] + 0.5) / (docs + 1.0);
        s.weights[l * (dim + 1) + dim] = (float) Math.log(prior / (1 - prior));
      }
      return s;
    }

    public int steps() {
      return t;
    }

    /** Mean log-loss per article and label measured by the gradient of the last step. */
    public double loss() {
      return loss;
    }

    /** One Adam step on the mean gradient {@code grad / docs} plus L2; returns the new state. */
    public State step(Gradient gradient, Params params) {
      State next = new State(labels, dim);
      next.t = t + 1;
      double b1 = 0.9;
      double b2 = 0.999;
      double eps = 1e-8;
      double c1 = 1 - Math.pow(b1, next.t);
      double c2 = 1 - Math.pow(b2, next.t);
      double inv = gradient.docs == 0 ? 0 : 1.0 / gradient.docs;
      int stride = dim + 1;
      if (params.optimizer().equals("jacobi")) {
        // Jacobi-preconditioned heavy ball: each weight's step is scaled by a bound on its own curvature
        // (0.25 × mean squared feature value + l2), so rare terms learn as fast as common ones without
        // Adam's sign-like first steps that overfit idiosyncratic terms.
        double mu = 0.9;
        for (int i = 0; i < weights.length; i++) {
          int j = i % stride;
          boolean bias = j == dim;
          double g = gradient.sum[i] * inv + (bias ? 0 : params.l2() * weights[i]);
          double h = bias ? 0.25 : 0.25 * gradient.energy[j] * inv + params.l2();
          double vel = mu * m[i] + g / h;
          next.m[i] = (float) vel;
          next.weights[i] = (float) (weights[i] - params.learningRate() * vel);
        }
        next.loss = gradient.docs == 0 ? Double.NaN : gradient.loss / gradient.docs / labels;
        return next;
      }
      if (params.optimizer().startsWith("momentum")) {
        double mu = 0.9;
        for (int i = 0; i < weights.length; i++) {
          boolean bias = (i % stride) == dim;
          double g = gradient.sum[i] * inv + (bias ? 0 : params.l2() * weights[i]);
          double vel = mu * m[i] + g;
          next.m[i] = (float) vel;
          next.weights[i] = (float) (weights[i] - params.learningRate() * vel);
        }
        next.loss = gradient.docs == 0 ? Double.NaN : gradient.loss / gradient.docs / labels;
        return next;
      }
      for (int i = 0; i < weights.length; i++) {
        boolean bias = (i % stride) == dim;
        double g = gradient.sum[i] * inv + (bias ? 0 : params.l2() * weights[i]);
        double mi = b1 * m[i] + (1 - b1) * g;
        double vi = b2 * v[i] + (1 - b2) * g * g;
        next.m[i] = (float) mi;
        next.v[i] = (float) vi;
        next.weights[i] = (float) (weights[i] - params.learningRate() * (mi / c1) / (Math.sqrt(vi / c2) + eps));
      }
      next.loss = gradient.docs == 0 ? Double.NaN : gradient.loss / gradient.docs / labels;
      return next;
    }
  }

  /** Running sum of per-article gradients: the accumulator of the gradient combiner. */
  public static final class Gradient implements Serializable {
    private static final long serialVersionUID = 1L;
    public double[] sum;
    /** Per feature: sum of squared values over the articles (the curvature scale of the Jacobi step). */
    public double[] energy = new double[0];
    public long docs;
    public double loss;

    public Gradient(int size) {
      sum = new double[size];
    }

    public Gradient merge(Gradient other) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += other.sum[i];
      }
      if (energy.length < other.energy.length) {
        energy = java.util.Arrays.copyOf(energy, other.energy.length);
      }
      for (int i = 0; i < other.energy.length; i++) {
        energy[i] += other.energy[i];
      }
      docs += other.docs;
      loss += other.loss;
      return this;
    }
  }

  /** Margin of label {@code l} for {@code doc}. */
  public static double margin(float[] weights, int dim, int l, SparseDoc doc) {
    int base = l * (dim + 1);
    double z = weights[base + dim];
    for (int k = 0; k < doc.index.length; k++) {
      z += weights[base + doc.index[k]] * doc.value[k];
    }
    return z;
  }

  public static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** Adds the log-loss gradient of every label on {@code doc} at {@code state} to {@code acc}. */
  public static void addGradient(Gradient acc, SparseDoc doc, State state) {
    int dim = state.dim;
    int stride = dim + 1;
    for (int l = 0; l < state.labels; l++) {
      double p = sigmoid(margin(state.weights, dim, l, doc));
      boolean y = doc.hasLabel(l);
      double err = p - (y ? 1 : 0);
      int base = l * stride;
      for (int k = 0; k < doc.index.length; k++) {
        acc.sum[base + doc.index[k]] += err * doc.value[k];
      }
      acc.sum[base + dim] += err;
      acc.loss -= Math.log(Math.max(1e-12, y ? p : 1 - p));
    }
    if (acc.energy.length < dim) {
      acc.energy = new double[dim];
    }
    for (int k = 0; k < doc.index.length; k++) {
      acc.energy[doc.index[k]] += (double) doc.value[k] * doc.value[k];
    }
    acc.docs++;
  }
}
