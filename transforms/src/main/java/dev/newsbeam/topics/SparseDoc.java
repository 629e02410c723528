package dev.newsbeam.topics;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One labelled article as a feature vector: sorted feature indices with L2-normalised TF-IDF
 * values, plus the indices of its gold labels and its cross-validation fold. Small and
 * serializable, so training shuffles these, not words.
 */
public final class SparseDoc implements Serializable {
  private static final long serialVersionUID = 1L;

  final String id;
  final int[] index;
  final float[] value;
  final int[] labels;
  final int fold;

  public SparseDoc(String id, int[] index, float[] value, int[] labels, int fold) {
    this.id = id;
    this.index = index;
    this.value = value;
    this.labels = labels;
    this.fold = fold;
  }

  /** An unlabelled article's vector (what the classifier scores). */
  public SparseDoc(int[] index, float[] value) {
    this("", index, value, new int[0], 0);
  }

  public String id() {
    return id;
  }

  public int[] index() {
    return index;
  }

  public float[] value() {
    return value;
  }

  public int[] labels() {
    return labels;
  }

  /** Cross-validation fold of the article, {@code 0 <= fold < folds}. */
  public int fold() {
    return fold;
  }

  public boolean hasLabel(int label) {
    for (int l : labels) {
      if (l == label) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseDoc d
        && fold == d.fold
        && id.equals(d.id)
        && Arrays.equals(index, d.index)
        && Arrays.equals(value, d.value)
        && Arrays.equals(labels, d.labels);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(index);
  }
}
