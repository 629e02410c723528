package dev.newsbeam.text;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The project's one analyzer: every stage that needs words (statistics, topics) gets them here.
 *
 * <p>A <b>word</b> is a token of Lucene's {@link StandardTokenizer} (Unicode UAX#29 word boundaries),
 * lower-cased, with an English possessive {@code 's} removed; emoji tokens are not words. So
 * {@code don't} is one word, {@code well-known} is two, {@code U.S.} is {@code u.s}, {@code 3.5} and
 * {@code 2025} are words (numbers count, see {@code non_alpha_word_ratio}).
 *
 * <p>A <b>term</b> is a word that is not an English stopword, stemmed per {@link Stemming}. Terms feed
 * TF-IDF, keyness and topic matching.
 *
 * <p>Instances are serializable configuration; the Lucene analyzers are built lazily per JVM and are
 * thread-safe (Lucene reuses token streams per thread).
 */
public final class NewsAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How terms are stemmed ({@code --stem}). */
  public enum Stemming {
    NONE,
    ENGLISH_MINIMAL,
    PORTER;

    /** Parses {@code none|english-minimal|porter}. */
    public static Stemming parse(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "none" -> NONE;
        case "english-minimal", "minimal" -> ENGLISH_MINIMAL;
        case "porter" -> PORTER;
        default -> throw new IllegalArgumentException(
            "--stem must be none, english-minimal or porter, not '" + value + "'");
      };
    }
  }

  /** Lucene's English stopword list (the classic 33 words). */
  public static final CharArraySet STOPWORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  private static final String EMOJI = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI];

  private final Stemming stemming;
  private transient Analyzer wordAnalyzer;
  private transient Analyzer termAnalyzer;

  public NewsAnalyzer(Stemming stemming) {
    this.stemming = stemming;
  }

  /** The default analyzer: stopwords removed, Porter stemming. */
  public static NewsAnalyzer defaults() {
    return new NewsAnalyzer(Stemming.PORTER);
  }

  public Stemming stemming() {
    return stemming;
  }

  /** All words of {@code text} in order (stopwords included, not stemmed). */
  public List<String> words(String text) {
    List<String> out = new ArrayList<>();
    run(words(), text, out::add);
    return out;
  }

  /** The terms of {@code text} in order: words minus stopwords, stemmed. */
  public List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    run(terms(), text, out::add);
    return out;
  }

  /** Streams the words of {@code text} to {@code sink} without building a list. */
  public void forEachWord(String text, TokenSink sink) {
    run(words(), text, sink);
  }

  /** Streams the terms of {@code text} to {@code sink} without building a list. */
  public void forEachTerm(String text, TokenSink sink) {
    run(terms(), text, sink);
  }

  /** True if the lower-cased word is an English stopword. */
  public static boolean isStopword(String lowerWord) {
    return STOPWORDS.contains(lowerWord);
  }

  /** Stems a single lower-cased word the way {@link #terms} would; stopwords give null. */
  public String term(String lowerWord) {
    List<String> t = terms(lowerWord);
    return t.size() == 1 ? t.get(0) : null;
  }

  /** Sentences of {@code text} per {@link BreakIterator} (English rules), blank ones skipped. */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    it.setText(text);
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String s = text.substring(start, end).strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Receives tokens; the CharSequence is only valid during the call. */
  @FunctionalInterface
  public interface TokenSink {
    void accept(String token);
  }

  private void run(Analyzer analyzer, String text, TokenSink sink) {
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (!EMOJI.equals(type.type())) {
          sink.accept(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a String cannot do I/O", e);
    }
  }

  private Analyzer words() {
    Analyzer a = wordAnalyzer;
    if (a == null) {
      a = wordAnalyzer = buildAnalyzer(false);
    }
    return a;
  }

  private Analyzer terms() {
    Analyzer a = termAnalyzer;
    if (a == null) {
      a = termAnalyzer = buildAnalyzer(true);
    }
    return a;
  }

  private Analyzer buildAnalyzer(boolean asTerms) {
    Stemming stem = this.stemming;
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new EnglishPossessiveFilter(source);
        ts = new LowerCaseFilter(ts);
        if (asTerms) {
          ts = new StopFilter(ts, STOPWORDS);
          if (stem == Stemming.PORTER) {
            ts = new PorterStemFilter(ts);
          } else if (stem == Stemming.ENGLISH_MINIMAL) {
            ts = new EnglishMinimalStemFilter(ts);
          }
        }
        return new TokenStreamComponents(source, ts);
      }
    };
  }
}
