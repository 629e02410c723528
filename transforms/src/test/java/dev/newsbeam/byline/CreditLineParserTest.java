package dev.newsbeam.byline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Credit lines, one row each: line => people as name/role@location (; separated, @ only when
 * located).
 */
class CreditLineParserTest {
  private static final CreditLineParser PARSER = new CreditLineParser(OutletRegistry.bundled());

  private static final String TABLE =
      """
      CNN's Priya Ballard and Mateo Crespi contributed to this report. => Priya Ballard/contributor; Mateo Crespi/contributor
      CNN’s Priya Ballard and Mateo Crespi contributed to this report. => Priya Ballard/contributor; Mateo Crespi/contributor
      -- CNN's Halvard Moen contributed to this report => Halvard Moen/contributor
      CNN's Ada Fenn, Bram Osei, Cleo Rask and Dov Mahler contributed to this report => Ada Fenn/contributor; Bram Osei/contributor; Cleo Rask/contributor; Dov Mahler/contributor
      Reporting by Signe Hallberg in Lisbon; Additional reporting by Osei Mensah; Writing by Harriet Voss; Editing by Conrad Mill and Elspeth Rae => Signe Hallberg/reporter@Lisbon; Osei Mensah/contributor; Harriet Voss/writer; Conrad Mill/editor; Elspeth Rae/editor
      (Reporting by Signe Hallberg; Editing by Conrad Mill) => Signe Hallberg/reporter; Conrad Mill/editor
      (Reporting by Ilse Brandt and Yaw Darko; Editing by Tomas Ruud and Mina Sato) => Ilse Brandt/reporter; Yaw Darko/reporter; Tomas Ruud/editor; Mina Sato/editor
      Reporting by Ilse Brandt, additional reporting by Yaw Darko, writing by Mina Sato, Editing by Tomas Ruud => Ilse Brandt/reporter; Yaw Darko/contributor; Mina Sato/writer; Tomas Ruud/editor
      Reporting by Ilse Brandt in Kyiv, Yaw Darko in The Hague and Mina Sato in London; Writing by Mina Sato => Ilse Brandt/reporter@Kyiv; Yaw Darko/reporter@The Hague; Mina Sato/reporter@London; Mina Sato/writer
      Additional reporting by Ilse Brandt and Yaw Darko in Washington and Mina Sato in Tokyo => Ilse Brandt/contributor@Washington; Yaw Darko/contributor@Washington; Mina Sato/contributor@Tokyo
      Compiled by Oona Castell; Editing by Piers Lamb => Oona Castell/compiler; Piers Lamb/editor
      Associated Press writers Dario Velasquez in Paris and Fiona Hartigan in Rome contributed. => Dario Velasquez/contributor@Paris; Fiona Hartigan/contributor@Rome
      Associated Press writers Dario Velasquez in Tulsa, Oklahoma, and Fiona Hartigan in Rome contributed to this report. => Dario Velasquez/contributor@Tulsa, Oklahoma; Fiona Hartigan/contributor@Rome
      Associated Press writer Dario Velasquez in Paris contributed to this report. => Dario Velasquez/contributor@Paris
      With reporting by Associated Press writer Anil Mehra => Anil Mehra/contributor
      — With assistance from Noor Haddad and Lorcan Tierney => Noor Haddad/contributor; Lorcan Tierney/contributor
      --With assistance by Noor Haddad, Lorcan Tierney and Ilka Varga => Noor Haddad/contributor; Lorcan Tierney/contributor; Ilka Varga/contributor
      Linus Ekdahl contributed to this report from Oslo. => Linus Ekdahl/contributor@Oslo
      Linus Ekdahl and Marit Dahl contributed reporting. => Linus Ekdahl/contributor; Marit Dahl/contributor
      Oriane Fox, Tiago Melo, and Bea Kowal contributed to this guide. => Oriane Fox/contributor; Tiago Melo/contributor; Bea Kowal/contributor
      (AP Photo/Ines Barros) => Ines Barros/photographer
      Staff writer Liv Aasen contributed to this report. => Liv Aasen/contributor
      Reuters reporters Liv Aasen and Emeka Obi contributed. => Liv Aasen/contributor; Emeka Obi/contributor
      Liv Aasen of The Washington Post contributed to this report. => Liv Aasen/contributor
      Reporting By Liv Aasen; editing by Emeka Obi => Liv Aasen/reporter; Emeka Obi/editor
      Liv Aasen in Paris, Emeka Obi in London and Jorge Sa in Berlin contributed reporting. => Liv Aasen/contributor@Paris; Emeka Obi/contributor@London; Jorge Sa/contributor@Berlin
      Okafor reported from Abuja and Lindqvist from Oslo. =>
      Rising costs contributed to this decline. =>
      The strike contributed to this report's delay. =>
      Many readers contributed to this report. =>
      This is a developing story and will be updated. =>
      Shares fell by 3 percent in early trading. =>
      """;

