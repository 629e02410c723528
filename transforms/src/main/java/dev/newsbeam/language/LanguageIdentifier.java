package dev.newsbeam.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the language of an article body with Lingua, in its low-accuracy (trigram) mode over a
 * fixed set of candidate languages, on the start of the text. A page's declared language ({@code
 * <html lang>}) is a hint: it wins when Lingua finds it nearly as likely as its own first choice,
 * since on short or mixed text the page knows better than the statistics. The confidence is the
 * margin of the chosen language over the next one in Lingua's relative values.
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
  public static final int SAMPLE_CHARS = 1000;

  /**
   * Lingua's confidence values are relative (1 for its first choice, the others a share of it); a
   * hint is taken when its value is within this of the first choice's.
   */
  static final double HINT_MARGIN = 0.1;

  private static final Map<Set<String>, LanguageIdentifier> SHARED = new ConcurrentHashMap<>();

  private final LanguageDetector detector;
  private final Set<String> candidates;

  private LanguageIdentifier(Set<String> candidates) {
    List<IsoCode639_1> codes = new ArrayList<>();
    for (String c : candidates) {
      codes.add(IsoCode639_1.valueOf(c.toUpperCase(Locale.ROOT)));
    }
    this.candidates = Set.copyOf(candidates);
    this.detector =
        LanguageDetectorBuilder.fromIsoCodes639_1(codes.toArray(new IsoCode639_1[0]))
            .withLowAccuracyMode()
            .withPreloadedLanguageModels()
            .build();
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
    SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(sample);
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
