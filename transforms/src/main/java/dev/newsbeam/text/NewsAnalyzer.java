package dev.newsbeam.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.IOUtils;

/**
 * The project's one analyzer: every stage that needs words (statistics, topics) gets them here.
 *
 * <p>A <b>word</b> is a token of Lucene's {@link StandardTokenizer} (Unicode UAX#29 word
 * boundaries), lower-cased, with an English possessive {@code 's} removed; emoji tokens are not
 * words. So {@code don't} is one word, {@code well-known} is two, {@code U.S.} is {@code u.s},
 * {@code 3.5} and {@code 2025} are words (numbers count, see {@code non_alpha_word_ratio}).
 *
 * <p>A <b>term</b> is a word that is not an English stopword (per {@link Stopwords}, classic by
 * default), stemmed per {@link Stemming}. Terms feed TF-IDF, keyness and topic matching.
 *
 * <p>A <b>sentence</b> is a segment of {@link BreakIterator}'s English sentence rules, found inside
 * each paragraph (blank lines always end a sentence, so headings and captions without a full stop
 * stand alone), not split after a common title or month abbreviation ({@code Mr.}, {@code Dr.},
 * {@code Feb.}), and containing at least one letter or digit.
 *
 * <p>A text that several stages read is analysed once: {@link #analyze} gives its words, terms and
 * word offsets as an {@link AnalyzedText}, which the per-article cores take instead of the text.
 *
 * <p>Instances are serializable configuration; the Lucene analyzers are built lazily per JVM and
 * are thread-safe (Lucene reuses token streams per thread, and the stem memo of {@link
 * #forEachWordAndTerm} is per thread, at most 200,000 words).
 */
