package dev.newsbeam.byline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byline patterns, one row each: raw byline => expected authors (; separated) => outlet (- for
 * none).
 */
class BylineParserTest {
  private static final BylineParser PARSER = BylineParser.withBundledOutlets();

  private static final String TABLE =
      """
      By Mirela Okonkwo and Tobias Lindqvist, CNN => Mirela Okonkwo; Tobias Lindqvist => CNN
      By Anouk Verhaegen, Ravi Castellano, and Idris Falkenrath, CNN => Anouk Verhaegen; Ravi Castellano; Idris Falkenrath => CNN
      By Anouk Verhaegen, Ravi Castellano and Idris Falkenrath => Anouk Verhaegen; Ravi Castellano; Idris Falkenrath => -
      By Petra Janowski & Olu Adebayo-Marsh => Petra Janowski; Olu Adebayo-Marsh => -
      By Kerstin Vallo; Amadou Reyes => Kerstin Vallo; Amadou Reyes => -
      Lorna Quist | Benedek Harrow => Lorna Quist; Benedek Harrow => -
      Fenna Ruiz · CBC News => Fenna Ruiz => CBC News
      By Ottilie Brand - Associated Press - Tuesday, May 6, 2025 => Ottilie Brand => AP
      By Ottilie Brand – The Associated Press => Ottilie Brand => AP
      Cosima Ferrante;Leopold Aske;Nkechi Obi => Cosima Ferrante; Leopold Aske; Nkechi Obi => -
      By Jane Quarry | Reuters => Jane Quarry => Reuters
      Pieter Brandsma · Yahoo News => Pieter Brandsma => Yahoo News
      By: Imelda Sorensen , Dario Pazienza, The Associated Press => Imelda Sorensen; Dario Pazienza => AP
      BY TED MARRASCO, Reuters => Ted Marrasco => Reuters
      BY ISOBEL VAN DER MERWE => Isobel van der Merwe => -
      BY CARLOS DE LA FUENTE AND ANA DEL RIO, REUTERS => Carlos de la Fuente; Ana del Rio => Reuters
      BY SEAMUS O'HALLORAN => Seamus O'Halloran => -
      BY TED D'ARCANGELO, REUTERS => Ted D'Arcangelo => Reuters
      BY TED d'ARCANGELO, Reuters => Ted D'Arcangelo => Reuters
      BY ANA de SOUSA => Ana de Sousa => -
      BY FIONA MCCRAITH, AFP => Fiona McCraith => AFP
      BY AOIFE NÍ DHUINN => Aoife Ní Dhuinn => -
      BY JEAN-LUC PERRAULT-VANCE => Jean-Luc Perrault-Vance => -
      BY MARTIN ELLSWORTH JR. => Martin Ellsworth Jr. => -
      BY TOM NEWTON-FAIRBAIRN, Chief Political Correspondent => Tom Newton-Fairbairn => -
      BY GRETA LUNDQVIST AND HARUTO SASAKI => Greta Lundqvist; Haruto Sasaki => -
      By ABBY LOCKWOOD and BYRON TELLER => Abby Lockwood; Byron Teller => -
      By Abigail Byers => Abigail Byers => -
      By by Colm Rafferty => Colm Rafferty => -
      by Saskia Brevik, Reuters => Saskia Brevik => Reuters
      By keith orwin, Reuters => Keith Orwin => Reuters
      By Harold Quennell Jr. => Harold Quennell Jr. => -
      By Martin Ellsworth III, AP => Martin Ellsworth III => AP
      Harold Quennell Jr., Washington Post => Harold Quennell Jr. => The Washington Post
      By Dr. Helga Strand => Helga Strand => -
      By Prof. Arun Maheshwaran and Ms. Dora Kettle => Arun Maheshwaran; Dora Kettle => -
      By Sir Alistair Penhallow => Alistair Penhallow => -
      Hyacinth Moreau, PhD, and Elias Grunwald, MD => Hyacinth Moreau, PhD; Elias Grunwald, MD => -
      By Constance Ridley, Ph.D. => Constance Ridley, Ph.D. => -
      Story by Yannick Bellweather => Yannick Bellweather => -
      Written by Clementine Oyelaran => Clementine Oyelaran => -
      Analysis by Brandt Ekwueme, CNN => Brandt Ekwueme => CNN
      Opinion by Rosalind Achterberg => Rosalind Achterberg => -
      Story by Gideon Marsh • 2h => Gideon Marsh => -
      By Wilhelmina Tsoukalas, Staff Writer => Wilhelmina Tsoukalas => -
      By Corwin Abernathy, Political Editor => Corwin Abernathy => -
      By Marguerite Lasalle Business reporter, BBC News => Marguerite Lasalle => BBC News
      By Ramona Quist-Halvorsen Staff Writer => Ramona Quist-Halvorsen => -
      By Ramona Quist-Halvorsen, Staff Writer, Los Angeles Times => Ramona Quist-Halvorsen => Los Angeles Times
      By Kwame Boateng, Contributing Writer => Kwame Boateng => -
      By Henrike Falk, Senior Economics Correspondent, Bloomberg => Henrike Falk => Bloomberg
      By Ismay Caldwell in Beirut and Tarquin Reade, Middle East correspondent => Ismay Caldwell; Tarquin Reade => -
      By Ruairi Pell News Reporter Sigrid Almqvist News Reporter Hal Brecken Nadia Fenwick => Ruairi Pell; Sigrid Almqvist; Hal Brecken; Nadia Fenwick => -
      By Odalys Varga in Tokyo => Odalys Varga => -
      By Kasimir Holt in Lagos and Priya Venkatesan in Nairobi => Kasimir Holt; Priya Venkatesan => -
      By Esther Quon | equon@al.com => Esther Quon => AL.com
      By Barnaby Steele @barnsteele => Barnaby Steele => -
      Philippa Norgaard @pnorgaard 11:57AM => Philippa Norgaard => -
      Severin Lowe Email The Author slowe@al.com => Severin Lowe => AL.com
      By Hollis Fairweather, CNN Updated 4:32 PM EST, Mon March 3, 2025 => Hollis Fairweather => CNN
      By Hollis Fairweather, CNN Published 9:05 AM EDT, Thu April 10, 2025 => Hollis Fairweather => CNN
      By Bettina Scholl | November 02, 2024 => Bettina Scholl => -
      By Auberon Clay 30 August 2024 • 4:45pm => Auberon Clay => -
      by Saskia Brevik, Jonah Mireles, and Tamsin Roe Sept => Saskia Brevik; Jonah Mireles; Tamsin Roe => -
      Associated Press => => AP
      By The Associated Press => => AP
      By Associated Press => => AP
      Reuters Staff => => Reuters
      From staff reports => => -
      Staff and wire reports => => -
      By STAFF => => -
      AFP => => AFP
      BELGA => => Belga
      /ritzau/ => => Ritzau
      By Reuters => => Reuters
      By: CNN Wire => => CNN
      Associated Press in Valencia => => AP
      Sports Reporter => => -
      Guardian staff reporter => => The Guardian
      Seattle Times staff => => The Seattle Times
      By Linnea Sorvino, Reutersd => Linnea Sorvino => Reuters
      By Torvald Henning, Reuter => Torvald Henning => Reuters
      By Torvald Henning, Reuters. => Torvald Henning => Reuters
      By Malachy Dunmore Reuters => Malachy Dunmore => Reuters
      By Zofia Pellinen CNN => Zofia Pellinen => CNN
      By Greer Holloway The Associated Press => Greer Holloway => AP
      By Greer Holloway and Iker Zubiri The Associated Press => Greer Holloway; Iker Zubiri => AP
      By Ines Calloway NEW YORK DAILY NEWS => Ines Calloway => New York Daily News
      By Thaddeus Brightwater Washington Post => Thaddeus Brightwater => The Washington Post
      By Honora Pike For Dailymail.Com => Honora Pike => Daily Mail
      Rufus Castellane for Metro.co.uk => Rufus Castellane => Metro
      By Esme Whitlock and Jasper Crane for the Daily Mail => Esme Whitlock; Jasper Crane => Daily Mail
      By Delphine Araya, Special to The Sun => Delphine Araya => The Sun
      By Ambrose Kilbride, CNN Business => Ambrose Kilbride => CNN
      Quentin Harlow, TIME => Quentin Harlow => TIME
      By Juno Pettersen, dpa => Juno Pettersen => dpa
      By Ulrich Brenner (dpa) => Ulrich Brenner => dpa
      By Wen Xiaoli, Xinhua => Wen Xiaoli => Xinhua
      By Alba Ferreiro, EFE => Alba Ferreiro => EFE
      By Ayesha Qureshi, Kyodo News => Ayesha Qureshi => Kyodo
      By Dmitri Volkonsky, TASS => Dmitri Volkonsky => TASS
      By Lucía Barbosa and Tomé Azevedo, Lusa => Lucía Barbosa; Tomé Azevedo => Lusa
      By Yusuf Demir, Anadolu Agency => Yusuf Demir => Anadolu Agency
      By Marek Novak, CTK => Marek Novak => CTK
      By Hamish Wedderburn - Bloomberg News => Hamish Wedderburn => Bloomberg
      By Rhiannon Pryce, The Guardian => Rhiannon Pryce => The Guardian
      By Felix Ashdown, Sky News => Felix Ashdown => Sky News
      By Jean-Baptiste Okafor, AFP, and Mireille Santos, Reuters => Jean-Baptiste Okafor; Mireille Santos => AFP
      By Lena Sun => Lena Sun => -
      By Maya Time => Maya Time => -
      By Sandra Day => Sandra Day => -
      By Roisin May, Reuters => Roisin May => Reuters
      By Orla Bloomberg => Orla Bloomberg => -
      By Zephyrine => Zephyrine => -
      By Solveig De Witt => Solveig De Witt => -
      By Isobel van der Merwe and Luuk de Vries => Isobel van der Merwe; Luuk de Vries => -
      By Al Penrose and Ben Tolliver => Al Penrose; Ben Tolliver => -
      Will Ashcombe and Ed Farrow => Will Ashcombe; Ed Farrow => -
      By Kim Min-jun and Lee Seo-yeon, Yonhap => Kim Min-jun; Lee Seo-yeon => Yonhap
      By Nguyen Van An => Nguyen Van An => -
      By Tay Wei Ling, Reuters => Tay Wei Ling => Reuters
      Amara "Tilly" Osei => Amara "Tilly" Osei => -
      Ngozi Ekwueme-Barrett, Luuk de Vries, Matías Iñárritu, NDR => Ngozi Ekwueme-Barrett; Luuk de Vries; Matías Iñárritu => NDR
      By Ségolène Marchetti => Ségolène Marchetti => -
      Brianna O’Loughlin, Tobias Kerr => Brianna O’Loughlin; Tobias Kerr => -
      By Mireille K. Santos and J.R. Abernathy => Mireille K. Santos; J.R. Abernathy => -
      By Njeri Wambui and Otieno Kamau, Nation => Njeri Wambui; Otieno Kamau => -
      By The New York Times Produced by Odile Marchbank, Photographs by Kester Vane, Written by Roswitha Lund => Roswitha Lund => The New York Times
      By Gwendolyn Arce Illustration by Piet Haverkamp => Gwendolyn Arce => -
      Text by Valentina Orsini, photos by Emil Sandvik => Valentina Orsini => -
      By HELKA VAINIO AP Business Writer => Helka Vainio => AP
      By HELKA VAINIO, Associated Press Writer => Helka Vainio => AP
      By Helka Vainio and Bruno Lessard / Reuters => Helka Vainio; Bruno Lessard => Reuters
      By CNN's Helka Vainio => Helka Vainio => CNN
      By Helka Vainio with Bruno Lessard => Helka Vainio; Bruno Lessard => -
      By Our Correspondent => => -
      By A Staff Writer => => -
      Times staff writer Helka Vainio => Helka Vainio => -
      BY GRAINNE O'DONNELL-MCBRIDE => Grainne O'Donnell-McBride => -
      BY JOSÉ MARÍA GARCÍA DE LA TORRE => José María García de la Torre => -
      By Helka Vainio on March 3, 2025 => Helka Vainio => -
      Helka Vainio, CNN Senior White House Correspondent => Helka Vainio => CNN
      Staff Writer Helka Vainio => Helka Vainio => -
      By Helka Vainio Bloomberg => Helka Vainio => Bloomberg
      By Helka Vainio—CNN => Helka Vainio => CNN
      By Helka Vainio of Reuters => Helka Vainio => Reuters
      By Helka Vainio, Tokyo Correspondent => Helka Vainio => -
      By Helka Vainio and the Associated Press => Helka Vainio => AP
      The company said on Monday that profits rose sharply => => -
      Click here to subscribe to our newsletter => => -
      By clicking submit you agree to the terms => => -
      12:45 PM => => -
      Photo: Getty Images => => -
      """;

