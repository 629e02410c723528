package dev.newsbeam.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShingleScoreTest {
  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // extracted | expected | precision | recall
        "a b c d e | a b c d e | 1.0 | 1.0",
        "A, b. C d E! | a b c d e | 1.0 | 1.0",
        "a b c d e f g | a b c d e | 0.5 | 1.0",
        "a b c d | a b c d e f g | 1.0 | 0.25",
        "x y z w | a b c d | 0.0 | 0.0",
        "a b | a b | 1.0 | 1.0",
      })
  void scoresFourTokenShingles(String got, String want, double p, double r) {
    ShingleScore s = ShingleScore.of(got, want);
    assertThat(s.precision(), closeTo(p, 1e-9));
    assertThat(s.recall(), closeTo(r, 1e-9));
  }
}
