package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.newsbeam.text.TestTexts;
import dev.newsbeam.text.TestTexts.Sample;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass normalisation gives exactly what the step-by-step one gives, for any text. */
class TextFingerprintTest {

  /** Every UTF-16 unit, lone surrogates included, alone and between letters, spaces and sigma. */
  @ParameterizedTest(name = "context {0}")
  @ValueSource(strings = {"%s", "Ab%scD", "%s%s", " x %s\t", "Σ%sς", "a\u0301%s"})
  void everyCharInContext(String context) {
    for (int c = 0; c <= 0xFFFF; c++) {
      String ch = String.valueOf((char) c);
      String text = context.replace("%s", ch);
      assertThat(
          String.format("U+%04X in '%s'", c, context),
          TextFingerprint.normalise(text),
          equalTo(TextFingerprint.generalNormalise(text)));
    }
  }

  /** Characters whose folding, composition or whitespace class is special, mixed at random. */
  private static final String POOL =
      "aZ09 \t\n\r\u000B\f\u001C\u001F\u007F.,;:!?'\"-–—…“”‘’«»()[]{}<>$€£%&*+=/\\|_~^`@#"
          + "ßẞİıİiŉǅǆǈΣσςΐΰµÿŸÅÅΩΩKﬁﬂﬀ²½ⅫＡｚ０\u00A0\u2000\u2007\u200B\u2028\u2029\u202F"
          + "\u3000\u1680\u0301\u0308\u0327\u0345é\u00E9e\u0301ᄀ\u1161가각ÇçØøÆæ™©®°±×÷"
          + "€¥ДджЁёЖ中文日本語한국어";

  private static final String[] SUPPLEMENTARY = {"🗳️", "🚀", "👍🏽", "𝐀", "𝔸", "𐐀"};

  @Test
  void randomMixturesOfSpecialCharacters() {
    SplittableRandom random = new SplittableRandom(20_250_305);
    for (int t = 0; t < 50_000; t++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(24);
      // a share of mostly-ASCII texts with a few specials, like real news
      boolean mostlyAscii = random.nextBoolean();
      for (int i = 0; i < length; i++) {
        int pick = random.nextInt(100);
        if (pick < 3) {
          text.append(SUPPLEMENTARY[random.nextInt(SUPPLEMENTARY.length)]);
        } else if (mostlyAscii && pick < 85) {
          text.append((char) (' ' + random.nextInt(95)));
        } else {
          text.append(POOL.charAt(random.nextInt(POOL.length())));
        }
      }
      String s = text.toString();
      assertThat(s, TextFingerprint.normalise(s), equalTo(TextFingerprint.generalNormalise(s)));
    }
  }

  @Test
  void realTexts() {
    for (Sample s : TestTexts.all(10)) {
      for (String text : new String[] {s.title(), s.text()}) {
        String t = text == null ? "" : text;
        assertThat(
            s.name(),
            TextFingerprint.normalise(text),
            equalTo(TextFingerprint.generalNormalise(t)));
      }
    }
  }
}
