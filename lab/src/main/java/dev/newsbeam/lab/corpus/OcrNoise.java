package dev.newsbeam.lab.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * OCR-like damage to a text, as digitised newspaper archives hold it: characters read as their
 * look-alikes (rn/m, l/1/I, e/c, o/0, h/b, cl/d, u/v, S/5 ...), dropped characters, two words run
 * together (a lost space), a word split by a stray space, and line-end hyphenation left in the text
 * ("govern- ment", "govern-\nment").
 *
 * <p>Each letter or digit starts one damage event with probability {@code rate}, so the number of
 * events is about {@code rate} times the letters and digits of the text, and each event costs one
 * or two character edits. Pure and seeded: the same text, rate and random state give the same
 * result.
 */
public final class OcrNoise {
  /** Look-alikes: what a character (or pair) is misread as; pairs are tried before singles. */
  private static final String[][] CONFUSIONS = {
    {"rn", "m"}, {"m", "rn"}, {"cl", "d"}, {"d", "cl"}, {"ri", "n"}, {"li", "h"}, {"vv", "w"},
    {"w", "vv"}, {"l", "1"}, {"l", "I"}, {"I", "l"}, {"I", "1"}, {"1", "l"}, {"1", "I"},
    {"i", "l"}, {"e", "c"}, {"c", "e"}, {"o", "0"}, {"0", "o"}, {"O", "0"}, {"0", "O"},
    {"h", "b"}, {"b", "h"}, {"u", "v"}, {"v", "u"}, {"S", "5"}, {"5", "S"}, {"s", "5"},
    {"B", "8"}, {"8", "B"}, {"a", "o"}, {"n", "ri"}, {"t", "f"}, {"f", "t"}, {"g", "q"},
    {"y", "v"}, {"E", "F"}, {"Z", "2"}, {"2", "Z"}, {"G", "6"}, {"6", "G"}, {"3", "8"}
  };

  private static final Map<String, List<String>> MISREAD = new HashMap<>();

  static {
    Map<String, List<String>> m = new HashMap<>();
    for (String[] c : CONFUSIONS) {
      m.computeIfAbsent(c[0], k -> new java.util.ArrayList<>()).add(c[1]);
    }
    m.forEach((k, v) -> MISREAD.put(k, List.copyOf(v)));
  }

  private OcrNoise() {}

  /** {@code text} with damage events at about {@code rate} of its letters and digits. */
  public static String apply(String text, double rate, SplittableRandom r) {
    int n = text.length();
    StringBuilder out = new StringBuilder(n + n / 16);
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c) || r.nextDouble() >= rate) {
        out.append(c);
        i++;
        continue;
      }
      double u = r.nextDouble();
      if (u < 0.55) {
        // a look-alike; a character without one fades out (is dropped)
        List<String> pair = i + 1 < n ? MISREAD.get(text.substring(i, i + 2)) : null;
        if (pair != null && r.nextBoolean()) {
          out.append(pair.get(r.nextInt(pair.size())));
          i += 2;
          continue;
        }
        List<String> single = MISREAD.get(String.valueOf(c));
        if (single != null) {
          out.append(single.get(r.nextInt(single.size())));
        }
        i++;
      } else if (u < 0.70) {
        i++; // a dropped character
      } else if (u < 0.80) {
        // two words run together: the rest of this word, then the space after it is lost
        while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
          out.append(text.charAt(i++));
        }
        if (i < n && text.charAt(i) == ' ') {
          i++;
        }
      } else if (u < 0.90) {
        // a word split in two by a stray space
        out.append(c);
        if (i + 1 < n && Character.isLetter(text.charAt(i + 1)) && wordStart(text, i) < i) {
          out.append(' ');
        }
        i++;
      } else {
        // hyphenation at a line end, kept in the text: at least three letters either side
        out.append(c);
        if (wordStart(text, i) <= i - 2 && wordEnd(text, i) >= i + 4) {
          out.append(r.nextBoolean() ? "- " : "-\n");
        }
        i++;
      }
    }
    return out.toString();
  }

  /** Letters and digits of {@code text}: the positions that {@link #apply} may damage. */
  public static int damageable(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        count++;
      }
    }
    return count;
  }

  private static int wordStart(String text, int i) {
    int s = i;
    while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
      s--;
    }
    return s;
  }

  /** Index just past the letters of the word around {@code i}. */
  private static int wordEnd(String text, int i) {
    int e = i;
    while (e < text.length() && Character.isLetter(text.charAt(e))) {
      e++;
    }
    return e;
  }
}
