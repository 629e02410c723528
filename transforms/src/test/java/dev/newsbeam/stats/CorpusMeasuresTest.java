package dev.newsbeam.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import dev.newsbeam.schema.TermScore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TF-IDF, G² and PMI against values worked out by hand (the arithmetic is in each row's comment).
 */
class CorpusMeasuresTest {

  @ParameterizedTest(name = "G2({0},{1},{2},{3}) = {4}")
  @CsvSource({
    // E1 = 1000*30/10000 = 3, E2 = 27: 2*(10 ln(10/3) + 20 ln(20/27)) = 2*(12.0397 - 6.0021)
    "10, 20, 1000, 9000, 12.0753",
    // E1 = 6*3/14 = 1.2857, E2 = 1.7143: 2*(2 ln 1.5556 + ln 0.5833) = 2*(0.8837 - 0.5390)
    "2, 1, 6, 8, 0.6893",
    // b = 0 drops the second cell: E1 = 10*3/14 = 2.1429, 2*3 ln(1.4) = 2.0188
    "3, 0, 10, 4, 2.0188",
    // same relative frequency in group and rest: no evidence
    "5, 10, 100, 200, 0.0"
  })
  void logLikelihood(long a, long b, long c, long d, double expected) {
    assertThat(Keyness.g2(a, b, c, d), closeTo(expected, 5e-4));
  }

  @Test
  void overRepresentationAndLogRatio() {
    assertThat(Keyness.overRepresented(2, 1, 6, 8), is(true));
    assertThat(Keyness.overRepresented(1, 2, 6, 8), is(false));
    assertThat(Keyness.overRepresented(5, 10, 100, 200), is(false));
    // log2((2/6) / (1/8)) = log2(8/3)
    assertThat(Keyness.logRatio(2, 1, 6, 8), closeTo(1.41504, 1e-5));
    // b = 0 counts as 0.5: log2((2/8) / (0.5/6)) = log2(3)
    assertThat(Keyness.logRatio(2, 0, 8, 6), closeTo(1.58496, 1e-5));
  }

  @ParameterizedTest(name = "PMI({0},{1},{2},{3}) = {4}")
  @CsvSource({
    "4, 8, 4, 64, 3.0", // log2(4*64 / 32) = log2 8
    "1, 1, 1, 1, 0.0",
    "3, 3, 3, 14, 2.22239", // log2(14/3)
    "1, 10, 10, 50, -1.0" // log2(50/100)
  })
  void pointwiseMutualInformation(long pair, long x, long y, long total, double expected) {
    assertThat(Pmi.pmi(pair, x, y, total), closeTo(expected, 1e-5));
  }

  @Test
  void topTermsByTfIdfHighestFirstTiesByTerm() {
    Map<String, Integer> counts =
        Map.of("quill", 3, "said", 4, "dredge", 2, "harbour", 1, "pilot", 1);
    Map<String, Long> df =
        Map.of("quill", 1L, "said", 10L, "dredge", 2L, "harbour", 5L, "pilot", 5L);
    List<TermScore> top = TfIdf.top(counts, df::get, 10, 3);
    // quill 3 ln 10 = 6.908; dredge 2 ln 5 = 3.219; harbour = pilot = ln 2 = 0.693; said ln 1 = 0
    // dropped
    assertThat(
        top.stream().map(TermScore::getTerm).toList(), contains("quill", "dredge", "harbour"));
    assertThat(top.get(0).getTfidf(), closeTo(6.90776, 1e-5));
    assertThat(top.get(0).getCount(), is(3));
    assertThat(top.get(1).getTfidf(), closeTo(3.21888, 1e-5));
    assertThat(
        TfIdf.top(counts, df::get, 10, 10).stream().map(TermScore::getTerm).toList(),
        contains("quill", "dredge", "harbour", "pilot"));
  }

  @Test
  void emptyCorpusRanksNothing() {
    assertThat(TfIdf.top(Map.of("quill", 1), t -> 0L, 0, 10), empty());
  }

  @Test
  void idfClampsUnseenTerms() {
    assertThat(TfIdf.idf(100, 0), closeTo(Math.log(100), 1e-12));
    assertThat(TfIdf.idf(100, 100), is(0.0));
  }
}