public final class NewsAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default {@code --stem} (a constant name, as {@code @Default.Enum} takes it). */
  public static final String DEFAULT_STEMMING = "PORTER";

  /** Default {@code --stopwords} (a constant name, as {@code @Default.Enum} takes it). */
  public static final String DEFAULT_STOPWORDS = "CLASSIC";

  /**
   * Default {@code --minDf}: a term must be in at least this many documents to be kept in a corpus
   * table or a trained model's vocabulary (a term seen once is mostly a typo or a name).
   */
  public static final int DEFAULT_MIN_DF = 2;

  /** How terms are stemmed ({@code --stem}). */
  public enum Stemming {
    NONE,
    ENGLISH_MINIMAL,
    PORTER;

    /** The value as users write it: {@code none}, {@code english-minimal}, {@code porter}. */
    @JsonValue
    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code none|english-minimal|porter} (any case; the option parser calls it too). */
    @JsonCreator
    public static Stemming parse(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "none" -> NONE;
        case "english-minimal", "english_minimal", "minimal" -> ENGLISH_MINIMAL;
        case "porter" -> PORTER;
        default ->
            throw new IllegalArgumentException(
                "--stem must be none, english-minimal or porter, not '" + value + "'");
      };
    }
  }

  /** Lucene's English stopword list (the classic 33 words), the default. */
  public static final CharArraySet STOPWORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  /** Which English stopwords are removed from terms ({@code --stopwords}). */
  public enum Stopwords {
    /** Lucene's classic 33 words ({@link #STOPWORDS}): articles, prepositions, forms of "be". */
    CLASSIC,
    /**
     * The Snowball English list (174 words: adds pronouns, auxiliaries, contractions such as
     * don't).
     */
    SNOWBALL,
    /** No stopwords: every word is a term. */
    NONE;

    /** The value as users write it: {@code classic}, {@code snowball}, {@code none}. */
    @JsonValue
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code classic|snowball|none} (any case; the option parser calls it too). */
    @JsonCreator
    public static Stopwords parse(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "classic", "lucene" -> CLASSIC;
        case "snowball" -> SNOWBALL;
        case "none" -> NONE;
        default ->
            throw new IllegalArgumentException(
                "--stopwords must be classic, snowball or none, not '" + value + "'");
      };
    }

    /** The words, lower-case. */
    public CharArraySet set() {
      return switch (this) {
        case CLASSIC -> STOPWORDS;
        case SNOWBALL -> SnowballList.SET;
        case NONE -> CharArraySet.EMPTY_SET;
      };
    }
  }

  /** Loaded on first use only. */
  private static final class SnowballList {
    static final CharArraySet SET = load();

    private static CharArraySet load() {
      try (Reader r =
          IOUtils.getDecodingReader(
              SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)) {
        return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(r));
      } catch (IOException e) {
        throw new UncheckedIOException("Lucene's Snowball English stopword list is missing", e);
      }
    }
  }

  /**
   * Distinct words whose stems a thread remembers; cleared when full (news vocabularies are
   * Zipfian).
   */
  private static final int STEM_CACHE_SIZE = 200_000;

  private static final String EMOJI = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI];

  /** Blank lines: paragraph breaks, which always end a sentence. */
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");

  /**
   * Abbreviations after which {@link BreakIterator} wrongly ends a sentence ("Mr. Smith"); kept
   * short and limited to words that in news almost never end a sentence.
   */
  private static final Set<String> NON_TERMINAL_ABBREVIATIONS =
      Set.of(
          "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
          "Cmdr", "Adm", "Rev", "St", "Mt", "Ft", "No", "Jr", "Sr", "Jan", "Feb", "Aug", "Sept",
          "Sep", "Oct", "Nov", "Dec", "Corp", "Inc", "Co", "vs", "approx");

  private final Stemming stemming;
  private final Stopwords stopwords;

  /** The ISO 639-1 language whose stopwords and stemmer make terms; null: English. */
  private final String language;

  private transient Analyzer wordAnalyzer;
  private transient Map<String, NewsAnalyzer> byLanguage;
  private transient Analyzer termAnalyzer;
  private transient Analyzer stemAnalyzer;
  private transient ThreadLocal<Map<String, String>> stemCache;

  /** The default stopwords, {@code stemming} as given. */
  public NewsAnalyzer(Stemming stemming) {
    this(stemming, Stopwords.valueOf(DEFAULT_STOPWORDS));
  }

  public NewsAnalyzer(Stemming stemming, Stopwords stopwords) {
    this(stemming, stopwords, null);
  }

  private NewsAnalyzer(Stemming stemming, Stopwords stopwords, String language) {
    this.stemming = stemming;
    this.stopwords = stopwords;
    this.language = language;
  }

  /**
   * This analyzer for an article in {@code language} (ISO 639-1, may be null): for a language
   * Lucene has a stopword list and a Snowball stemmer for ({@link #LANGUAGES}), terms drop that
   * language's stopwords (unless {@code --stopwords=none}) and are stemmed by its Snowball stemmer
   * (unless {@code --stem=none}); words and sentences are the same for every language. English, an
   * unknown language and any other language get this analyzer itself.
   */
  public NewsAnalyzer forLanguage(String language) {
    if (language == null || this.language != null || !LANGUAGES.contains(language)) {
      return this;
    }
    Map<String, NewsAnalyzer> m = byLanguage;
    if (m == null) {
      m = byLanguage = new java.util.concurrent.ConcurrentHashMap<>();
    }
    return m.computeIfAbsent(language, l -> new NewsAnalyzer(stemming, stopwords, l));
  }

  /** The languages {@link #forLanguage} has stopwords and a stemmer for, besides English. */
  public static final Set<String> LANGUAGES =
      Set.of("de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "ru", "hu", "ro");

  /** The language whose terms this analyzer makes: null for English. */
  public String language() {
    return language;
  }

  private CharArraySet stopSet() {
    if (language == null || stopwords == Stopwords.NONE) {
      return stopwords.set();
    }
    return switch (language) {
      case "de" -> org.apache.lucene.analysis.de.GermanAnalyzer.getDefaultStopSet();
      case "fr" -> org.apache.lucene.analysis.fr.FrenchAnalyzer.getDefaultStopSet();
      case "es" -> org.apache.lucene.analysis.es.SpanishAnalyzer.getDefaultStopSet();
      case "it" -> org.apache.lucene.analysis.it.ItalianAnalyzer.getDefaultStopSet();
      case "pt" -> org.apache.lucene.analysis.pt.PortugueseAnalyzer.getDefaultStopSet();
      case "nl" -> org.apache.lucene.analysis.nl.DutchAnalyzer.getDefaultStopSet();
      case "sv" -> org.apache.lucene.analysis.sv.SwedishAnalyzer.getDefaultStopSet();
      case "da" -> org.apache.lucene.analysis.da.DanishAnalyzer.getDefaultStopSet();
      case "nb" -> org.apache.lucene.analysis.no.NorwegianAnalyzer.getDefaultStopSet();
      case "fi" -> org.apache.lucene.analysis.fi.FinnishAnalyzer.getDefaultStopSet();
      case "ru" -> org.apache.lucene.analysis.ru.RussianAnalyzer.getDefaultStopSet();
      case "hu" -> org.apache.lucene.analysis.hu.HungarianAnalyzer.getDefaultStopSet();
      case "ro" -> org.apache.lucene.analysis.ro.RomanianAnalyzer.getDefaultStopSet();
      default -> stopwords.set();
    };
  }

  private TokenStream stemFilter(TokenStream ts) {
    if (language == null || stemming == Stemming.NONE) {
      return stemmer(ts, stemming);
    }
    org.tartarus.snowball.SnowballStemmer snowball =
        switch (language) {
          case "de" -> new org.tartarus.snowball.ext.GermanStemmer();
          case "fr" -> new org.tartarus.snowball.ext.FrenchStemmer();
          case "es" -> new org.tartarus.snowball.ext.SpanishStemmer();
          case "it" -> new org.tartarus.snowball.ext.ItalianStemmer();
          case "pt" -> new org.tartarus.snowball.ext.PortugueseStemmer();
          case "nl" -> new org.tartarus.snowball.ext.DutchStemmer();
          case "sv" -> new org.tartarus.snowball.ext.SwedishStemmer();
          case "da" -> new org.tartarus.snowball.ext.DanishStemmer();
          case "nb" -> new org.tartarus.snowball.ext.NorwegianStemmer();
          case "fi" -> new org.tartarus.snowball.ext.FinnishStemmer();
          case "ru" -> new org.tartarus.snowball.ext.RussianStemmer();
          case "hu" -> new org.tartarus.snowball.ext.HungarianStemmer();
          case "ro" -> new org.tartarus.snowball.ext.RomanianStemmer();
          default -> null;
        };
    return snowball == null ? stemmer(ts, stemming) : new SnowballFilter(ts, snowball);
  }

  /** The default analyzer: {@link #DEFAULT_STEMMING}, {@link #DEFAULT_STOPWORDS}. */
  public static NewsAnalyzer defaults() {
    return new NewsAnalyzer(Stemming.valueOf(DEFAULT_STEMMING));
  }

  public Stemming stemming() {
    return stemming;
  }

  public Stopwords stopwords() {
    return stopwords;
  }

  /** True if the lower-cased word is a stopword of this analyzer's list. */
  public boolean isStop(String lowerWord) {
    return stopSet().contains(lowerWord);
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

  /** True if the lower-cased word is in the classic English stopword list ({@link #STOPWORDS}). */
  public static boolean isStopword(String lowerWord) {
    return STOPWORDS.contains(lowerWord);
  }

  /** Stems a single lower-cased word the way {@link #terms} would; stopwords give null. */
  public String term(String lowerWord) {
    List<String> t = terms(lowerWord);
    return t.size() == 1 ? t.get(0) : null;
  }

  /**
   * Sentences of {@code text} (see the class comment for what a sentence is), stripped, in order.
   */
  public static List<String> sentences(String text) {
    int[] starts = sentenceStarts(text);
    List<String> out = new ArrayList<>(starts.length);
    for (int i = 0; i < starts.length; i++) {
      int end = i + 1 < starts.length ? starts[i + 1] : text.length();
      out.add(text.substring(starts[i], end).strip());
    }
    return out;
  }

  /** Number of sentences of {@code text}; the same as {@code sentences(text).size()}. */
  public static int sentenceCount(String text) {
    return sentenceStarts(text).length;
  }

  /**
   * Start offsets of the sentences of {@code text}, ascending. A sentence runs to the next start
   * (or the end); text between a paragraph's end and the next start (blank lines) belongs to the
   * earlier one.
   */
  public static int[] sentenceStarts(String text) {
    int[] starts = new int[16];
    int n = 0;
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    Matcher paragraphs = PARAGRAPH_BREAK.matcher(text);
    int paraStart = 0;
    while (paraStart < text.length()) {
      int paraEnd = paragraphs.find(paraStart) ? paragraphs.start() : text.length();
      int next = paraEnd < text.length() ? paragraphs.end() : text.length();
      // the paragraph as a window on the text: offsets come out absolute, and nothing is copied
      it.setText(new StringCharacterIterator(text, paraStart, paraEnd, paraStart));
      boolean continuesPrevious = false;
      int from = it.first();
      for (int to = it.next(); to != BreakIterator.DONE; from = to, to = it.next()) {
        boolean hasWords = continuesPrevious || hasLetterOrDigit(text, from, to);
        if (!continuesPrevious && hasWords) {
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
          }
          starts[n++] = from;
        }
        continuesPrevious = hasWords && endsWithAbbreviation(text, from, to);
      }
      paraStart = Math.max(next, paraEnd + 1);
    }
    return Arrays.copyOf(starts, n);
  }

  private static boolean hasLetterOrDigit(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** True if the segment ends (trailing space aside) with "Abbr." for a listed abbreviation. */
  private static boolean endsWithAbbreviation(String text, int from, int to) {
    int end = to;
    while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end == from || text.charAt(end - 1) != '.') {
      return false;
    }
    int wordEnd = end - 1;
    int wordStart = wordEnd;
    while (wordStart > from && Character.isLetter(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    if (wordStart > from
        && !Character.isWhitespace(text.charAt(wordStart - 1))
        && text.charAt(wordStart - 1) != '(') {
      return false;
    }
    return wordStart < wordEnd
        && NON_TERMINAL_ABBREVIATIONS.contains(text.substring(wordStart, wordEnd));
  }

  /**
   * Streams every word of {@code text} with its term in ONE analyzer pass: the same words as {@link
   * #words} and, for non-stopwords, the same terms as {@link #terms}, aligned.
   */
  public void forEachWordAndTerm(String text, WordTermSink sink) {
    // Stemming is per token and context-free, so stemming each distinct word once (memoised per
    // thread)
    // gives exactly the terms of the full chain at a fraction of the cost of stemming every token.
    CharArraySet stopSet = stopSet();
    Map<String, String> stems = stemming == Stemming.NONE ? null : stemCache();
    try (TokenStream ts = words().tokenStream("body", text)) {
      CharTermAttribute chars = ts.addAttribute(CharTermAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (EMOJI.equals(type.type())) {
          continue;
        }
        boolean stop = stopSet.contains(chars.buffer(), 0, chars.length());
        String word = chars.toString();
        String term = null;
        if (!stop) {
          term = stems == null ? word : stems.get(word);
          if (term == null) {
            if (stems.size() >= STEM_CACHE_SIZE) {
              stems.clear();
            }
            term = stem(word);
            stems.put(word, term);
          }
        }
        sink.accept(word, term, offset.startOffset());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a String cannot do I/O", e);
    }
  }

  /**
   * The words, terms and word offsets of {@code text} in one pass ({@link #forEachWordAndTerm}),
   * for every consumer of the text to share; null is treated as empty.
   */
  public AnalyzedText analyze(String text) {
    String body = text == null ? "" : text;
    Collector c = new Collector(body.length());
    forEachWordAndTerm(body, c);
    return new AnalyzedText(
        body, stemming, stopwords, c.words, c.termOfWord, c.offsets, c.size, c.terms, c.termCount);
  }

  /**
   * {@code analysis} if this analyzer would give the same (same stemming and stopwords), else this
   * analyzer's own analysis of the same text.
   */
  public AnalyzedText reuseOrAnalyze(AnalyzedText analysis) {
    return analysis.isAnalysedLike(this) ? analysis : analyze(analysis.text());
  }

  /** Gathers one analysis into growing arrays (no per-token objects). */
  private static final class Collector implements WordTermSink {
    String[] words;
    String[] termOfWord;
    int[] offsets;
    int size;
    String[] terms;
    int termCount;

    Collector(int textLength) {
      // about one word per six characters of news text; grown on demand
      int capacity = Math.max(8, textLength / 6);
      words = new String[capacity];
      termOfWord = new String[capacity];
      offsets = new int[capacity];
      terms = new String[capacity];
    }

    @Override
    public void accept(String word, String term, int startOffset) {
      if (size == words.length) {
        int capacity = size * 2;
        words = Arrays.copyOf(words, capacity);
        termOfWord = Arrays.copyOf(termOfWord, capacity);
        offsets = Arrays.copyOf(offsets, capacity);
        terms = Arrays.copyOf(terms, capacity);
      }
      words[size] = word;
      termOfWord[size] = term;
      offsets[size] = startOffset;
      size++;
      if (term != null) {
        terms[termCount++] = term;
      }
    }
  }

  /** The stem of one lower-cased word by this analyzer's stemmer (the word itself for NONE). */
  private String stem(String word) {
    String out = word;
    try (TokenStream ts = stemmer().tokenStream("word", word)) {
      CharTermAttribute chars = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      if (ts.incrementToken()) {
        out = chars.toString();
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a String cannot do I/O", e);
    }
    return out;
  }

  private Map<String, String> stemCache() {
    ThreadLocal<Map<String, String>> cache = stemCache;
    if (cache == null) {
      cache = stemCache = ThreadLocal.withInitial(HashMap::new);
    }
    return cache.get();
  }

  /** Receives tokens; the CharSequence is only valid during the call. */
  @FunctionalInterface
  public interface TokenSink {
    void accept(String token);
  }

  /** Receives a word, its term (null for a stopword) and the word's start offset in the text. */
  @FunctionalInterface
  public interface WordTermSink {
    void accept(String word, String term, int startOffset);
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

  /** The whole input as one token, stemmed: for single words that the word analyzer produced. */
  private Analyzer stemmer() {
    Analyzer a = stemAnalyzer;
    if (a == null) {
      a =
          stemAnalyzer =
              new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                  Tokenizer source = new KeywordTokenizer();
                  return new TokenStreamComponents(source, stemFilter(source));
                }
              };
    }
    return a;
  }

  private static TokenStream stemmer(TokenStream ts, Stemming stem) {
    return switch (stem) {
      case PORTER -> new PorterStemFilter(ts);
      case ENGLISH_MINIMAL -> new EnglishMinimalStemFilter(ts);
      case NONE -> ts;
    };
  }

  private Analyzer buildAnalyzer(boolean asTerms) {
    CharArraySet stopSet = stopSet();
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new EnglishPossessiveFilter(source);
        ts = new LowerCaseFilter(ts);
        if (asTerms) {
          ts = new StopFilter(ts, stopSet);
          ts = stemFilter(ts);
        }
        return new TokenStreamComponents(source, ts);
      }
    };
  }
}
