package dev.newsbeam.byline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Datelines: body start => location => agency => the body that remains (- for null). */
class DatelineParserTest {
  private static final DatelineParser PARSER = new DatelineParser(OutletRegistry.bundled());

  private static final String TABLE =
      """
      (CNN) — The mayor spoke. => - => CNN => The mayor spoke.
      (CNN)—The mayor spoke. => - => CNN => The mayor spoke.
      (CNN Business) — Stocks fell. => - => CNN => Stocks fell.
      WASHINGTON (Reuters) - The senate voted. => WASHINGTON => Reuters => The senate voted.
      KYIV, Ukraine (AP) — Sirens sounded. => KYIV, Ukraine => AP => Sirens sounded.
      LONDON, Feb 12 (Reuters) - Sterling rose. => LONDON => Reuters => Sterling rose.
      BEIJING, Jan 9 (Xinhua) -- Exports grew. => BEIJING => Xinhua => Exports grew.
      SALVADOR, Feb 26 - Showers continued. => SALVADOR => - => Showers continued.
      SALT LAKE CITY, Utah, March 3 - The firm said. => SALT LAKE CITY, Utah => - => The firm said.
      New York, March 25 - Prices rose. => New York => - => Prices rose.
      AMSTERDAM, 2 March - Shares fell. => AMSTERDAM => - => Shares fell.
      MADRID, May 4 (EFE) - El gobierno dijo. => MADRID => EFE => El gobierno dijo.
      BERLIN (dpa) - Die Regierung sagte. => BERLIN => dpa => Die Regierung sagte.
      PARIS (AFP) - Le gouvernement. => PARIS => AFP => Le gouvernement.
      LOS ANGELES (KTLA) — A fire broke out. => LOS ANGELES => KTLA => A fire broke out.
      WASHINGTON — The president said. => WASHINGTON => - => The president said.
      ****SANTO DOMINGO, March 4 - Sugar sold. => SANTO DOMINGO => - => Sugar sold.
      WASHINGTON, D.C. (AP) — The vote passed. => WASHINGTON, D.C. => AP => The vote passed.
      Washington (CNN) — The vote passed. => Washington => CNN => The vote passed.
      NEW DELHI, India, Feb. 12 (AP) — Rain fell. => NEW DELHI, India => AP => Rain fell.
      LONDON, Feb 12 (Reuters Breakingviews) - Banks. => LONDON => Reuters => Banks.
      (This story has been updated.) The mayor spoke. => - => - => (This story has been updated.) The mayor spoke.
      (Editor's note: this is old) - Readers asked. => - => - => (Editor's note: this is old) - Readers asked.
      CORRECTION - PARIS - FRENCH MINISTER RENEWS => - => - => CORRECTION - PARIS - FRENCH MINISTER RENEWS
      (CORRECTION) - The item said. => - => - => (CORRECTION) - The item said.
      The company said - quite loudly - that it won. => - => - => The company said - quite loudly - that it won.
      FEDERAL RESERVE WEEKLY REPORT 1 - Two weeks ended. => - => - => FEDERAL RESERVE WEEKLY REPORT 1 - Two weeks ended.
      Shares Fall - Analysts said. => - => - => Shares Fall - Analysts said.
      """;

  static Stream<Arguments> table() {
    return TABLE
        .lines()
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              String[] c = l.split("\\s*=>\\s*", -1);
              return Arguments.of(c[0].strip(), dash(c[1]), dash(c[2]), c[3].strip());
            });
  }

  private static String dash(String s) {
    return s.strip().equals("-") ? null : s.strip();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void splitsDatelineFromBody(String body, String location, String agency, String rest) {
    DatelineParser.Result r = PARSER.parse(body);
    if (location == null && agency == null) {
      assertThat(r.dateline(), nullValue());
    } else {
      assertThat(r.dateline().location(), equalTo(location));
      assertThat(r.dateline().agency(), equalTo(agency));
    }
    assertThat(r.body(), equalTo(rest));
  }

  @Test
  void rawIsTheRemovedTextWithItsDash() {
    assertThat(
        PARSER.parse("KYIV, Ukraine (AP) — Sirens sounded.").dateline().raw(),
        is("KYIV, Ukraine (AP) —"));
  }

  @Test
  void noBreakSpacesAroundTheDash() {
    DatelineParser.Result r = PARSER.parse("(CNN)\u00a0—\u00a0The mayor spoke.");
    assertThat(r.dateline().agency(), is("CNN"));
    assertThat(r.body(), is("The mayor spoke."));
  }

  @Test
  void neverThrows() {
    for (String s :
        new String[] {null, "", "(", "()", "A", "-", "(AP)", "X, Jan 1 -", "\n\n(AP) —\n"}) {
      assertThat(PARSER.parse(s).body() != null, is(true));
    }
  }
}
