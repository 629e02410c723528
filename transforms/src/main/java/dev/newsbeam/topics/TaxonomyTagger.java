package dev.newsbeam.topics;

import dev.newsbeam.schema.Topic;
import dev.newsbeam.text.AnalyzedText;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags an article with the topics of a {@link Taxonomy} and says why (pure core, no Beam).
 *
 * <p>Title and body are analysed with {@link NewsAnalyzer}; every taxonomy entry (a term or a
 * phrase matched as a sequence of terms) that occurs contributes {@code weight × rarity^r × (1 +
 * ln(bodyCount + titleBoost × titleCount))} to each topic whose subtree lists it — so a parent
 * collects its children's evidence and a tagged child always implies its parent (the parent's score
 * is at least the child's). {@code rarity} is the entry's weight in a reference idf table ({@link
 * TermRarity}): words every story uses count less than words only some stories use. The sum is
 * length-normalised: {@code score = raw / sqrt(max(terms, lengthFloor) / 100)}, i.e. per 100 terms
 * for articles of 100 terms, growing with the square root of length beyond. A topic is kept when
 * its score reaches {@code threshold} and its subtree matched at least {@code minEvidence} distinct
 * entries, or one entry weighted {@code strongWeight} or more (a single ambiguous word such as
 * "court" never tags an article, however often it occurs). Kept topics come highest first (a parent
 * before its child on ties), at most {@code topK}. Every tag carries evidence {@code "term×count"}
 * (the entry as written in the taxonomy, occurrences in title and body).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TaxonomyTagger {
  /**
   * Scoring settings; {@link #defaults()} are what the bundled term lists are written for.
   *
   * @param titleBoost how many body occurrences one title occurrence counts as
   * @param threshold the least length-normalised score a kept topic has
   * @param topK at most this many topics per article
   * @param lengthFloor articles shorter than this many terms are normalised as if this long
   * @param maxEvidence at most this many evidence entries per tag
   * @param minEvidence a kept topic has at least this many distinct entries matched in its subtree
   *     (title and body occurrences of one entry are one piece), or one strong entry
   * @param strongWeight an entry the taxonomy weighs at least this much is unambiguous: it is
   *     evidence enough on its own
   * @param rarity how much an entry's reference rarity weighs ({@link TermRarity}): its weight is
   *     multiplied by {@code rarity(entry)^rarity}, so 0 ignores rarity and 1 takes it in full
   */
  public record Settings(
      double titleBoost,
      double threshold,
      int topK,
      int lengthFloor,
      int maxEvidence,
      int minEvidence,
      double strongWeight,
      double rarity)
      implements Serializable {
    public static Settings defaults() {
      return new Settings(2.0, 1.0, 6, 60, 8, 2, 3.0, 0.5);
    }

    public Settings withThreshold(double t) {
      return new Settings(
          titleBoost, t, topK, lengthFloor, maxEvidence, minEvidence, strongWeight, rarity);
    }

    public Settings withTopK(int k) {
      return new Settings(
          titleBoost, threshold, k, lengthFloor, maxEvidence, minEvidence, strongWeight, rarity);
    }

    public Settings withMinEvidence(int m) {
      return new Settings(
          titleBoost, threshold, topK, lengthFloor, maxEvidence, m, strongWeight, rarity);
    }

    public Settings withRarity(double r) {
      return new Settings(
          titleBoost, threshold, topK, lengthFloor, maxEvidence, minEvidence, strongWeight, r);
    }
  }

  /** A dictionary entry: a single term or a phrase; the topics (with ancestors) it counts for. */
  private static final class Match {
    final int id;
    final String display;
    final String[] rest; // terms after the first; empty for a single term
    int[] topics = new int[0];
    double[] weights = new double[0];
    int[] pieces = new int[0];

    Match(int id, String display, String[] rest) {
      this.id = id;
      this.display = display;
      this.rest = rest;
    }

    void add(int topic, double weight, int piece) {
      for (int i = 0; i < topics.length; i++) {
        if (topics[i] == topic) {
          weights[i] = Math.max(weights[i], weight);
          pieces[i] = Math.max(pieces[i], piece);
          return;
        }
      }
      topics = Arrays.copyOf(topics, topics.length + 1);
      weights = Arrays.copyOf(weights, weights.length + 1);
      pieces = Arrays.copyOf(pieces, pieces.length + 1);
      topics[topics.length - 1] = topic;
      weights[weights.length - 1] = weight;
      pieces[pieces.length - 1] = piece;
    }
  }

  private final Settings settings;
  private final NewsAnalyzer analyzer;
  private final String[] codes;
  private final String[] names;
  private final int[] depth;

  /** First term → entries starting with it (single term first, then phrases, longest first). */
  private final Map<String, Match[]> byFirstTerm;

  private final int matchCount;

  public TaxonomyTagger(Taxonomy taxonomy, NewsAnalyzer analyzer, Settings settings) {
    this(taxonomy, analyzer, settings, TermRarity.defaults());
  }

  /** A tagger that weighs entries by the reference table {@code rarity}. */
  public TaxonomyTagger(
      Taxonomy taxonomy, NewsAnalyzer analyzer, Settings settings, TermRarity rarity) {
    this.settings = settings;
    this.analyzer = analyzer;
    List<String> codeList = new ArrayList<>(taxonomy.topics().keySet());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < codeList.size(); i++) {
      index.put(codeList.get(i), i);
    }
    codes = codeList.toArray(String[]::new);
    names = new String[codes.length];
    depth = new int[codes.length];
    Map<String, Match> byKey = new LinkedHashMap<>();
    for (Taxonomy.TopicDef t : taxonomy.topics().values()) {
      int ti = index.get(t.code());
      names[ti] = t.name();
      List<String> ancestors = taxonomy.ancestors(t.code());
      depth[ti] = ancestors.size();
      for (Taxonomy.Entry e : t.terms()) {
        List<String> terms = analyzer.terms(e.text());
        if (terms.isEmpty()) {
          throw new IllegalArgumentException(
              "taxonomy topic " + t.code() + ": '" + e.text() + "' has no terms after analysis");
        }
        String key = String.join(" ", terms);
        Match m =
            byKey.computeIfAbsent(
                key,
                k ->
                    new Match(
                        byKey.size(),
                        e.text(),
                        terms.subList(1, terms.size()).toArray(String[]::new)));
        double w = e.weight() * Math.pow(rarity.weight(e.text()), settings.rarity());
        int piece = e.weight() >= settings.strongWeight() ? settings.minEvidence() : 1;
        m.add(ti, w, piece);
        for (String a : ancestors) {
          m.add(index.get(a), w, piece);
        }
      }
    }
    matchCount = byKey.size();
    Map<String, List<Match>> grouped = new HashMap<>();
    for (Map.Entry<String, Match> e : byKey.entrySet()) {
      String first = e.getKey().split(" ", 2)[0];
      grouped.computeIfAbsent(first, k -> new ArrayList<>()).add(e.getValue());
    }
    byFirstTerm = new HashMap<>();
    for (Map.Entry<String, List<Match>> e : grouped.entrySet()) {
      Match[] ms = e.getValue().toArray(Match[]::new);
      Arrays.sort(ms, (a, b) -> Integer.compare(b.rest.length, a.rest.length));
      byFirstTerm.put(e.getKey(), ms);
    }
  }

  /** The default IPTC taxonomy with the default analyzer and settings. */
  public static TaxonomyTagger defaults() {
    return new TaxonomyTagger(Taxonomy.defaults(), NewsAnalyzer.defaults(), Settings.defaults());
  }

  public Settings settings() {
    return settings;
  }

  /** Topics of an article, highest score first; title and text may be null. */
  public List<Topic> tag(String title, String text) {
    return tag(title, text == null || text.isEmpty() ? List.of() : analyzer.terms(text));
  }

  /**
   * Topics of an article whose body is already analysed, highest score first; the same as {@link
   * #tag(String, String)} of its text. Taxonomy and article terms must come from the same analysis:
   * a body analysed with other stemming or stopwords than this tagger's is analysed again. The
   * title (short) is analysed here; it may be null.
   */
  public List<Topic> tag(String title, AnalyzedText body) {
    return tag(title, analyzer.reuseOrAnalyze(body).terms());
  }

  private List<Topic> tag(String title, List<String> bodyTerms) {
    int[] titleCounts = new int[matchCount];
    int[] bodyCounts = new int[matchCount];
    Match[] seen = new Match[matchCount];
    int[] nSeen = {0};
    int n = 0;
    // title first: the order entries are first seen in is the order their scores are summed in
    if (title != null && !title.isEmpty()) {
      n += count(analyzer.terms(title), titleCounts, bodyCounts, seen, nSeen);
    }
    n += count(bodyTerms, bodyCounts, titleCounts, seen, nSeen);
    if (nSeen[0] == 0) {
      return List.of();
    }
    double[] raw = new double[codes.length];
    int[] pieces = new int[codes.length];
    for (int i = 0; i < nSeen[0]; i++) {
      Match m = seen[i];
      double effective = bodyCounts[m.id] + settings.titleBoost() * titleCounts[m.id];
      double tf = 1.0 + Math.log(effective);
      for (int j = 0; j < m.topics.length; j++) {
        raw[m.topics[j]] += m.weights[j] * tf;
        pieces[m.topics[j]] += m.pieces[j];
      }
    }
    double norm = Math.sqrt(Math.max(n, settings.lengthFloor()) / 100.0);
    List<Integer> kept = new ArrayList<>();
    for (int t = 0; t < raw.length; t++) {
      if (raw[t] > 0
          && raw[t] / norm >= settings.threshold()
          && pieces[t] >= settings.minEvidence()) {
        kept.add(t);
      }
    }
    kept.sort(
        (a, b) -> {
          int c = Double.compare(raw[b], raw[a]);
          if (c != 0) {
            return c;
          }
          c = Integer.compare(depth[a], depth[b]);
          return c != 0 ? c : codes[a].compareTo(codes[b]);
        });
    List<Topic> out = new ArrayList<>(Math.min(kept.size(), settings.topK()));
    for (int k = 0; k < kept.size() && k < settings.topK(); k++) {
      int t = kept.get(k);
      // the all-fields constructor: Avro's builder validates and copies, a large share of the cost
      // here
      out.add(
          new Topic(
              codes[t],
              names[t],
              raw[t] / norm,
              "taxonomy",
              evidence(t, seen, nSeen[0], titleCounts, bodyCounts)));
    }
    return out;
  }

  private List<String> evidence(
      int topic, Match[] seen, int nSeen, int[] titleCounts, int[] bodyCounts) {
    List<Match> hits = new ArrayList<>();
    for (int i = 0; i < nSeen; i++) {
      for (int t : seen[i].topics) {
        if (t == topic) {
          hits.add(seen[i]);
          break;
        }
      }
    }
    hits.sort(
        (a, b) -> {
          int c =
              Integer.compare(
                  titleCounts[b.id] + bodyCounts[b.id], titleCounts[a.id] + bodyCounts[a.id]);
          return c != 0 ? c : a.display.compareTo(b.display);
        });
    List<String> out = new ArrayList<>();
    for (int i = 0; i < hits.size() && i < settings.maxEvidence(); i++) {
      Match m = hits.get(i);
      out.add(m.display + "×" + (titleCounts[m.id] + bodyCounts[m.id]));
    }
    return out;
  }

  /** Counts entry occurrences in {@code terms}; returns the number of terms. */
  private int count(
      List<String> terms, int[] counts, int[] otherCounts, Match[] seen, int[] nSeen) {
    int size = terms.size();
    for (int i = 0; i < size; i++) {
      Match[] candidates = byFirstTerm.get(terms.get(i));
      if (candidates == null) {
        continue;
      }
      for (Match m : candidates) {
        if (matchesAt(terms, i + 1, m.rest)) {
          if (counts[m.id]++ == 0 && otherCounts[m.id] == 0) {
            seen[nSeen[0]++] = m;
          }
        }
      }
    }
    return size;
  }

  private static boolean matchesAt(List<String> terms, int from, String[] rest) {
    if (from + rest.length > terms.size()) {
      return false;
    }
    for (int k = 0; k < rest.length; k++) {
      if (!rest[k].equals(terms.get(from + k))) {
        return false;
      }
    }
    return true;
  }
}
