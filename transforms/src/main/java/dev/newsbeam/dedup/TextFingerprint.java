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
   * NFKC, case-folded (NFKC then lower/upper/lower so that e.g. final sigma and sharp s fold),
   * punctuation and symbols dropped, runs of whitespace collapsed to one space, trimmed.
   */
  public static String normalise(String text) {
    String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
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
