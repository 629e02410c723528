package dev.newsbeam.dedup;

import dev.newsbeam.text.AnalyzedText;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Shingles of a text as 64-bit hashes, distinct and sorted, of one of two kinds ({@link
 * ShingleSpec}):
 *
 * <ul>
 *   <li>{@code word:N}: N consecutive words of the project's {@link NewsAnalyzer} (lower-cased
 *       UAX#29 words, stopwords kept: "the", "of" carry the phrasing that tells copies apart);
 *   <li>{@code char:N}: N consecutive characters of the same words written one after the other
 *       without separators. One substituted letter then damages only the N shingles that cover it,
 *       where it damages every word shingle of its word; and because word boundaries leave no
 *       trace, "govern- ment", "govern ment" and "government" (a broken hyphenation, a split word,
 *       the word) give the same characters, as do merged words. The price is that shingles can run
 *       across a word boundary that only one text has, which is what makes merged and split words
 *       match at all. Inside a word, punctuation (the apostrophe of "don't", the dots of "u.s") is
 *       left out, so a re-typed apostrophe or abbreviation does not count as a change; a word of
 *       nothing but punctuation keeps its characters, so a text has characters exactly when it has
 *       words.
 * </ul>
 *
 * <p>Both kinds read only the analyzer's words, so a text and any analysis of it ({@link
 * NewsAnalyzer#analyze}) give the same shingles, and both go through the same n-gram hash: each
 * unit (a word, a character) is hashed to 64 bits, and each run of N unit hashes is folded in order
 * and finalised.
 *
 * <p>A text shorter than {@code n} units gives one shingle of all its units, so short briefs still
 * get a signature; an empty text gives no shingles.
 */
public final class Shingler implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ShingleSpec spec;
  private final NewsAnalyzer analyzer;

  /** Word shingles of {@code n} words ({@code word:n}). */
  public Shingler(int n, NewsAnalyzer analyzer) {
    this(ShingleSpec.words(n), analyzer);
  }

  public Shingler(ShingleSpec spec, NewsAnalyzer analyzer) {
    if (spec == null) {
      throw new IllegalArgumentException("shingle spec must be set");
    }
    this.spec = spec;
    this.analyzer = analyzer;
  }

  /** Units (words or characters) per shingle. */
  public int size() {
    return spec.n();
  }

  public ShingleSpec spec() {
    return spec;
  }

  /** Distinct shingle hashes of {@code text}, sorted ascending. */
  public long[] shingles(String text) {
    LongList units = new LongList();
    if (spec.kind() == ShingleSpec.Kind.WORD) {
      analyzer.forEachWord(text == null ? "" : text, w -> units.add(hashWord(w)));
    } else {
      analyzer.forEachWord(text == null ? "" : text, w -> addChars(w, units));
    }
    return shingles(units.values, units.size);
  }

  /**
   * Distinct shingle hashes of an analysed text, sorted ascending: the same as {@link
   * #shingles(String)} of its text. Only its words are read, and words do not depend on stemming or
   * stopwords, so any analyzer's analysis will do.
   */
  public long[] shingles(AnalyzedText text) {
    int count = text.size();
    if (spec.kind() == ShingleSpec.Kind.WORD) {
      long[] words = new long[count];
      for (int i = 0; i < count; i++) {
        words[i] = hashWord(text.word(i));
      }
      return shingles(words, count);
    }
    LongList chars = new LongList();
    for (int i = 0; i < count; i++) {
      addChars(text.word(i), chars);
    }
    return shingles(chars.values, chars.size);
  }

  /**
   * Appends the hashes of a word's characters (code points), punctuation left out unless the word
   * has nothing else.
   */
  private static void addChars(String word, LongList out) {
    int before = out.size;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      i += Character.charCount(cp);
      if (!isPunctuation(cp)) {
        out.add(hashChar(cp));
      }
    }
    if (out.size == before) {
      for (int i = 0; i < word.length(); ) {
        int cp = word.codePointAt(i);
        i += Character.charCount(cp);
        out.add(hashChar(cp));
      }
    }
  }

  private static boolean isPunctuation(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION ->
          true;
      default -> false;
    };
  }

  /** Shingles of the first {@code count} unit hashes (words or characters). */
  private long[] shingles(long[] units, int count) {
    if (count == 0) {
      return new long[0];
    }
    int n = spec.n();
    int grams = Math.max(1, count - n + 1);
    long[] out = new long[grams];
    for (int i = 0; i < grams; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = i; j < Math.min(count, i + n); j++) {
        // order matters ("a b" != "b a"): rotate before folding the next unit in
        h = Long.rotateLeft(h, 23) ^ units[j];
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
    int common = common(a, b);
    return (double) common / (a.length + b.length - common);
  }

  /** How many values two sorted distinct {@link #compact} shingle sets share: |A∩B|. */
  public static int common(int[] a, int[] b) {
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
    return common;
  }

  private static long hashWord(String word) {
    long h = 0xCBF29CE484222325L; // FNV-1a 64 over UTF-16 units, then a strong finaliser
    for (int i = 0; i < word.length(); i++) {
      h ^= word.charAt(i);
      h *= 0x100000001B3L;
    }
    return Hashing.mix64(h);
  }

  /**
   * A code point's hash: mixed like a word's, so that n-grams of characters spread over the 64 bits
   * as those of words do.
   */
  private static long hashChar(int codePoint) {
    return Hashing.mix64(codePoint + 0x2545F4914F6CDD1DL);
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
