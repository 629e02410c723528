package dev.newsbeam.dedup;

import java.io.Serializable;
import java.util.Locale;

/**
 * What a shingle is ({@code --shingle}): {@code word:N}, N consecutive words of the analyzer, or
 * {@code char:N}, N consecutive characters of the analyzer's words written without separators
 * ({@link Shingler}). A plain integer {@code N} means {@code word:N}, as {@code --shingle} took
 * before it had kinds.
 *
 * @param kind word or character n-grams
 * @param n words or characters per shingle, at least 1
 */
public record ShingleSpec(Kind kind, int n) implements Serializable {

  /** The unit a shingle counts. */
  public enum Kind {
    WORD,
    CHAR;

    /** The kind as users write it: {@code word} or {@code char}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Letters per word of English news prose, spaces and punctuation left out: what turns a length in
   * words into one in characters for {@link #shinglesOfWords}. An average, so a count derived from
   * it is "about"; a text with longer words reaches it with fewer words.
   */
  public static final int LETTERS_PER_WORD = 5;

  public ShingleSpec {
    if (kind == null) {
      throw new IllegalArgumentException("shingle kind must be set (word or char)");
    }
    if (n < 1) {
      throw new IllegalArgumentException("shingle size must be >= 1, not " + n);
    }
  }

  public static ShingleSpec words(int n) {
    return new ShingleSpec(Kind.WORD, n);
  }

  public static ShingleSpec chars(int n) {
    return new ShingleSpec(Kind.CHAR, n);
  }

  /**
   * Parses {@code word:N}, {@code char:N} or {@code N} (= {@code word:N}); case and spaces around
   * the parts do not matter.
   *
   * @throws IllegalArgumentException for anything else, naming the accepted forms
   */
  public static ShingleSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw bad(spec);
    }
    String s = spec.trim().toLowerCase(Locale.ROOT);
    int colon = s.indexOf(':');
    Kind kind = Kind.WORD;
    String size = s;
    if (colon >= 0) {
      String k = s.substring(0, colon).trim();
      size = s.substring(colon + 1);
      if (k.equals("word")) {
        kind = Kind.WORD;
      } else if (k.equals("char")) {
        kind = Kind.CHAR;
      } else {
        throw bad(spec);
      }
    }
    int n;
    try {
      n = Integer.parseInt(size.trim());
    } catch (NumberFormatException e) {
      throw bad(spec);
    }
    if (n < 1) {
      throw bad(spec);
    }
    return new ShingleSpec(kind, n);
  }

  private static IllegalArgumentException bad(String spec) {
    return new IllegalArgumentException(
        "--shingle must be word:N, char:N or N (= word:N), N >= 1 (e.g. word:3, char:5), not '"
            + spec
            + "'");
  }

  /**
   * About how many shingles of this kind a text of {@code words} words has: {@code words - n + 1}
   * word shingles, or {@code words * }{@value #LETTERS_PER_WORD}{@code - n + 1} character shingles
   * (at least 1). Distinct shingles can be a little fewer (a repeated phrase, a common letter
   * sequence), so a text needs about, not exactly, this many words to reach the count.
   */
  public int shinglesOfWords(int words) {
    int units = kind == Kind.WORD ? words : words * LETTERS_PER_WORD;
    return Math.max(1, units - n + 1);
  }

  /** {@code word:N} or {@code char:N}, as {@link #parse} reads it. */
  @Override
  public String toString() {
    return kind.code() + ":" + n;
  }
}
