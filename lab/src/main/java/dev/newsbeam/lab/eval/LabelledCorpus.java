package dev.newsbeam.lab.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.schema.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A labelled JSONL corpus held in memory for evaluation ({@code id}, {@code date}, {@code title},
 * {@code text}, {@code labels}), and its split by date. Evaluation needs the whole corpus ordered
 * by date, which is a job for one machine, not for the pipeline.
 */
public final class LabelledCorpus {
  private LabelledCorpus() {}

  /** Articles of {@code path} that carry at least one label, in file order. */
  public static List<Article> readLabelled(Path path) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Article> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = json.readTree(line);
        List<String> labels = new ArrayList<>();
        o.path("labels").forEach(l -> labels.add(l.asText()));
        if (labels.isEmpty() || !o.hasNonNull("text")) {
          continue;
        }
        String id = o.hasNonNull("id") ? o.get("id").asText() : path.getFileName() + ":" + n;
        out.add(
            Article.newBuilder()
                .setId(id)
                .setSource(path + ":" + n)
                .setInputFormat("jsonl")
                .setTitle(o.hasNonNull("title") ? o.get("title").asText() : null)
                .setPublishedDate(date(o.path("date").asText(null)))
                .setText(o.get("text").asText())
                .setLabels(labels)
                .build());
      }
    }
    return out;
  }

  private static LocalDate date(String text) {
    if (text == null || text.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The earliest {@code trainShare} of the articles by date (file order within a day), and the
   * rest.
   */
  public record Split(List<Article> train, List<Article> test) {}

  public static Split byDate(List<Article> labelled, double trainShare) {
    List<Article> sorted = new ArrayList<>(labelled);
    // List.sort is stable: articles of one day keep their file order
    sorted.sort(
        Comparator.comparing(
            Article::getPublishedDate, Comparator.nullsFirst(Comparator.naturalOrder())));
    int cut = (int) Math.round(sorted.size() * trainShare);
    return new Split(sorted.subList(0, cut), sorted.subList(cut, sorted.size()));
  }

  /**
   * {@code k} cross-validation splits: every article is in the test part of exactly one. Articles
   * of one {@code group} (e.g. a near-duplicate cluster: wire copies of one story) share a fold, so
   * a test article never has a copy in its training part. The fold is a hash of the group, the same
   * every run.
   */
  public static List<Split> kFolds(List<Article> labelled, int k, Function<Article, String> group) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be at least 2, not " + k);
    }
    List<Split> out = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      List<Article> train = new ArrayList<>();
      List<Article> test = new ArrayList<>();
      for (Article a : labelled) {
        (foldOf(group.apply(a), k) == f ? test : train).add(a);
      }
      out.add(new Split(train, test));
    }
    return out;
  }

  /**
   * Fold of a group key: its hash mixed and reduced, independent of the training folds' own hash.
   */
  static int foldOf(String group, int k) {
    long h = group.hashCode() * 0xC2B2AE3D27D4EB4FL;
    return (int) Math.floorMod(h ^ (h >>> 31), (long) k);
  }
}
