package dev.newsbeam.pipeline;

import dev.newsbeam.pipeline.report.ReportPage;
import dev.newsbeam.pipeline.report.ReportSettings;
import dev.newsbeam.pipeline.report.RunSummary;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.schema.TopicDayCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * The marks each chart of a run's report should draw, worked out from the run's Avro independently
 * of {@link RunSummary}, and the marks a page actually has.
 */
final class ReportMarks {
  private static final Pattern CHART =
      Pattern.compile("<svg data-chart=\"([^\"]+)\"(.*?)</svg>", Pattern.DOTALL);

  private ReportMarks() {}

  static Map<String, Integer> expected(Path out) throws IOException {
    ReportSettings cfg = ReportSettings.DEFAULTS;
    List<Article> articles = read(out, "articles", Article.class);
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put(
        ReportPage.ERRORS,
        (int)
            read(out, "errors", ErrorRecord.class).stream()
                .map(ErrorRecord::getReason)
                .distinct()
                .count());

    Map<String, Long> copies =
        read(out, "duplicates", DuplicateRow.class).stream()
            .collect(Collectors.groupingBy(DuplicateRow::getClusterId, Collectors.counting()));
    List<Double> sizes = new ArrayList<>();
    copies.values().forEach(c -> sizes.add(c + 1.0));
    articles.stream()
        .filter(a -> a.getDedup().getKind().equals("unique"))
        .forEach(a -> sizes.add(1.0));
    m.put(ReportPage.CLUSTER_SIZES, nonEmptyBins(sizes, ReportSettings.CLUSTER_SIZE_EDGES, d -> d));

    List<TopicDayCount> days = read(out, "topics", TopicDayCount.class);
    Map<String, Long> totals =
        days.stream()
            .collect(
                Collectors.groupingBy(
                    TopicDayCount::getCode, Collectors.summingLong(TopicDayCount::getArticles)));
    Set<String> drawn =
        totals.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(cfg.topicSeries())
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    Set<String> points = new HashSet<>();
    for (TopicDayCount d : days) {
      if (drawn.contains(d.getCode()) && d.getDate() != null && d.getArticles() > 0) {
        points.add(d.getCode() + "@" + d.getDate());
      }
    }
    m.put(ReportPage.TOPICS_PER_DAY, points.size());

    m.put(
        ReportPage.TOP_TERMS, Math.min(cfg.topTerms(), read(out, "terms", TermStat.class).size()));
    m.put(ReportPage.BYLINE_COVERAGE, 4);
    List<Double> words = new ArrayList<>();
    List<Double> minutes = new ArrayList<>();
    for (Article a : articles) {
      words.add((double) a.getStats().getWordCount());
      minutes.add(a.getStats().getReadingTimeSeconds() / 60);
    }
    m.put(ReportPage.WORD_COUNTS, nonEmptyBins(words, cfg.wordCountEdges(), d -> d));
    m.put(ReportPage.READING_TIME, nonEmptyBins(minutes, cfg.readingMinuteEdges(), d -> d));
    return m;
  }

  /** Chart name to its number of {@code class="mark"} elements, in page order. */
  static Map<String, Integer> counted(String html) {
    Map<String, Integer> m = new LinkedHashMap<>();
    Matcher c = CHART.matcher(html);
    while (c.find()) {
      Matcher mark = Pattern.compile("class=\"mark\"").matcher(c.group(2));
      int n = 0;
      while (mark.find()) {
        n++;
      }
      m.put(c.group(1), n);
    }
    return m;
  }

  private static int nonEmptyBins(
      List<Double> values, List<? extends Number> edges, ToDoubleFunction<Double> f) {
    Map<Integer, Integer> bins = new HashMap<>();
    for (double v : values) {
      int bin = 0;
      for (int i = 0; i < edges.size(); i++) {
        if (f.applyAsDouble(v) >= edges.get(i).doubleValue()) {
          bin = i;
        }
      }
      bins.merge(bin, 1, Integer::sum);
    }
    return bins.size();
  }

  static <T extends SpecificRecord> List<T> read(Path out, String dataset, Class<T> type)
      throws IOException {
    List<T> records = new ArrayList<>();
    try (var files = Files.walk(out.resolve(dataset))) {
      for (Path p :
          files
              .filter(f -> f.toString().endsWith(".avro"))
              .sorted(Comparator.naturalOrder())
              .toList()) {
        try (DataFileReader<T> r =
            new DataFileReader<>(p.toFile(), new SpecificDatumReader<>(type))) {
          r.forEach(records::add);
        }
      }
    }
    return records;
  }
}
