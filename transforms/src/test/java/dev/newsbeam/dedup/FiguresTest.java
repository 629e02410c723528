package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import dev.newsbeam.text.NewsAnalyzer;
import org.junit.jupiter.api.Test;

/** The figure test of {@link DuplicateRule}: templated notices apart, copies together. */
class FiguresTest {
  private static final String TEMPLATE =
      "%s said its board declared a quarterly dividend of %s cts a share, compared with %s cts a"
          + " share paid in the previous quarter. The dividend is payable June %s to shareholders"
          + " of record on May %s, the company said. The company, which has about %s mln shares"
          + " outstanding, said the decision reflected its confidence in its cash flow and that it"
          + " intends to keep paying a regular dividend to its shareholders in the years ahead.";

  private static final String BRIGHTWATER =
      String.format(TEMPLATE, "Brightwater Mills Inc", "18", "16", "14", "30", "42.5");
  private static final String HOLLOWAY =
      String.format(TEMPLATE, "Holloway Freight Corp", "9", "7", "21", "28", "118");

  private static DocSketch sketch(DedupSettings settings, String id, String text) {
    return new ArticleSketcher(settings).sketch(id, "src/" + id, text, 1L).sketch();
  }

  @Test
  void figuresAreTheWordsWithADigitReadAsTheDigitsOcrMistookForLetters() {
    assertThat(Figures.normalise("dividend"), empty());
    assertThat(Figures.normalise("so"), empty()); // confusable letters alone are no figure
    assertThat(Figures.normalise("1,250"), contains("1250"));
    assertThat(Figures.normalise("l987"), contains("1987")); // a scanned "1987"
    assertThat(Figures.normalise("4O.5"), contains("405"));
    assertThat(Figures.normalise("S12"), contains("512"));
    assertThat(Figures.normalise("18cts"), contains("18")); // "18 cts" that lost its space
    assertThat(Figures.normalise("12-for-3"), contains("12", "3"));
    // letters a scan turned into digits inside a word are no figure, nor is a lone 0 or 1
    assertThat(Figures.normalise("pre5ident"), empty());
    assertThat(Figures.normalise("h0use"), empty());
    assertThat(Figures.normalise("5upermarkets"), empty());
    assertThat(Figures.normalise("1"), empty());
    assertThat(Figures.normalise("0"), empty());
    assertThat(Figures.normalise("7"), contains("7"));
    NewsAnalyzer analyzer = NewsAnalyzer.defaults();
    assertThat(
        Figures.of("Sales rose 12.5 pct to 1,250 mln dlrs in l987.", analyzer),
        equalTo(Figures.of("Sales rose l2.5 pct to 1250 mln dlrs in 1987.", analyzer)));
    assertThat(Figures.of("No figures here at all.", analyzer).length, is(0));
    assertThat(
        Figures.of(BRIGHTWATER, analyzer), equalTo(Figures.of(analyzer.analyze(BRIGHTWATER))));
  }

  @Test
  void agreementIsTheShareOfTheSmallerSetInTheOtherUnlessItHasTooFewFigures() {
    int[] a = {1, 2, 3, 4};
    int[] b = {2, 3, 4, 5, 6, 7, 8, 9};
    assertThat(Figures.agreement(a, b, 3), closeTo(0.75, 1e-9));
    assertThat(Figures.agreement(b, a, 3), closeTo(0.75, 1e-9));
    assertThat(Figures.agreement(new int[] {1, 2}, new int[] {7, 8, 9}, 3), closeTo(1.0, 1e-9));
    assertThat(Figures.agreement(new int[0], b, 1), closeTo(1.0, 1e-9));
  }

  @Test
  void keepsTheFirstFiguresOfALongTextSoAPrefixHoldsAPrefixOfThem() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Figures.MAX_FIGURES + 40; i++) {
      text.append("Item ").append(1000 + i).append(" was sold. ");
    }
    NewsAnalyzer analyzer = NewsAnalyzer.defaults();
    int[] all = Figures.of(text.toString(), analyzer);
    assertThat(all.length, is(Figures.MAX_FIGURES));
    int[] prefix = Figures.of(text.substring(0, text.length() / 3), analyzer);
    assertThat(Figures.agreement(prefix, all, 3), closeTo(1.0, 1e-9));
  }

  @Test
  void twoCompaniesNoticesOnOneTemplateAreNotDuplicatesWithTheFigureTest() {
    DedupSettings plain = FictionalNews.wordJaccard();
    DedupSettings figures = plain.withFigureAgreement(0.5);
    // the template makes them look alike
    assertThat(
        DocSketch.similarity(sketch(plain, "b", BRIGHTWATER), sketch(plain, "h", HOLLOWAY)),
        greaterThan(0.3));
    assertThat(
        plain.rule().isDuplicate(sketch(plain, "b", BRIGHTWATER), sketch(plain, "h", HOLLOWAY)),
        is(true));
    DocSketch b = sketch(figures, "b", BRIGHTWATER);
    DocSketch h = sketch(figures, "h", HOLLOWAY);
    assertThat(Figures.agreement(b.figures, h.figures, DedupSettings.MIN_FIGURES), lessThan(0.5));
    assertThat(figures.rule().isDuplicate(b, h), is(false));
    // the sketch carries figures only when the test is on, so its shuffles do not grow otherwise
    assertThat(sketch(plain, "b", BRIGHTWATER).figures.length, is(0));
  }

  @Test
  void aScannedAbridgedCopyKeepsItsFiguresAndStaysADuplicate() {
    DedupSettings settings =
        DedupSettings.defaults()
            .withShingle(ShingleSpec.chars(5))
            .withContainment(0.7)
            .withFigureAgreement(0.5);
    String copy =
        BRIGHTWATER
            .substring(0, BRIGHTWATER.indexOf(" The company, which"))
            .replace("18 cts", "l8 cts")
            .replace("dividend", "divi- dend")
            .replace("shareholders", "sharehoIders");
    DocSketch story = sketch(settings, "story", BRIGHTWATER);
    DocSketch scanned = sketch(settings, "scan", copy);
    assertThat(Figures.agreement(story.figures, scanned.figures, 3), closeTo(1.0, 1e-9));
    assertThat(settings.rule().isDuplicate(story, scanned), is(true));
  }
}
