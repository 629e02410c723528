package dev.newsbeam.language;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What language identification tells apart and what the run keeps.
 *
 * @param candidates the languages an article can be identified as (ISO 639-1)
 * @param keep the languages kept ({@code --languages}); empty keeps every article
 */
public record LanguageSettings(Set<String> candidates, Set<String> keep) implements Serializable {
  /**
   * Default candidates: the languages most news is published in. A short list keeps Lingua fast and
   * its models small; a language outside it is identified as its nearest candidate with a low
   * confidence.
   */
  public static final List<String> DEFAULT_CANDIDATES =
      List.of(
          "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "ro", "hu",
          "el", "tr", "ru", "uk", "ar", "he", "fa", "hi", "id", "zh", "ja", "ko");

  /** Default {@code --languages}: keep everything. */
  public static final String DEFAULT_KEEP = "";

  public LanguageSettings {
    candidates = Set.copyOf(candidates);
    keep = Set.copyOf(keep);
    for (String c : candidates) {
      if (!LanguageIdentifier.knows(c)) {
        throw new IllegalArgumentException("not an ISO 639-1 code Lingua knows: " + c);
      }
    }
  }

  public static LanguageSettings defaults() {
    return withKeep(DEFAULT_KEEP);
  }

  /** The default candidates plus every kept language, keeping those of {@code keep}. */
  public static LanguageSettings withKeep(String keep) {
    Set<String> kept = parse(keep);
    Set<String> candidates = new LinkedHashSet<>(DEFAULT_CANDIDATES);
    candidates.addAll(kept);
    return new LanguageSettings(candidates, kept);
  }

  public static LanguageSettings from(LanguageOptions options) {
    return withKeep(options.getLanguages());
  }

  /** Whether an article of {@code language} (null: not identified) stays in the run. */
  public boolean keeps(String language) {
    return keep.isEmpty() || (language != null && keep.contains(language));
  }

  static Set<String> parse(String list) {
    Set<String> out = new LinkedHashSet<>();
    if (list == null) {
      return out;
    }
    for (String part : list.split(",")) {
      String c = part.strip().toLowerCase(Locale.ROOT);
      if (c.isEmpty()) {
        continue;
      }
      if (c.length() != 2 || !LanguageIdentifier.knows(c)) {
        throw new IllegalArgumentException(
            "--languages takes ISO 639-1 codes such as en,de; not: " + part.strip());
      }
      out.add(c);
    }
    return out;
  }
}
