package dev.newsbeam.dedup;

import dev.newsbeam.text.AnalyzedText;
import dev.newsbeam.text.NewsAnalyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The figures of a text — its words that hold a digit (amounts, percentages, dates, ages, scores) —
 * as sorted distinct 32-bit hashes: what tells two templated stories apart. Two companies' dividend
 * notices or earnings reports share their boilerplate, often most of their shingles, but not their
 * figures; a copy of a story, abridged, updated, re-typed or scanned, keeps the figures of the part
 * it copies.
 *
 * <p>A figure is normalised so that re-typing and scanning leave it alone: the letters that OCR
 * confuses with digits become those digits ({@code o}→0, {@code l}/{@code i}→1, {@code z}→2, {@code
 * s}→5, {@code b}→8, {@code g}→9), and punctuation inside it is dropped ("1,250" and "1250" are one
 * figure). A word whose digits were all misread as letters is lost, which only lowers the agreement
 * of a noisy copy a little.
 *
 * <p>At most {@link #MAX_FIGURES} figures are kept, the first ones in the text: a prefix of a story
 * (an abridged copy) then holds a prefix of its figures, and a sketch stays small.
 */
public final class Figures {
  /** Figures kept per text: the first distinct ones, in text order. */
  public static final int MAX_FIGURES = 64;

  private static final int[] NONE = new int[0];

  /**
   * Numbers that wire style spells out ("Pay April three", "Record March Five"), read as the figure
   * they stand for. Not "one": it is more often a pronoun than a number.
   */
  private static final Map<String, String> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("two", "2"),
          Map.entry("three", "3"),
          Map.entry("four", "4"),
          Map.entry("five", "5"),
          Map.entry("six", "6"),
          Map.entry("seven", "7"),
          Map.entry("eight", "8"),
          Map.entry("nine", "9"),
          Map.entry("ten", "10"),
          Map.entry("eleven", "11"),
          Map.entry("twelve", "12"));

  private Figures() {}

  /** The figures of an analysed text. */
  public static int[] of(AnalyzedText body) {
    Set<Integer> figures = new LinkedHashSet<>();
    for (int i = 0; i < body.size() && figures.size() < MAX_FIGURES; i++) {
      add(body.word(i), figures);
    }
    return sorted(figures);
  }

  /** The figures of {@code text} as {@code analyzer} splits it into words; as {@link #of}. */
  public static int[] of(String text, NewsAnalyzer analyzer) {
    Set<Integer> figures = new LinkedHashSet<>();
    Consumer<String> word =
        w -> {
          if (figures.size() < MAX_FIGURES) {
            add(w, figures);
          }
        };
    analyzer.forEachWord(text == null ? "" : text, word::accept);
    return sorted(figures);
  }

  /**
   * The share of the smaller figure set that the other holds, or 1 when the smaller has fewer than
   * {@code minFigures} (too few to tell stories apart). Both arrays sorted and distinct.
   */
  public static double agreement(int[] a, int[] b, int minFigures) {
    int[] small = a.length <= b.length ? a : b;
    int[] large = small == a ? b : a;
    if (small.length < minFigures || small.length == 0) {
      return 1.0;
    }
    int shared = 0;
    int i = 0;
    int j = 0;
    while (i < small.length && j < large.length) {
      if (small[i] == large[j]) {
        shared++;
        i++;
        j++;
      } else if (small[i] < large[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared / (double) small.length;
  }

  private static int hash(String figure) {
    return figure.hashCode() * 0x9E3779B9;
  }

  /** Adds the normalised figures of {@code word}. */
  static void add(String word, Set<Integer> figures) {
    String spelled = NUMBER_WORDS.get(word.toLowerCase(Locale.ROOT));
    if (spelled != null) {
      figures.add(hash(spelled));
      return;
    }
    for (String figure : normalise(word)) {
      figures.add(hash(figure));
    }
  }

  /**
   * The figures {@code word} spells: each run of digits, of letters OCR mistakes for digits and of
   * punctuation that holds at least one real digit, read as digits, its punctuation dropped. A run
   * ends at any other letter, so a figure that lost the space after it ("18cts" for "18 cts") still
   * reads "18".
   *
   * <p>A run inside a word is a damaged word, not a figure: scanning turns letters into digits
   * ("pre5ident", "h0use", "5upermarkets"), and such runs would give a scanned copy figures its
   * original lacks. So a run that follows a letter of its word is no figure, and neither is a run
   * with a single real digit that a letter follows. Model names ("A380") and ordinals ("3rd") are
   * lost with them; they tell stories apart less than amounts and dates do. A lone 0 or 1 is no
   * figure either: it is what scanning makes of a lone "O", "I" or "l".
   */
  static List<String> normalise(String word) {
    List<String> out = new ArrayList<>(1);
    StringBuilder run = new StringBuilder();
    int digits = 0;
    boolean afterLetter = false; // the run follows a letter of its word
    boolean letter = false; // the last character was a letter outside any run
    for (int i = 0; i <= word.length(); i++) {
      char c = i < word.length() ? Character.toLowerCase(word.charAt(i)) : ' ';
      char read = asDigit(c);
      if (Character.isDigit(read)) {
        if (run.length() == 0) {
          afterLetter = letter;
        }
        digits += Character.isDigit(c) ? 1 : 0;
        run.append(read);
      } else if (!Character.isLetter(c) && !Character.isWhitespace(c)) {
        if (run.length() == 0) {
          letter = false;
        }
        // else punctuation inside a figure: "1,250", "12.5"
      } else {
        boolean endsAtLetter = Character.isLetter(c);
        if (digits > 0 && !afterLetter && (digits >= 2 || !endsAtLetter) && !isLoneOneOrZero(run)) {
          out.add(run.toString());
        }
        run.setLength(0);
        digits = 0;
        letter = endsAtLetter;
      }
    }
    return out;
  }

  private static boolean isLoneOneOrZero(CharSequence run) {
    return run.length() == 1 && run.charAt(0) <= '1';
  }

  /** The digit OCR may have read as {@code c}, or {@code c}. */
  private static char asDigit(char c) {
    return switch (c) {
      case 'o' -> '0';
      case 'l', 'i' -> '1';
      case 'z' -> '2';
      case 's' -> '5';
      case 'b' -> '8';
      case 'g' -> '9';
      default -> c;
    };
  }

  private static int[] sorted(Set<Integer> figures) {
    if (figures.isEmpty()) {
      return NONE;
    }
    int[] out = figures.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }
}
