package dev.newsbeam.byline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutletRegistryTest {
  private static final OutletRegistry OUTLETS = OutletRegistry.bundled();

  @Test
  void bundledListHasMoreThanAHundredOutlets() {
    assertThat(OUTLETS.outlets().size(), greaterThanOrEqualTo(100));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Reuter | Reuters
      Reutersd | Reuters
      REUTERS | Reuters
      AP | AP
      The Associated Press | AP
      the associated  press. | AP
      AFP | AFP
      dpa | dpa
      Xinhua | Xinhua
      EFE | EFE
      CNN Business | CNN
      Dailymail.Com | Daily Mail
      NEW YORK DAILY NEWS | New York Daily News
      Washington Post | The Washington Post
      Barron’s | Barron's
      """)
  void canonicalisesAliases(String alias, String canonical) {
    assertThat(OUTLETS.lookup(alias).canonical(), is(canonical));
  }

  @Test
  void unknownTextIsNotAnOutlet() {
    assertThat(OUTLETS.lookup("Gazette of Nowhere"), nullValue());
    assertThat(OUTLETS.canonicalOrRaw(" Gazette of Nowhere "), is("Gazette of Nowhere"));
    assertThat(OUTLETS.canonicalOrRaw(null), nullValue());
  }

  @Test
  void ambiguousAliasesAreNotCutOffNames() {
    assertThat(OUTLETS.outletSuffixLength(List.of("Lena", "Sun")), is(0));
    assertThat(OUTLETS.outletSuffixLength(List.of("Brad", "Okoro", "Reuters")), is(1));
    assertThat(OUTLETS.outletSuffixLength(List.of("Ana", "Pa")), is(0));
    assertThat(
        OUTLETS.outletSuffixLength(List.of("Meg", "Ito", "NEW", "YORK", "DAILY", "NEWS")), is(4));
  }

  @Test
  void malformedLinesFailWithTheirNumber() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                OutletRegistry.load(
                    new StringReader("# comment\nCNN\toutlet\tCNN\nbroken line\n")));
    assertThat(e.getMessage().contains("line 3"), is(true));
  }
}
