package dev.newsbeam.pipeline.report;

import java.util.List;

/**
 * How much of a run {@code report.html} shows. Every list is a bounded top-N so the report's memory
 * does not grow with the archive; the defaults live here and nowhere else.
 *
 * @param excerptsPerReason error records shown (with their excerpt) per reason code
 * @param largestClusters duplicate clusters listed, largest first
 * @param outletsPerCluster distinct outlets named per listed cluster
 * @param topicSeries topics drawn in the topics-per-day chart, most frequent first
 * @param topTerms corpus terms charted, highest document frequency first
 * @param keynessTerms key terms listed per topic or outlet (rank 1..N of term_keyness)
 * @param keynessGroups topics and outlets listed per facet, most articles first
 * @param wordCountEdges lower bounds of the word-count histogram's bins (the last bin is open)
 * @param readingMinuteEdges lower bounds, in minutes, of the reading-time histogram's bins
 */
public record ReportSettings(
    int excerptsPerReason,
    int largestClusters,
    int outletsPerCluster,
    int topicSeries,
    int topTerms,
    int keynessTerms,
    int keynessGroups,
    List<Integer> wordCountEdges,
    List<Double> readingMinuteEdges) {

  public static final ReportSettings DEFAULTS =
      new ReportSettings(
          3,
          10,
          6,
          8,
          20,
          5,
          12,
          List.of(0, 50, 100, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000),
          List.of(0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 7.0, 10.0, 15.0, 20.0, 30.0));

  public ReportSettings {
    wordCountEdges = List.copyOf(wordCountEdges);
    readingMinuteEdges = List.copyOf(readingMinuteEdges);
  }

  /** Cluster sizes 1..5 get a bin each; larger clusters share bins starting at these sizes. */
  public static final List<Integer> CLUSTER_SIZE_EDGES = List.of(1, 2, 3, 4, 5, 6, 11, 21, 51, 101);
}