  static Stream<Arguments> table() {
    return TABLE
        .lines()
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              String[] cols = l.split("\\s*=>\\s*", -1);
              List<String> people =
                  cols[1].isBlank()
                      ? List.of()
                      : Arrays.stream(cols[1].split(";")).map(String::strip).toList();
              return Arguments.of(cols[0].strip(), people);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void parsesPeopleRolesAndLocations(String line, List<String> expected) {
    List<String> got =
        PARSER.parseLine(line).stream()
            .map(p -> p.name() + "/" + p.role() + (p.location() == null ? "" : "@" + p.location()))
            .toList();
    assertThat(got, equalTo(expected));
  }

  @Test
  void outletPrefixBecomesTheAffiliation() {
    assertThat(
        PARSER.parseLine("CNN's Priya Ballard contributed to this report.").get(0).affiliation(),
        is("CNN"));
  }

  @Test
  void removesCreditLinesAmongTheLastLinesAndKeepsTheRest() {
    String body =
        "The council met on Tuesday.\n\nIt will meet again in May.\n\n"
            + "CNN's Priya Ballard and Mateo Crespi contributed to this report.\n\n"
            + "This is a developing story and will be updated.\n";
    CreditLineParser.Result r = PARSER.parse(body);
    assertThat(
        r.people().stream().map(Person::name).toList(),
        equalTo(List.of("Priya Ballard", "Mateo Crespi")));
    assertThat(
        r.body(),
        equalTo(
            "The council met on Tuesday.\n\nIt will meet again in May.\n\n"
                + "This is a developing story and will be updated.\n"));
    assertThat(r.creditLines(), is(1));
  }

  @Test
  void removesTheReutersSignOffAndAGluedParentheticalCredit() {
    String body =
        "OSLO, March 3 - The bank cut its rate, it said. (Reporting by Signe Hallberg; Editing by Conrad Mill)\n Reuter\n";
    CreditLineParser.Result r = PARSER.parse(body);
    assertThat(r.signOffRemoved(), is(true));
    assertThat(r.body(), equalTo("OSLO, March 3 - The bank cut its rate, it said.\n"));
    assertThat(
        r.people().stream().map(Person::role).toList(), equalTo(List.of("reporter", "editor")));
  }

  @Test
  void removesOutletOnlyCreditLinesWithoutInventingPeople() {
    CreditLineParser.Result r =
        PARSER.parse("The dam held.\n\nThe Associated Press contributed to this report.\n");
    assertThat(r.body(), equalTo("The dam held.\n"));
    assertThat(r.people(), empty());
  }

  @Test
  void leavesBodiesWithoutCreditsUntouched() {
    String body = "Rising costs contributed to the loss.\nThe firm said sales rose by 4 pct.\n";
    CreditLineParser.Result r = PARSER.parse(body);
    assertThat(r.body(), equalTo(body));
    assertThat(r.people(), empty());
  }

  @Test
  void reuterInsideProseIsNotASignOff() {
    String body = "Analysts at Reuter said so.\nThe end.\n";
    assertThat(PARSER.parse(body).body(), containsString("Reuter said"));
    assertThat(PARSER.parse(body).signOffRemoved(), is(false));
  }

  @Test
  void neverThrowsOnOddBodies() {
    for (String body :
        List.of(
            "",
            "\n\n\n",
            "Reuter",
            "(",
            "((Reporting by))",
            "contributed",
            "with assistance from",
            "x\n".repeat(5000),
            "Reporting by ; ; ;Editing by")) {
      assertThat(PARSER.parse(body), not(equalTo(null)));
    }
  }
}
