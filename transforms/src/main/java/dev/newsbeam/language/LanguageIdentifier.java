package dev.newsbeam.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the language of an article body with Lingua, in its low-accuracy (trigram) mode over a
 * fixed set of candidate languages, on the start of the text. The text's dominant script picks the
 * candidates first (a language alone in its script needs no statistics): Lingua's cost grows with
 * the number of languages it weighs, and Latin text need not be weighed against Korean. A page's
 * declared language ({@code <html lang>}) is a hint: it wins when Lingua finds it nearly as likely
 * as its own first choice, since on short or mixed text the page knows better than the statistics.
 * The confidence is the margin of the chosen language over the next one in Lingua's relative
 * values.
 *
 * <p>Lingua's models are large and slow to load, and a detector is thread-safe: {@link #shared}
 * builds one per candidate set per JVM, preloaded, and every DoFn instance of a worker uses it.
 */
public final class LanguageIdentifier {
  /** The result: an ISO 639-1 code and a confidence in [0, 1], or an unknown language. */
  public record Guess(String language, double confidence) {
    public static final Guess UNKNOWN = new Guess(null, 0);

    public boolean known() {
      return language != null;
    }
  }

  /** Characters of the text looked at: enough to be sure, few enough to keep up with reading. */
  public static final int SAMPLE_CHARS = 250;

  /**
   * Lingua's confidence values are relative (1 for its first choice, the others a share of it); a
   * hint is taken when its value is within this of the first choice's.
   */
  static final double HINT_MARGIN = 0.1;

  private static final Map<Set<String>, LanguageIdentifier> SHARED = new ConcurrentHashMap<>();

  private final Map<Character.UnicodeScript, Script> byScript;
  private final Set<String> candidates;

  private LanguageIdentifier(Set<String> candidates) {
    this.candidates = Set.copyOf(candidates);
    Map<Character.UnicodeScript, List<IsoCode639_1>> byScript =
        new EnumMap<>(Character.UnicodeScript.class);
    for (String c : candidates) {
      byScript
          .computeIfAbsent(scriptOf(c), k -> new ArrayList<>())
          .add(IsoCode639_1.valueOf(c.toUpperCase(Locale.ROOT)));
    }
    this.byScript = new EnumMap<>(Character.UnicodeScript.class);
    for (Map.Entry<Character.UnicodeScript, List<IsoCode639_1>> e : byScript.entrySet()) {
      List<IsoCode639_1> codes = e.getValue();
      this.byScript.put(
          e.getKey(),
          codes.size() == 1
              ? new Script(codes.get(0).name().toLowerCase(Locale.ROOT), null)
              : new Script(
                  null,
                  LanguageDetectorBuilder.fromIsoCodes639_1(codes.toArray(new IsoCode639_1[0]))
                      .withLowAccuracyMode()
                      .withPreloadedLanguageModels()
                      .build()));
    }
  }

  /** The candidates written in one script: the only one, or a detector among them. */
  private record Script(String only, LanguageDetector detector) {}

  /**
   * The script a language is written in. Han stands for Chinese and Japanese (kana is told apart by
   * {@link #dominantScript}), Hangul for Korean.
   */
  static Character.UnicodeScript scriptOf(String code) {
    return switch (code) {
      case "ru", "uk", "bg", "sr", "mk", "be", "kk", "mn" -> Character.UnicodeScript.CYRILLIC;
      case "el" -> Character.UnicodeScript.GREEK;
      case "ar", "fa", "ur" -> Character.UnicodeScript.ARABIC;
      case "he" -> Character.UnicodeScript.HEBREW;
      case "hi", "mr" -> Character.UnicodeScript.DEVANAGARI;
      case "zh", "ja" -> Character.UnicodeScript.HAN;
      case "ko" -> Character.UnicodeScript.HANGUL;
      case "th" -> Character.UnicodeScript.THAI;
      case "ka" -> Character.UnicodeScript.GEORGIAN;
      case "hy" -> Character.UnicodeScript.ARMENIAN;
      case "bn" -> Character.UnicodeScript.BENGALI;
      case "ta" -> Character.UnicodeScript.TAMIL;
      case "te" -> Character.UnicodeScript.TELUGU;
      case "gu" -> Character.UnicodeScript.GUJARATI;
      case "pa" -> Character.UnicodeScript.GURMUKHI;
      default -> Character.UnicodeScript.LATIN;
    };
  }

  /** The script most letters of {@code text} are in; kana counts as Han (Japanese mixes both). */
  static Character.UnicodeScript dominantScript(String text) {
    Map<Character.UnicodeScript, Integer> counts = new EnumMap<>(Character.UnicodeScript.class);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      if (s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA) {
        s = Character.UnicodeScript.HAN;
      }
      counts.merge(s, 1, Integer::sum);
    }
    Character.UnicodeScript best = null;
    int most = 0;
    for (Map.Entry<Character.UnicodeScript, Integer> e : counts.entrySet()) {
      if (e.getValue() > most) {
        most = e.getValue();
        best = e.getKey();
      }
    }
    return best;
  }

  /**
   * The JVM's identifier for {@code candidates} (ISO 639-1 codes Lingua knows), built on first use.
   */
  public static LanguageIdentifier shared(Set<String> candidates) {
    return SHARED.computeIfAbsent(new TreeSet<>(candidates), LanguageIdentifier::new);
  }

  /** The candidate languages. */
  public Set<String> candidates() {
    return candidates;
  }

  /** The language of {@code text}; {@code hint} (an ISO 639-1 code, may be null) as above. */
  public Guess identify(String text, String hint) {
    if (text == null || text.isBlank()) {
      return hint != null && candidates.contains(hint) ? new Guess(hint, 0) : Guess.UNKNOWN;
    }
    String sample = text.length() <= SAMPLE_CHARS ? text : text.substring(0, SAMPLE_CHARS);
    Character.UnicodeScript dominant = dominantScript(sample);
    Script script = dominant == null ? null : byScript.get(dominant);
    if (script == null) {
      return Guess.UNKNOWN; // no letters, or a script no candidate is written in
    }
    if (script.only() != null) {
      return new Guess(script.only(), 1); // the one candidate of its script
    }
    SortedMap<Language, Double> values = script.detector().computeLanguageConfidenceValues(sample);
    if (values.isEmpty()) {
      return Guess.UNKNOWN;
    }
    Language top = values.firstKey();
    if (top == Language.UNKNOWN) {
      return Guess.UNKNOWN;
    }
    String code = code(top);
    Language chosen = top;
    if (hint != null && !hint.equals(code)) {
      for (Map.Entry<Language, Double> e : values.entrySet()) {
        if (code(e.getKey()).equals(hint) && e.getValue() >= values.get(top) - HINT_MARGIN) {
          chosen = e.getKey();
        }
      }
    }
    return new Guess(code(chosen), margin(values, chosen));
  }

  /**
   * The confidence of {@code chosen}: its relative value less the best other language's, in [0, 1];
   * 0 when another language is as likely, near 1 when no other is close.
   */
  private static double margin(SortedMap<Language, Double> values, Language chosen) {
    double other = 0;
    for (Map.Entry<Language, Double> e : values.entrySet()) {
      if (e.getKey() != chosen) {
        other = Math.max(other, e.getValue());
      }
    }
    return Math.max(0, Math.min(1, values.get(chosen) - other));
  }

  private static String code(Language language) {
    return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  /** Whether Lingua knows {@code code} (an ISO 639-1 code). */
  public static boolean knows(String code) {
    try {
      IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
