package dev.newsbeam.topics;

import dev.newsbeam.schema.Article;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small labelled corpus we generate ourselves: three topics with their own vocabularies plus
 * noise.
 */
final class Synthetic {
  private Synthetic() {}

  static final String[] HARVEST = {
    "harvest", "wheat", "farmers", "barley", "tonnes", "rainfall", "crop", "silo"
  };
  static final String[] MERGER = {
    "merger", "takeover", "shareholders", "bid", "stake", "acquire", "board", "offer"
  };
  static final String[] RACE = {
    "marathon", "runner", "finish", "medal", "sprint", "stadium", "athlete", "record"
  };
  static final String[] NOISE = {
    "monday",
    "official",
    "said",
    "week",
    "city",
    "report",
    "people",
    "year",
    "plan",
    "group",
    "local",
    "new",
    "last",
    "spokesman"
  };

  static Article article(String id, String title, String text, List<String> labels, LocalDate day) {
    return Article.newBuilder()
        .setId(id)
        .setSource("synthetic:" + id)
        .setInputFormat("jsonl")
        .setTitle(title)
        .setText(text)
        .setPublishedDate(day)
        .setLabels(labels)
        .build();
  }

  /**
   * {@code n} articles; every third one about harvests, mergers or races; some carry two labels.
   */
  static List<Article> corpus(int n, long seed) {
    Random r = new Random(seed);
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> labels = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      int kind = i % 3;
      String[] words = kind == 0 ? HARVEST : kind == 1 ? MERGER : RACE;
      labels.add(kind == 0 ? "grain" : kind == 1 ? "acq" : "running");
      for (int w = 0; w < 25; w++) {
        text.append(words[r.nextInt(words.length)]).append(' ');
        text.append(NOISE[r.nextInt(NOISE.length)]).append(' ');
      }
      if (kind == 1 && i % 4 == 1) { // a takeover of a farm business: two labels
        labels.add("grain");
        for (int w = 0; w < 12; w++) {
          text.append(HARVEST[r.nextInt(HARVEST.length)]).append(' ');
        }
      }
      out.add(
          article(
              "syn-" + i,
              words[0] + " news",
              text.toString(),
              labels,
              LocalDate.of(2024, 1, 1).plusDays(i % 5)));
    }
    return out;
  }
}
