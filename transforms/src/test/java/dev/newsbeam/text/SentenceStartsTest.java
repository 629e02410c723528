package dev.newsbeam.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.newsbeam.text.TestTexts.Sample;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link NewsAnalyzer#sentenceStarts} gives, for real and random texts, what the rules of the class
 * comment give when written out plainly: each paragraph copied out and segmented on its own.
 */
class SentenceStartsTest {
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");
  private static final List<String> ABBREVIATIONS =
      List.of(
          "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
          "Cmdr", "Adm", "Rev", "St", "Mt", "Ft", "No", "Jr", "Sr", "Jan", "Feb", "Aug", "Sept",
          "Sep", "Oct", "Nov", "Dec", "Corp", "Inc", "Co", "vs", "approx");

  @Test
  void realTexts() {
    for (Sample s : TestTexts.all(10)) {
      for (String text : new String[] {s.title(), s.text()}) {
        String t = text == null ? "" : text;
        assertThat(s.name(), toList(NewsAnalyzer.sentenceStarts(t)), equalTo(toList(reference(t))));
      }
    }
  }

  private static final String[] PIECES = {
    "word",
    "Council",
    "3.5",
    "2025",
    " ",
    " ",
    " ",
    "  ",
    ". ",
    ".",
    "! ",
    "? ",
    "...",
    "…",
    "\n",
    "\n\n",
    "\n \n",
    "\r\n\r\n",
    "\n\t\n  ",
    "Mr. ",
    "Dr. ",
    "Feb. ",
    "U.S. ",
    "(Co. ",
    "“",
    "”",
    "\"",
    "'",
    "—",
    "-",
    ",",
    ";",
    ":",
    "é",
    "🚀",
    "Quill",
    "x.y",
    "No.",
    "St.",
    "vs. "
  };

  @Test
  void randomTexts() {
    SplittableRandom random = new SplittableRandom(424_242);
    for (int t = 0; t < 20_000; t++) {
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(40);
      for (int i = 0; i < pieces; i++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String s = text.toString();
      assertThat(s, toList(NewsAnalyzer.sentenceStarts(s)), equalTo(toList(reference(s))));
    }
  }

  private static List<Integer> toList(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  /** The rules written out plainly: each paragraph copied and segmented on its own. */
  private static int[] reference(String text) {
    List<Integer> starts = new ArrayList<>();
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    Matcher paragraphs = PARAGRAPH_BREAK.matcher(text);
    int paraStart = 0;
    while (paraStart < text.length()) {
      int paraEnd = paragraphs.find(paraStart) ? paragraphs.start() : text.length();
      int next = paraEnd < text.length() ? paragraphs.end() : text.length();
      String paragraph = text.substring(paraStart, paraEnd);
      it.setText(paragraph);
      boolean continuesPrevious = false;
      int start = it.first();
      for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
        String segment = paragraph.substring(start, end);
        boolean words = segment.chars().anyMatch(c -> Character.isLetterOrDigit((char) c));
        if (!continuesPrevious && words) {
          starts.add(paraStart + start);
        }
        continuesPrevious = (continuesPrevious || words) && endsWithAbbreviation(segment);
      }
      paraStart = Math.max(next, paraEnd + 1);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean endsWithAbbreviation(String segment) {
    String s = segment;
    int end = s.length();
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    if (end == 0 || s.charAt(end - 1) != '.') {
      return false;
    }
    int wordStart = end - 1;
    while (wordStart > 0 && Character.isLetter(s.charAt(wordStart - 1))) {
      wordStart--;
    }
    if (wordStart > 0
        && !Character.isWhitespace(s.charAt(wordStart - 1))
        && s.charAt(wordStart - 1) != '(') {
      return false;
    }
    return wordStart < end - 1 && ABBREVIATIONS.contains(s.substring(wordStart, end - 1));
  }
}
