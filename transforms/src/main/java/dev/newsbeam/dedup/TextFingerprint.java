package dev.newsbeam.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Exact-duplicate fingerprint of an article body: two bodies that differ only in Unicode form,
 * case, whitespace or punctuation get the same fingerprint.
 *
 * <p>The hash is SHA-256 truncated to 128 bits (from the JDK, no extra dependency): at 128 bits a
 * collision among even 10^12 articles has probability below 10^-14, so equal fingerprints are
 * treated as equal texts without comparing the texts. Not thread-safe (one {@link MessageDigest});
 * make one per DoFn instance.
 */
public final class TextFingerprint {
  private static final Pattern NOT_WORD_OR_SPACE = Pattern.compile("[\\p{P}\\p{S}]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final MessageDigest sha256;

  public TextFingerprint() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }

  /**
   * Chars below this are looked up in {@link #KIND}; a text with any char from here up takes the
   * general path. It covers Latin, Greek, Cyrillic, general punctuation and the common symbols.
   */
  private static final int TABLE_SIZE = 0x3000;

  /** The char folds to one char ({@link #FOLDED}) that is kept. */
  private static final byte KEEP = 0;

  /** The char folds to punctuation or symbols only: dropped. */
  private static final byte DROP = 1;

  /** The char folds to a {@code \s} char ({@code [ \t\n\x0B\f\r]}): one space for a run of them. */
  private static final byte SPACE = 2;

  /** Folding the char needs its context or gives several chars: the general path decides. */
  private static final byte GENERAL = 3;

  private static final byte[] KIND = new byte[TABLE_SIZE];
  private static final char[] FOLDED = new char[TABLE_SIZE];

  static {
    // each char's fate in generalNormalise: the same case mapping, and the general categories and
    // white space that its patterns match
    for (char c = 0; c < TABLE_SIZE; c++) {
      String upper = String.valueOf(c).toUpperCase(Locale.ROOT);
      String folded = upper.toLowerCase(Locale.ROOT);
      if (upper.indexOf('\u03A3') >= 0 || upper.indexOf('\u0130') >= 0) {
        // capital sigma lower-cases by context (final sigma), dotted capital I to two chars
        KIND[c] = GENERAL;
      } else if (isPunctuationOrSymbols(folded)) {
        KIND[c] = DROP;
      } else if (folded.length() != 1) {
        KIND[c] = GENERAL;
      } else if (" \t\n\u000B\f\r".indexOf(folded.charAt(0)) >= 0) {
        KIND[c] = SPACE;
      } else {
        KIND[c] = KEEP;
        FOLDED[c] = folded.charAt(0);
      }
    }
  }

  /**
   * True if {@code [\p{P}\p{S}]+} matches all of {@code s}: each code point is of a punctuation or
   * symbol category.
   */
  private static boolean isPunctuationOrSymbols(String s) {
    for (int i = 0; i < s.length(); i = s.offsetByCodePoints(i, 1)) {
      if (!isPunctuationOrSymbol(s.codePointAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPunctuationOrSymbol(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  /**
   * NFKC, case-folded (NFKC then lower/upper/lower so that e.g. final sigma and sharp s fold),
   * punctuation and symbols dropped, runs of whitespace collapsed to one space, trimmed.
   */
  public static String normalise(String text) {
    String s = text == null ? "" : text;
    String fast = tableNormalise(s);
    return fast != null ? fast : generalNormalise(s);
  }

  /**
   * {@link #normalise} in one pass over a text that is NFKC already and whose chars all fold on
   * their own to at most one char (most news text: the table says so per char); null otherwise.
   * Case mapping is then char by char, so folding, dropping and collapsing chars one at a time
   * gives what the whole-string steps of {@link #generalNormalise} give.
   */
  private static String tableNormalise(String s) {
    int length = s.length();
    char[] out = new char[length];
    int n = 0;
    boolean inSpace = false;
    boolean nfkc = false;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 && !nfkc) {
        // ASCII is NFKC whatever its neighbours; anything else may compose with them
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
          return null;
        }
        nfkc = true;
      }
      if (c >= TABLE_SIZE) {
        return null;
      }
      switch (KIND[c]) {
        case KEEP -> {
          out[n++] = FOLDED[c];
          inSpace = false;
        }
        case SPACE -> {
          if (!inSpace) {
            out[n++] = ' ';
            inSpace = true;
          }
        }
        case DROP -> {}
        default -> {
          return null;
        }
      }
    }
    return new String(out, 0, n).strip();
  }

  /** {@link #normalise} step by step over whole strings: right for every text. */
  static String generalNormalise(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    s = NOT_WORD_OR_SPACE.matcher(s).replaceAll("");
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /**
   * 32 hex digits of the normalised text, or null when nothing is left after normalising (an empty
   * body is not a copy of another empty body in any useful sense).
   */
  public String fingerprint(String text) {
    String n = normalise(text);
    if (n.isEmpty()) {
      return null;
    }
    byte[] digest = sha256.digest(n.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }
}
