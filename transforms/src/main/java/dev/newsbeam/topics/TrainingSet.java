package dev.newsbeam.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All training articles as one compressed sparse row matrix, with each article's gold labels and
 * cross-validation fold (pure core). Small enough to be a side input: a sparse row per labelled
 * article, its non-zero TF-IDF weights only. Rows are in a fixed order (by article id), so every
 * runner fits the same model.
 */
public final class TrainingSet implements Serializable {
  private static final long serialVersionUID = 1L;

  public final int dim;
  public final int labels;
  public final int folds;

  /**
   * Row {@code i} holds entries {@code [rowStart[i], rowStart[i + 1])} of {@code col}/{@code val}.
   */
  final int[] rowStart;

  final int[] col;
  final float[] val;

  /** Sorted gold label indices per row. */
  final int[][] gold;

  final int[] fold;

  private TrainingSet(
      int dim,
      int labels,
      int folds,
      int[] rowStart,
      int[] col,
      float[] val,
      int[][] gold,
      int[] fold) {
    this.dim = dim;
    this.labels = labels;
    this.folds = folds;
    this.rowStart = rowStart;
    this.col = col;
    this.val = val;
    this.gold = gold;
    this.fold = fold;
  }

  /** A training set of {@code docs}, sorted by id; {@code docs} carry their fold. */
  public static TrainingSet of(List<SparseDoc> docs, int dim, int labels, int folds) {
    List<SparseDoc> sorted = new ArrayList<>(docs);
    sorted.sort(Comparator.comparing(SparseDoc::id));
    int n = sorted.size();
    int[] rowStart = new int[n + 1];
    for (int i = 0; i < n; i++) {
      rowStart[i + 1] = rowStart[i] + sorted.get(i).index.length;
    }
    int[] col = new int[rowStart[n]];
    float[] val = new float[rowStart[n]];
    int[][] gold = new int[n][];
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      SparseDoc d = sorted.get(i);
      System.arraycopy(d.index, 0, col, rowStart[i], d.index.length);
      System.arraycopy(d.value, 0, val, rowStart[i], d.value.length);
      gold[i] = d.labels;
      fold[i] = d.fold();
    }
    return new TrainingSet(dim, labels, folds, rowStart, col, val, gold, fold);
  }

  public int size() {
    return fold.length;
  }

  public int fold(int row) {
    return fold[row];
  }

  public boolean hasLabel(int row, int label) {
    return java.util.Arrays.binarySearch(gold[row], label) >= 0;
  }

  /** Articles with {@code label}, outside fold {@code exceptFold} (-1: all articles). */
  public int positives(int label, int exceptFold) {
    int n = 0;
    for (int i = 0; i < size(); i++) {
      if (fold[i] != exceptFold && hasLabel(i, label)) {
        n++;
      }
    }
    return n;
  }

  /** {@code w · x_row + b}. */
  public double margin(int row, float[] w, double b) {
    double z = b;
    for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
      z += w[col[k]] * val[k];
    }
    return z;
  }

  double margin(int row, double[] w, double b) {
    double z = b;
    for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
      z += w[col[k]] * val[k];
    }
    return z;
  }
}
