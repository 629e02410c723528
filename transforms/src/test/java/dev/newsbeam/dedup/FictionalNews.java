package dev.newsbeam.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Made-up words and stories for tests: seeded, so tests are repeatable; no real text involved. */
final class FictionalNews {
  /**
   * The dedup settings these fixtures were written for, the defaults before character shingles:
   * word 3-grams, Jaccard 0.3, no containment and no figure test.
   */
  static DedupSettings wordJaccard() {
    return DedupSettings.defaults()
        .withShingle(ShingleSpec.words(3))
        .withSimilarity(0.3)
        .withContainment(0)
        .withFigureAgreement(0);
  }

  private static final String[] SYLLABLES = {
    "ka", "lo", "mir", "ten", "su", "bra", "vel", "dor", "pi", "qua", "zen", "fo", "rel", "mun",
    "tas"
  };

  private final SplittableRandom random;
  private final List<String> vocabulary = new ArrayList<>();

  FictionalNews(long seed) {
    random = new SplittableRandom(seed);
    for (int i = 0; i < 3000; i++) {
      StringBuilder w = new StringBuilder();
      int parts = 2 + random.nextInt(2);
      for (int p = 0; p < parts; p++) {
        w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      vocabulary.add(w.toString());
    }
  }

  List<String> words(int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(vocabulary.get(random.nextInt(vocabulary.size())));
    }
    return out;
  }

  /** A copy with {@code share} of the words replaced by fresh ones, at seeded positions. */
  List<String> edit(List<String> words, double share) {
    List<String> out = new ArrayList<>(words);
    int edits = (int) Math.round(words.size() * share);
    for (int e = 0; e < edits; e++) {
      out.set(random.nextInt(out.size()), vocabulary.get(random.nextInt(vocabulary.size())));
    }
    return out;
  }

  static String text(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        b.append(i % 12 == 0 ? ". " : " ");
      }
      b.append(words.get(i));
    }
    return b.append('.').toString();
  }
}
