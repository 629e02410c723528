package dev.newsbeam.stats;

import dev.newsbeam.schema.ArticleStats;
import dev.newsbeam.text.AnalyzedText;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes an article's word statistics in one pass of the shared {@link NewsAnalyzer} plus one
 * pass of the sentence segmenter.
 *
 * <p>Definitions (see README "What is a word"): word_count counts analyzer words, stopwords
 * included; unique_words counts distinct words; avg_word_length is in UTF-16 code units of the
 * lower-cased word (possessive 's removed); a non-alpha word contains no letter ({@code 2025},
 * {@code 3.5}); reading time assumes {@value #WORDS_PER_MINUTE} words per minute. Terms are words
 * minus stopwords, stemmed. A bigram is two adjacent words of the same sentence that are both terms
 * containing a letter.
 */
public final class ArticleStatsCalculator implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Average silent reading speed of adults for non-fiction (Brysbaert 2019). */
  public static final int WORDS_PER_MINUTE = 238;

  private final NewsAnalyzer analyzer;

  public ArticleStatsCalculator(NewsAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  public NewsAnalyzer analyzer() {
    return analyzer;
  }

  /** Profiles {@code text}; null is treated as empty. */
  public TextProfile profile(String text) {
    String body = text == null ? "" : text;
    int[] sentenceStarts = NewsAnalyzer.sentenceStarts(body);
    Pass pass = new Pass(sentenceStarts);
    analyzer.forEachWordAndTerm(body, pass);
    return pass.toProfile(sentenceStarts.length);
  }

  /**
   * Profiles {@code text} from its analysis: the same as {@link #profile(String)}. The analysis is
   * used when this calculator's analyzer would give the same (same stemming and stopwords), else
   * the text is analysed again; sentences are still found in {@code text}.
   *
   * @throws IllegalArgumentException if {@code analysis} is not the analysis of {@code text}
   */
  public TextProfile profile(String text, AnalyzedText analysis) {
    if (!analysis.isOf(text)) {
      throw new IllegalArgumentException("the analysis is of another text");
    }
    AnalyzedText own = analyzer.reuseOrAnalyze(analysis);
    int[] sentenceStarts = NewsAnalyzer.sentenceStarts(own.text());
    Pass pass = new Pass(sentenceStarts);
    for (int i = 0; i < own.size(); i++) {
      pass.accept(own.word(i), own.termOfWord(i), own.offset(i));
    }
    return pass.toProfile(sentenceStarts.length);
  }

  /** True if {@code s} contains a letter. */
  static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static double ratio(double numerator, int denominator) {
    return denominator == 0 ? 0.0 : numerator / denominator;
  }

  /** Mutable state of one profile() call. */
  private static final class Pass implements NewsAnalyzer.WordTermSink {
    private final int[] sentenceStarts;
    private final Set<String> uniqueWords = new HashSet<>();
    private final Map<String, Integer> termCounts = new HashMap<>();
    private final Map<String, Integer> bigramCounts = new HashMap<>();
    private int words;
    private long wordChars;
    private int stopwords;
    private int nonAlpha;
    private int termTokens;
    private int sentence = 0;
    private String previousBigramTerm;
    private int previousSentence = -1;

    Pass(int[] sentenceStarts) {
      this.sentenceStarts = sentenceStarts;
    }

    @Override
    public void accept(String word, String term, int startOffset) {
      words++;
      wordChars += word.length();
      uniqueWords.add(word);
      boolean letter = hasLetter(word);
      if (!letter) {
        nonAlpha++;
      }
      while (sentence + 1 < sentenceStarts.length && sentenceStarts[sentence + 1] <= startOffset) {
        sentence++;
      }
      if (term == null) {
        stopwords++;
        previousBigramTerm = null;
        return;
      }
      termTokens++;
      termCounts.merge(term, 1, Integer::sum);
      String bigramTerm = letter ? term : null;
      if (bigramTerm != null && previousBigramTerm != null && previousSentence == sentence) {
        bigramCounts.merge(Bigrams.key(previousBigramTerm, bigramTerm), 1, Integer::sum);
      }
      previousBigramTerm = bigramTerm;
      previousSentence = sentence;
    }

    TextProfile toProfile(int sentences) {
      ArticleStats stats =
          ArticleStats.newBuilder()
              .setWordCount(words)
              .setUniqueWords(uniqueWords.size())
              .setSentenceCount(sentences)
              .setAvgWordLength(ratio(wordChars, words))
              .setAvgSentenceLength(ratio(words, sentences))
              .setTypeTokenRatio(ratio(uniqueWords.size(), words))
              .setStopwordRatio(ratio(stopwords, words))
              .setNonAlphaWordRatio(ratio(nonAlpha, words))
              .setReadingTimeSeconds(words * 60.0 / WORDS_PER_MINUTE)
              .setTopTerms(List.of())
              .build();
      return new TextProfile(stats, termCounts, bigramCounts, termTokens);
    }
  }
}
