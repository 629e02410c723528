package dev.newsbeam.dedup;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * MinHash signatures of shingle sets: {@code numPerm} hash functions drawn from a seeded generator,
 * so the same (numPerm, seed) gives the same signature on every machine and run.
 *
 * <p>Each function is multiply-add-shift on the (already well-mixed) 64-bit shingle hash, keeping
 * the high 32 bits: {@code h_i(x) = (a_i * x + b_i) >>> 32} with odd {@code a_i}. Signatures are
 * 32-bit values (half the shuffle volume of 64-bit ones; a spurious equal minimum has probability
 * 2^-32).
 */
public final class MinHasher implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] a;
  private final long[] b;

  public MinHasher(int numPerm, long seed) {
    if (numPerm < 1) {
      throw new IllegalArgumentException("numPerm must be >= 1, not " + numPerm);
    }
    SplittableRandom random = new SplittableRandom(seed);
    a = new long[numPerm];
    b = new long[numPerm];
    for (int i = 0; i < numPerm; i++) {
      a[i] = random.nextLong() | 1L;
      b[i] = random.nextLong();
    }
  }

  public int numPerm() {
    return a.length;
  }

  /**
   * The signature of a shingle set; an empty set gives all-(-1) (the unsigned maximum), which no
   * non-empty set reaches, so empty texts are never similar to real ones.
   */
  public int[] signature(long[] shingles) {
    int k = a.length;
    int[] sig = new int[k];
    // two permutations per pass over the shingles: their minima stay in registers, and two
    // independent multiply chains keep the multiplier busy
    int i = 0;
    for (; i + 1 < k; i += 2) {
      long a0 = a[i];
      long b0 = b[i];
      long a1 = a[i + 1];
      long b1 = b[i + 1];
      long min0 = 0xFFFFFFFFL;
      long min1 = 0xFFFFFFFFL;
      for (long x : shingles) {
        min0 = Math.min(min0, (a0 * x + b0) >>> 32);
        min1 = Math.min(min1, (a1 * x + b1) >>> 32);
      }
      sig[i] = (int) min0;
      sig[i + 1] = (int) min1;
    }
    if (i < k) {
      long min = 0xFFFFFFFFL;
      for (long x : shingles) {
        min = Math.min(min, (a[i] * x + b[i]) >>> 32);
      }
      sig[i] = (int) min;
    }
    return sig;
  }

  /** Estimated Jaccard similarity: the share of positions where the two signatures agree. */
  public static double similarity(int[] s1, int[] s2) {
    if (s1.length != s2.length) {
      throw new IllegalArgumentException(
          "signatures of different lengths: " + s1.length + " vs " + s2.length);
    }
    int same = 0;
    for (int i = 0; i < s1.length; i++) {
      if (s1[i] == s2[i]) {
        same++;
      }
    }
    return (double) same / s1.length;
  }
}
