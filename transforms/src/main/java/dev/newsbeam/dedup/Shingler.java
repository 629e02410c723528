package dev.newsbeam.dedup;

import dev.newsbeam.text.AnalyzedText;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Word n-gram shingles of a text, as 64-bit hashes. Words come from the project's {@link
 * NewsAnalyzer} (lower-cased UAX#29 words, stopwords kept: "the", "of" carry the phrasing that
 * tells copies apart).
 *
 * <p>A text shorter than {@code n} words gives one shingle of all its words, so short briefs still
 * get a signature; an empty text gives no shingles.
 */
public final class Shingler implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int n;
  private final NewsAnalyzer analyzer;

  public Shingler(int n, NewsAnalyzer analyzer) {
    if (n < 1) {
      throw new IllegalArgumentException("shingle size must be >= 1, not " + n);
    }
    this.n = n;
    this.analyzer = analyzer;
  }

  public int size() {
    return n;
  }

  /** Distinct shingle hashes of {@code text}, sorted ascending. */
  public long[] shingles(String text) {
    LongList words = new LongList();
    analyzer.forEachWord(text == null ? "" : text, w -> words.add(hashWord(w)));
    return shingles(words.values, words.size);
  }

  /**
   * Distinct shingle hashes of an analysed text, sorted ascending: the same as {@link
   * #shingles(String)} of its text. Only its words are read, and words do not depend on stemming or
   * stopwords, so any analyzer's analysis will do.
   */
  public long[] shingles(AnalyzedText text) {
    int count = text.size();
    long[] words = new long[count];
    for (int i = 0; i < count; i++) {
      words[i] = hashWord(text.word(i));
    }
    return shingles(words, count);
  }

  /** Shingles of the first {@code count} word hashes. */
  private long[] shingles(long[] words, int count) {
    if (count == 0) {
      return new long[0];
    }
    int grams = Math.max(1, count - n + 1);
    long[] out = new long[grams];
    for (int i = 0; i < grams; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = i; j < Math.min(count, i + n); j++) {
        // order matters ("a b" != "b a"): rotate before folding the next word in
        h = Long.rotateLeft(h, 23) ^ words[j];
        h *= 0xBF58476D1CE4E5B9L;
      }
      out[i] = Hashing.mix64(h);
    }
    Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }

  /** Exact Jaccard similarity of two sorted distinct shingle sets. */
  public static double jaccard(long[] a, long[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1.0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }

  /**
   * A shingle set in half the space, for sketches that carry it ({@code --verify=exact}): the high
   * 32 bits of each hash, sorted and distinct. Two articles of 1,000 shingles each share a spurious
   * value with probability ~2^-12, one shingle in a thousand: the Jaccard similarity moves by at
   * most 0.001.
   */
  public static int[] compact(long[] shingles) {
    int[] out = new int[shingles.length];
    for (int i = 0; i < shingles.length; i++) {
      out[i] = (int) (shingles[i] >>> 32);
    }
    Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[distinct++] = out[i];
      }
    }
    return distinct == out.length ? out : Arrays.copyOf(out, distinct);
  }

  /** Exact Jaccard similarity of two sorted distinct {@link #compact} shingle sets. */
  public static double jaccard(int[] a, int[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1.0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }

  private static long hashWord(String word) {
    long h = 0xCBF29CE484222325L; // FNV-1a 64 over UTF-16 units, then a strong finaliser
    for (int i = 0; i < word.length(); i++) {
      h ^= word.charAt(i);
      h *= 0x100000001B3L;
    }
    return Hashing.mix64(h);
  }

  private static final class LongList {
    long[] values = new long[256];
    int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }
}
