package dev.newsbeam.pipeline.report;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.schema.Topic;
import dev.newsbeam.schema.TopicDayCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code report.html} shows about one run, aggregated while the outputs stream past: counters,
 * fixed-bin histograms and bounded top-N lists. No article is kept; the per-cluster counts hold one
 * entry per cluster that has copies, and the per-topic day counts are those of the (already
 * aggregated) {@code topics/} dataset.
 *
 * <p>Feed order matters for the duplicates section: {@link #addDuplicate} for every row, then
 * {@link #chooseLargestClusters}, then {@link #addArticle} for every article.
 */
public final class RunSummary {
  /** Input accounting, from {@code manifest.json}. */
  public record Accounting(
      String runner,
      String startedAt,
      double durationSeconds,
      long files,
      long inputRecords,
      long articles,
      long errors,
      boolean balanced,
      Map<String, Long> errorsByReason,
      Map<String, Long> skippedByReason,
      Map<String, Map<String, Long>> stages) {
    /** Records read on purpose without an article: WARC requests, section fronts, languages. */
    public long skipped() {
      return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** One error record as shown: where it came from, why, and the start of the input. */
  public record ErrorSample(String source, String location, String message, String excerpt) {}

  /** A duplicate cluster: its size (canonical included), its canonical and the outlets in it. */
  public record Cluster(
      String id, int size, String canonicalTitle, String canonicalOutlet, Set<String> outlets) {}

  /** One drawn topic: its label, its day counts (dated articles only) and its undated count. */
  public record TopicSeries(
      String code, String label, Map<LocalDate, Long> perDay, long undated, long total) {}

  /** A key term of a group (topic or outlet). */
  public record KeyTerm(String term, double g2, double logRatio, long groupCount) {}

  private final ReportSettings settings;
  private Accounting accounting;

  private final Map<String, Long> errorCounts = new TreeMap<>();
  private final Map<String, List<ErrorSample>> errorSamples = new TreeMap<>();

  private final Map<String, Integer> copiesPerCluster = new HashMap<>();
  private final Map<String, Cluster> largest = new LinkedHashMap<>();
  private long duplicateRows;
  private long uniqueArticles;
  private boolean dedupSeen;

  private final Map<String, String> topicLabels = new HashMap<>();
  private final Map<String, TreeMap<LocalDate, Long>> topicDays = new HashMap<>();
  private final Map<String, Long> topicUndated = new HashMap<>();
  private boolean topicsSeen;

  private final PriorityQueue<TermStat> topTerms =
      new PriorityQueue<>(TERM_ORDER.reversed()); // head = weakest kept term
  private long termsSeen;

  private final Map<String, Map<String, List<KeyTerm>>> keyness = new TreeMap<>();

  private long articles;
  private long withAuthors;
  private long withOutlet;
  private long withDateline;
  private long withByline;
  private final Map<String, Long> articlesPerOutlet = new HashMap<>();
  private final Map<String, Long> articlesPerTopic = new HashMap<>();
  private final Histogram wordCounts;
  private final Histogram readingMinutes;
  private long withStats;

  /** Most frequent terms first; equal frequencies by term so the choice is stable. */
  private static final Comparator<TermStat> TERM_ORDER =
      Comparator.comparingLong(TermStat::getDocumentFrequency)
          .reversed()
          .thenComparing(TermStat::getTerm);

  public RunSummary(ReportSettings settings) {
    this.settings = settings;
    this.wordCounts = new Histogram(settings.wordCountEdges());
    this.readingMinutes = new Histogram(settings.readingMinuteEdges());
  }

  public ReportSettings settings() {
    return settings;
  }

  public void setAccounting(Accounting accounting) {
    this.accounting = accounting;
  }

  public void addError(ErrorRecord e) {
    errorCounts.merge(e.getReason(), 1L, Long::sum);
    List<ErrorSample> samples = errorSamples.computeIfAbsent(e.getReason(), r -> new ArrayList<>());
    if (samples.size() < settings.excerptsPerReason()) {
      samples.add(new ErrorSample(e.getSource(), e.getLocation(), e.getMessage(), e.getExcerpt()));
    }
  }

  public void addDuplicate(DuplicateRow d) {
    dedupSeen = true;
    duplicateRows++;
    copiesPerCluster.merge(d.getClusterId(), 1, Integer::sum);
  }

  /** Picks the largest clusters (ties by id) whose canonicals {@link #addArticle} then fills in. */
  public void chooseLargestClusters() {
    copiesPerCluster.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(settings.largestClusters())
        .forEach(
            e ->
                largest.put(
                    e.getKey(),
                    new Cluster(e.getKey(), e.getValue() + 1, null, null, new LinkedHashSet<>())));
  }

  public void addTopicDay(TopicDayCount t) {
    topicsSeen = true;
    topicLabels.putIfAbsent(t.getCode(), t.getLabel());
    if (t.getDate() == null) {
      topicUndated.merge(t.getCode(), t.getArticles(), Long::sum);
    } else {
      topicDays
          .computeIfAbsent(t.getCode(), c -> new TreeMap<>())
          .merge(t.getDate(), t.getArticles(), Long::sum);
    }
  }

  public void addTerm(TermStat t) {
    termsSeen++;
    topTerms.add(t);
    if (topTerms.size() > settings.topTerms()) {
      topTerms.poll();
    }
  }

  public void addKeyness(TermKeyness k) {
    if (k.getRank() > settings.keynessTerms()) {
      return;
    }
    keyness
        .computeIfAbsent(k.getFacet(), f -> new TreeMap<>())
        .computeIfAbsent(k.getGroup(), g -> new ArrayList<>())
        .add(new KeyTerm(k.getTerm(), k.getG2(), k.getLogRatio(), k.getGroupCount()));
  }

  public void addArticle(Article a) {
    articles++;
    if (!a.getAuthors().isEmpty()) {
      withAuthors++;
    }
    if (a.getOutlet() != null) {
      withOutlet++;
      articlesPerOutlet.merge(a.getOutlet(), 1L, Long::sum);
    }
    if (a.getDateline() != null) {
      withDateline++;
    }
    if (a.getBylineRaw() != null) {
      withByline++;
    }
    for (Topic t : a.getTopics()) {
      articlesPerTopic.merge(t.getCode(), 1L, Long::sum);
      topicLabels.putIfAbsent(t.getCode(), t.getLabel());
    }
    if (a.getStats() != null) {
      withStats++;
      wordCounts.add(a.getStats().getWordCount());
      readingMinutes.add(a.getStats().getReadingTimeSeconds() / 60.0);
    }
    if (a.getDedup() != null) {
      dedupSeen = true;
      if ("unique".equals(a.getDedup().getKind())) {
        uniqueArticles++;
      }
      Cluster c = largest.get(a.getDedup().getClusterId());
      if (c != null) {
        if (a.getOutlet() != null && c.outlets().size() < settings.outletsPerCluster()) {
          c.outlets().add(a.getOutlet());
        }
        if (a.getDedup().getIsCanonical()) {
          largest.put(
              c.id(),
              new Cluster(
                  c.id(),
                  c.size(),
                  a.getTitle() != null ? a.getTitle() : a.getId(),
                  a.getOutlet(),
                  c.outlets()));
        }
      }
    }
  }

  // ---- what the page reads ----

  public Accounting accounting() {
    return accounting;
  }

  /**
   * Error counts by reason as found in {@code errors/} (the manifest's counts are in accounting).
   */
  public Map<String, Long> errorCounts() {
    return errorCounts;
  }

  public Map<String, List<ErrorSample>> errorSamples() {
    return errorSamples;
  }

  public boolean hasDedup() {
    return dedupSeen;
  }

  public long duplicateRows() {
    return duplicateRows;
  }

  /**
   * Clusters per size bin ({@link ReportSettings#CLUSTER_SIZE_EDGES}); unique articles are size 1.
   */
  public Histogram clusterSizes() {
    Histogram h = new Histogram(ReportSettings.CLUSTER_SIZE_EDGES);
    h.add(1, uniqueArticles);
    for (int copies : copiesPerCluster.values()) {
      h.add(copies + 1);
    }
    return h;
  }

  public List<Cluster> largestClusters() {
    return List.copyOf(largest.values());
  }

  public boolean hasTopics() {
    return topicsSeen;
  }

  /** The most frequent topics (dated and undated articles), most frequent first, ties by code. */
  public List<TopicSeries> topicSeries() {
    Map<String, Long> totals = new HashMap<>();
    topicDays.forEach(
        (code, days) ->
            totals.merge(code, days.values().stream().mapToLong(x -> x).sum(), Long::sum));
    topicUndated.forEach((code, n) -> totals.merge(code, n, Long::sum));
    return totals.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(settings.topicSeries())
        .map(
            e ->
                new TopicSeries(
                    e.getKey(),
                    topicLabel(e.getKey()),
                    topicDays.getOrDefault(e.getKey(), new TreeMap<>()),
                    topicUndated.getOrDefault(e.getKey(), 0L),
                    e.getValue()))
        .toList();
  }

  /** Distinct topics in {@code topics/}. */
  public int topicCount() {
    Set<String> codes = new LinkedHashSet<>(topicDays.keySet());
    codes.addAll(topicUndated.keySet());
    return codes.size();
  }

  public String topicLabel(String code) {
    return topicLabels.getOrDefault(code, code);
  }

  /** The most frequent corpus terms, most frequent first. */
  public List<TermStat> topTerms() {
    return topTerms.stream().sorted(TERM_ORDER).toList();
  }

  public long termsSeen() {
    return termsSeen;
  }

  /**
   * Key terms per group of a facet ('topic', 'outlet', 'label'), for the groups with the most
   * articles (ties by name), each group's terms by rank.
   */
  public Map<String, List<KeyTerm>> keyness(String facet) {
    Map<String, Long> size = "outlet".equals(facet) ? articlesPerOutlet : articlesPerTopic;
    Map<String, List<KeyTerm>> groups = keyness.getOrDefault(facet, Map.of());
    Map<String, List<KeyTerm>> shown = new LinkedHashMap<>();
    groups.entrySet().stream()
        .sorted(
            Comparator.<Map.Entry<String, List<KeyTerm>>>comparingLong(
                    e -> -size.getOrDefault(e.getKey(), 0L))
                .thenComparing(Map.Entry::getKey))
        .limit(settings.keynessGroups())
        .forEach(
            e ->
                shown.put(
                    e.getKey(),
                    e.getValue().stream()
                        .sorted(Comparator.comparingDouble(KeyTerm::g2).reversed())
                        .toList()));
    return shown;
  }

  public int keynessGroupCount(String facet) {
    return keyness.getOrDefault(facet, Map.of()).size();
  }

  public long articles() {
    return articles;
  }

  public long withAuthors() {
    return withAuthors;
  }

  public long withOutlet() {
    return withOutlet;
  }

  public long withDateline() {
    return withDateline;
  }

  public long withByline() {
    return withByline;
  }

  public long withStats() {
    return withStats;
  }

  public Histogram wordCounts() {
    return wordCounts;
  }

  public Histogram readingMinutes() {
    return readingMinutes;
  }
}
