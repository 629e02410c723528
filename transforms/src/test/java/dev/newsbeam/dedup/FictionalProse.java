package dev.newsbeam.dedup;

import java.util.SplittableRandom;

/**
 * A made-up wire story and ways to damage it, for tests of shingle kinds and containment. Every
 * name, place and event in it is invented.
 */
final class FictionalProse {
  private FictionalProse() {}

  /** Paragraphs of one fictional wire story, about 400 words in all. */
  static final String[] PARAGRAPHS = {
    "MARROWBY, Tuesday - Engineers in the river town of Marrowby finished the last section of a"
        + " long-delayed flood barrier on Tuesday, two winters after the Tessel burst its banks"
        + " and forced nearly four thousand residents from their homes.",
    "The barrier, a chain of steel gates and raised earth walls running for six kilometres"
        + " along the eastern bank, cost the regional council about 84 million crowns, almost"
        + " twice the figure it approved when work began.",
    "Mayor Ilse Varendonk said the town could finally plan for the future instead of the next"
        + " storm. \"For two years people have slept with one ear on the rain,\" she told"
        + " reporters at the opening. \"Tonight they can sleep.\"",
    "The project stalled for most of last year after the original contractor, Drossel"
        + " Hydraulics, withdrew in a dispute over soil surveys that showed softer ground than"
        + " expected beneath the old tannery district.",
    "A second firm took over in the spring and rebuilt the foundations of the northern"
        + " section, where the river bends sharply and the water rose fastest during the floods.",
    "Residents of the lower streets, many of whom still pay off repairs to cellars and ground"
        + " floors, greeted the news with cautious relief. Shopkeeper Aldo Pemberk said insurers"
        + " had refused to cover his bakery until the gates were in place.",
    "Hydrologists at the provincial water board warned that the barrier was designed for a"
        + " flood of the size seen two winters ago and that heavier rainfall upstream could still"
        + " overwhelm smaller tributaries that run through the west of the town.",
    "The council said it would spend the coming year on pumping stations for those streams and"
        + " on a warning system that sends alerts to telephones when the river gauge at"
        + " Kettelbrug passes a set level.",
    "Opposition councillors criticised the overruns and called for an independent review of"
        + " how the first contract was awarded. The council agreed to publish its correspondence"
        + " with the original contractor next month.",
    "The gates will be tested in a full closure exercise in October, when traffic on the river"
        + " road will be diverted for a weekend while crews check every seal and motor along the"
        + " line."
  };

  /** The whole story, paragraphs separated by blank lines. */
  static final String STORY = String.join("\n\n", PARAGRAPHS);

  /**
   * A brief made of two sentences that appear word for word in {@link #STORY}, as a news digest
   * might lift them.
   */
  static final String BRIEF =
      "A second firm took over in the spring and rebuilt the foundations of the northern"
          + " section, where the river bends sharply and the water rose fastest during the floods."
          + " The council agreed to publish its correspondence with the original contractor next"
          + " month.";

  /** A line lifted from {@link #STORY}, shorter than one news sentence: a caption, a pull quote. */
  static final String LINE =
      "Mayor Ilse Varendonk said the town could finally plan for the future.";

  /**
   * Paragraphs that replace the last six paragraphs of {@link #STORY} in another outlet's rewrite
   * of it: the same event, reported on from a later council meeting.
   */
  static final String[] REWRITTEN_HALF = {
    "By Wednesday morning the council had received more than two hundred questions from residents"
        + " about whether their streets lay inside the protected zone, a spokeswoman said.",
    "A map published on the council's website shows the gates shielding the old market, the"
        + " tannery district and the school on Linden Row, but not the caravan park on the far"
        + " side of the railway embankment.",
    "Park owner Betje Harlinck said her tenants felt forgotten. \"We were under a metre of water"
        + " and nobody has told us what happens next time,\" she said by telephone.",
    "Council officers said a separate study of the embankment would report before the end of"
        + " the year and that temporary barriers could be stored nearby in the meantime.",
    "The regional transport authority said the river road would reopen to lorries once the"
        + " final inspection of the gate motors was signed off by the engineers."
  };

  /** Another fictional wire story, on nothing that {@link #STORY} mentions. */
  static final String[] OTHER_STORY = {
    "HALVERSTEAD, Monday - The cooperative that runs the Halverstead cheese market voted on"
        + " Monday to admit farmers from the three neighbouring valleys, ending a membership rule"
        + " that dates back to the market's founding.",
    "Members approved the change by 212 votes to 61 after a debate of nearly four hours in the"
        + " market hall, chair Oswin Trevelde said.",
    "Producers from the valleys have sold through brokers for decades and paid a fee of about"
        + " six percent on each wheel, which the cooperative said it would now waive for the"
        + " first two seasons."
  };

  /** The first {@code paragraphs} paragraphs of the story: an abridged (prefix) copy. */
  static String prefix(int paragraphs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < paragraphs; i++) {
      if (i > 0) {
        b.append("\n\n");
      }
      b.append(PARAGRAPHS[i]);
    }
    return b.toString();
  }

  /**
   * {@code text} with {@code share} of its ASCII letters replaced, at seeded positions, by another
   * lower-case letter: character noise as OCR or a careless re-typing leaves it (spaces and
   * punctuation untouched).
   */
  static String substituteLetters(String text, double share, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    char[] chars = text.toCharArray();
    int letters = 0;
    for (char c : chars) {
      if (isAsciiLetter(c)) {
        letters++;
      }
    }
    int changes = (int) Math.round(letters * share);
    int done = 0;
    while (done < changes) {
      int i = random.nextInt(chars.length);
      if (!isAsciiLetter(chars[i]) || chars[i] != text.charAt(i)) {
        continue; // not a letter, or already changed
      }
      char lower = Character.toLowerCase(chars[i]);
      char replacement;
      do {
        replacement = (char) ('a' + random.nextInt(26));
      } while (replacement == lower);
      chars[i] = replacement;
      done++;
    }
    return new String(chars);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
