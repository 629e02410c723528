package dev.newsbeam.topics;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One labelled article as a feature vector: sorted feature indices with L2-normalised TF-IDF values,
 * plus the indices of its gold labels. Small and serializable, so training shuffles these, not words.
 */
public final class SparseDoc implements Serializable {
  private static final long serialVersionUID = 1L;

  final int[] index;
  final float[] value;
  final int[] labels;
  final boolean heldOut;

  public SparseDoc(int[] index, float[] value, int[] labels, boolean heldOut) {
    this.index = index;
    this.value = value;
    this.labels = labels;
    this.heldOut = heldOut;
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

  /** True for articles of the threshold-tuning fold. */
  public boolean heldOut() {
    return heldOut;
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
    return o instanceof SparseDoc d && heldOut == d.heldOut && Arrays.equals(index, d.index)
        && Arrays.equals(value, d.value) && Arrays.equals(labels, d.labels);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(index) * 31 + Arrays.hashCode(labels);
  }
}
