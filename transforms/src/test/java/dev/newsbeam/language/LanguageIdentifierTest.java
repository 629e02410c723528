package dev.newsbeam.language;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageIdentifierTest {
  private final LanguageIdentifier id =
      LanguageIdentifier.shared(LanguageSettings.defaults().candidates());

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | The council voted on Tuesday to raise charges after engineers warned about the works.",
        "de | Der Stadtrat hat am Donnerstagabend mit großer Mehrheit ein neues Programm beschlossen.",
        "fr | Le conseil municipal a voté mardi soir une hausse des tarifs de l'eau pour les familles.",
        "es | El ayuntamiento aprobó el martes una subida de las tarifas del agua para los hogares.",
        "ru | Городской совет во вторник проголосовал за повышение тарифов на воду для семей.",
        "el | Το δημοτικό συμβούλιο ψήφισε την Τρίτη αύξηση των τιμολογίων νερού.",
        "ja | 市議会は火曜日、水道料金の値上げを賛成多数で可決した。",
        "ko | 시의회는 화요일 수도 요금 인상안을 통과시켰다.",
      })
  void identifiesTheLanguage(String language, String text) {
    LanguageIdentifier.Guess g = id.identify(text, null);
    assertThat(g.language(), equalTo(language));
    assertThat(g.confidence(), greaterThan(0.0));
  }

  @Test
  void aHintWinsOnlyWhenLinguaFindsItNearlyAsLikely() {
    String english = "The council voted on Tuesday to raise charges after engineers warned.";
    assertThat(id.identify(english, "de").language(), equalTo("en"));
    assertThat(id.identify("", "de").language(), equalTo("de"));
    assertThat(id.identify("12345 — 678", null).known(), is(false));
  }

  @Test
  void keptLanguagesAreParsedStrictly() {
    assertThat(LanguageSettings.withKeep("en, DE").keep(), equalTo(java.util.Set.of("en", "de")));
    assertThat(LanguageSettings.withKeep("").keeps(null), is(true));
    assertThat(LanguageSettings.withKeep("en").keeps(null), is(false));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> LanguageSettings.withKeep("english"));
  }
}