  static Stream<Arguments> table() {
    return TABLE
        .lines()
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              String[] cols = l.split("\\s*=>\\s*", -1);
              if (cols.length != 3) {
                throw new IllegalArgumentException("bad table row: " + l);
              }
              List<String> authors =
                  cols[1].isBlank()
                      ? List.of()
                      : Arrays.stream(cols[1].split(";")).map(String::strip).toList();
              String outlet = cols[2].strip().equals("-") ? null : cols[2].strip();
              return Arguments.of(cols[0].strip(), authors, outlet);
            });
  }

  @Test
  void tableHasAtLeastAHundredCases() {
    assertThat(table().count() >= 100, is(true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void parsesAuthorsAndOutlet(String raw, List<String> authors, String outlet) {
    ParsedByline parsed = PARSER.parse(raw);
    assertThat(parsed.authors().stream().map(Person::name).toList(), equalTo(authors));
    assertThat(parsed.outlet(), equalTo(outlet));
  }

  @Test
  void jobTitlesAndLocationsGoToFieldsNotNames() {
    ParsedByline parsed =
        PARSER.parse("By Ismay Caldwell in Beirut and Tarquin Reade, Middle East correspondent");
    assertThat(
        parsed.authors(),
        contains(
            new Person("Ismay Caldwell", "author", null, "Beirut"),
            new Person("Tarquin Reade", "author", "Middle East correspondent", null)));
  }

  @Test
  void outletBecomesTheAffiliationOfEveryAuthor() {
    ParsedByline parsed = PARSER.parse("By Mirela Okonkwo and Tobias Lindqvist, CNN");
    assertThat(parsed.authors().stream().map(Person::affiliation).toList(), contains("CNN", "CNN"));
  }

  @Test
  void aLocationClosingAnAndGroupAppliesToTheGroup() {
    ParsedByline parsed = PARSER.parse("By Kasimir Holt and Priya Venkatesan in Nairobi");
    assertThat(
        parsed.authors().stream().map(Person::location).toList(), contains("Nairobi", "Nairobi"));
  }

  @Test
  void otherBylineRolesAreKeptWithTheirRole() {
    ParsedByline parsed =
        PARSER.parse(
            "By The New York Times Produced by Odile Marchbank, Photographs by Kester Vane, Written by Roswitha Lund");
    assertThat(
        parsed.people(),
        contains(
            new Person("Odile Marchbank", "producer", null, null),
            new Person("Kester Vane", "photographer", null, null),
            new Person("Roswitha Lund", "author", "The New York Times", null)));
  }

  @Test
  void outletOnlyAndGenericBylinesAreNotUnparsed() {
    assertThat(PARSER.parse("By The Associated Press").status(), is(ParsedByline.Status.NO_PERSON));
    assertThat(PARSER.parse("From staff reports").status(), is(ParsedByline.Status.NO_PERSON));
    assertThat(PARSER.parse("Sports Reporter").title(), is("Sports Reporter"));
    assertThat(PARSER.parse("Associated Press in Valencia").location(), is("Valencia"));
  }

  @Test
  void prosePunctuationAndBlanksAreUnparsedOrEmpty() {
    assertThat(
        PARSER.parse("The company said on Monday that profits rose").status(),
        is(ParsedByline.Status.UNPARSED));
    assertThat(PARSER.parse("!!! ???").status(), is(ParsedByline.Status.UNPARSED));
    assertThat(PARSER.parse(null).status(), is(ParsedByline.Status.EMPTY));
    assertThat(PARSER.parse("   ").status(), is(ParsedByline.Status.EMPTY));
  }

  @Test
  void neverThrowsOnRandomInput() {
    Random random = new Random(20250212L);
    String alphabet = "ab ,;|&·•-—()\"'’@./:ByANDand\u00e9\u00f1XYZ0123456789\n\t";
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(120);
      for (int j = 0; j < n; j++) {
        b.append(
            random.nextInt(10) == 0
                ? (char) random.nextInt(0x3000)
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      inputs.add(b.toString());
    }
    inputs.add("By " + "A".repeat(5000));
    inputs.add("By " + "John Smith, ".repeat(400));
    for (String input : inputs) {
      ParsedByline parsed = PARSER.parse(input);
      assertThat(parsed, notNullValue());
      assertThat(parsed.status(), notNullValue());
      for (Person p : parsed.people()) {
        assertThat(p.name().isBlank(), is(false));
      }
    }
  }

  @Test
  void aLongListStillYieldsItsNames() {
    ParsedByline parsed =
        PARSER.parse(
            "By Tove Ask, Lior Ben-Ami, Mehmet Kaya, Rosa Lind, Ugo Neri, Pia Ott and Zara Vance");
    assertThat(parsed.authors().size(), is(7));
    assertThat(parsed.outlet(), nullValue());
    assertThat(parsed.authors().get(1).name(), is("Lior Ben-Ami"));
    assertThat(parsed.authors(), not(empty()));
  }
}
