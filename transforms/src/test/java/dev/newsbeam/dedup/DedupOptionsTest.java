package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --shingle} specs, {@code --containment} and {@code --minContainmentShingles}. */
class DedupOptionsTest {
  private static DedupSettings settings(String... args) {
    return DedupSettings.from(PipelineOptionsFactory.fromArgs(args).as(DedupOptions.class));
  }

  @Test
  void theDefaultsAreTodays() {
    DedupSettings s = settings();
    assertThat(s, equalTo(DedupSettings.defaults()));
    assertThat(s.shingle(), equalTo(ShingleSpec.chars(5)));
    assertThat(s.rule().containmentOn(), equalTo(true));
    assertThat(s.rule().figuresOn(), equalTo(true));
    assertThat(
        s.rule(),
        equalTo(
            new DuplicateRule(
                DedupSettings.DEFAULT_SIMILARITY,
                DedupSettings.DEFAULT_CONTAINMENT,
                96,
                DedupSettings.DEFAULT_FIGURE_AGREEMENT,
                DedupSettings.MIN_FIGURES)));
    // the defaults before character shingles, as options
    assertThat(
        settings("--shingle=3", "--similarity=0.3", "--containment=0", "--figureAgreement=0")
            .rule(),
        equalTo(new DuplicateRule(0.3, 0, 18, 0, DedupSettings.MIN_FIGURES)));
  }

  @Test
  void shingleSpecs() {
    assertThat(settings("--shingle=char:5").shingle(), equalTo(ShingleSpec.chars(5)));
    assertThat(settings("--shingle=word:4").shingle(), equalTo(ShingleSpec.words(4)));
    // a plain integer is word:N, as --shingle took before it had kinds
    assertThat(settings("--shingle=3").shingle(), equalTo(ShingleSpec.words(3)));
    assertThat(
        settings("--shingle=3"),
        equalTo(DedupSettings.defaults().withShingle(ShingleSpec.words(3))));
    assertThat(ShingleSpec.parse(" CHAR : 7 "), equalTo(ShingleSpec.chars(7)));
    assertThat(ShingleSpec.chars(5).toString(), equalTo("char:5"));
    assertThat(ShingleSpec.parse(ShingleSpec.words(2).toString()), equalTo(ShingleSpec.words(2)));
  }

  @ParameterizedTest(name = "--shingle={0}")
  @ValueSource(strings = {"char", "char:", "char:0", "word:-1", "byte:3", "word:x", "3.5", "x"})
  void badShingleSpecsAreRefusedClearly(String spec) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> settings("--shingle=" + spec));
    assertThat(e.getMessage(), containsString("--shingle must be word:N, char:N or N"));
    assertThat(e.getMessage(), containsString("'" + spec + "'"));
  }

  @Test
  void anEmptyShingleSpecIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ShingleSpec.parse(""));
    assertThrows(IllegalArgumentException.class, () -> ShingleSpec.parse(null));
  }

  @Test
  void containmentOptions() {
    DedupSettings s =
        settings("--containment=0.8", "--minContainmentShingles=120", "--figureAgreement=0");
    assertThat(
        s.rule(),
        equalTo(new DuplicateRule(s.similarity(), 0.8, 120, 0, DedupSettings.MIN_FIGURES)));
    assertThrows(IllegalArgumentException.class, () -> settings("--figureAgreement=1.5"));
    assertThrows(IllegalArgumentException.class, () -> settings("--containment=1.5"));
    assertThrows(IllegalArgumentException.class, () -> settings("--containment=-0.2"));
    assertThrows(IllegalArgumentException.class, () -> settings("--minContainmentShingles=-1"));
  }

  @Test
  void theDerivedFloorIsAboutOneSentenceOfTheShingleKind() {
    // word:3: 20 words give 18 shingles; char:5: 20 words of 5 letters give 96
    assertThat(
        settings("--containment=0.8", "--shingle=word:3").rule().minContainmentShingles(),
        equalTo(18));
    assertThat(
        settings("--containment=0.8", "--shingle=char:5").rule().minContainmentShingles(),
        equalTo(96));
    // an explicit value wins whatever the kind
    assertThat(
        settings("--shingle=char:5", "--minContainmentShingles=30").containmentMinShingles(),
        equalTo(30));
  }
}
