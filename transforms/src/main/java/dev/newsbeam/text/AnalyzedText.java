package dev.newsbeam.text;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * One text as a {@link NewsAnalyzer} sees it, analysed once ({@link NewsAnalyzer#analyze}) so that
 * every per-article core (shingles, taxonomy matching, word statistics, model features) reads the
 * same tokens instead of running Lucene again: the words in order (stopwords included), each word's
 * term (null for a stopword) and its start offset in the text.
 *
 * <p>Words do not depend on the analyzer's stemming or stopwords; terms do, so a consumer with its
 * own analyzer checks {@link #isAnalysedLike} (or calls {@link NewsAnalyzer#reuseOrAnalyze}) before
 * it takes the terms. The text itself is kept (a reference, not a copy) so that such a consumer can
 * analyse it again, and so that a consumer given the text as well can check the two belong together
 * ({@link #isOf}).
 *
 * <p>Immutable; the arrays are never handed out.
 */
public final class AnalyzedText {
  private final String text;
  private final NewsAnalyzer.Stemming stemming;
  private final NewsAnalyzer.Stopwords stopwords;
  private final String[] words;
  private final String[] termOfWord;
  private final int[] offsets;
  private final int size;
  private final String[] terms;
  private final int termCount;

  AnalyzedText(
      String text,
      NewsAnalyzer.Stemming stemming,
      NewsAnalyzer.Stopwords stopwords,
      String[] words,
      String[] termOfWord,
      int[] offsets,
      int size,
      String[] terms,
      int termCount) {
    this.text = text;
    this.stemming = stemming;
    this.stopwords = stopwords;
    this.words = words;
    this.termOfWord = termOfWord;
    this.offsets = offsets;
    this.size = size;
    this.terms = terms;
    this.termCount = termCount;
  }

  /** The analysed text; {@code ""} for a null text. */
  public String text() {
    return text;
  }

  /** The stemming of the analyzer that made this analysis. */
  public NewsAnalyzer.Stemming stemming() {
    return stemming;
  }

  /** The stopwords of the analyzer that made this analysis. */
  public NewsAnalyzer.Stopwords stopwords() {
    return stopwords;
  }

  /**
   * True if {@code analyzer} gives exactly these terms (same stemming, same stopwords): its own
   * analysis of the text would equal this one.
   */
  public boolean isAnalysedLike(NewsAnalyzer analyzer) {
    return analyzer.stemming() == stemming && analyzer.stopwords() == stopwords;
  }

  /** True if this is the analysis of {@code text} (null counts as empty). */
  public boolean isOf(String text) {
    return this.text.equals(text == null ? "" : text);
  }

  /** Number of words (stopwords included), as {@code NewsAnalyzer.words(text).size()}. */
  public int size() {
    return size;
  }

  /** The {@code i}-th word, lower-cased, possessive removed. */
  public String word(int i) {
    return words[checkIndex(i)];
  }

  /** The term of the {@code i}-th word, or null if that word is a stopword. */
  public String termOfWord(int i) {
    return termOfWord[checkIndex(i)];
  }

  /** Start offset of the {@code i}-th word in {@link #text}, ascending with {@code i}. */
  public int offset(int i) {
    return offsets[checkIndex(i)];
  }

  /** The words in order, as {@code NewsAnalyzer.words(text)}. */
  public List<String> words() {
    return new ArrayView(words, size);
  }

  /** Number of terms (words that are not stopwords). */
  public int termCount() {
    return termCount;
  }

  /** The terms in order (stopwords left out), as {@code NewsAnalyzer.terms(text)}. */
  public List<String> terms() {
    return new ArrayView(terms, termCount);
  }

  @Override
  public String toString() {
    return "AnalyzedText["
        + size
        + " words, "
        + termCount
        + " terms, "
        + stemming
        + "/"
        + stopwords
        + "]";
  }

  private int checkIndex(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("word " + i + " of " + size);
    }
    return i;
  }

  /** An unmodifiable list over the first {@code size} elements of an array. */
  private static final class ArrayView extends AbstractList<String> implements RandomAccess {
    private final String[] values;
    private final int size;

    ArrayView(String[] values, int size) {
      this.values = values;
      this.size = size;
    }

    @Override
    public String get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("element " + index + " of " + size);
      }
      return values[index];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
