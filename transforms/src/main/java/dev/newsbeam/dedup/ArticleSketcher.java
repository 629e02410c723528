package dev.newsbeam.dedup;

import dev.newsbeam.schema.Article;
import dev.newsbeam.text.AnalyzedText;
import dev.newsbeam.text.NewsAnalyzer;

/**
 * What dedup knows of one article: its exact-text fingerprint, its MinHash signature and distinct
 * shingle count (and, with {@code --verify=exact}, its shingle set) as a {@link DocSketch}, and its
 * LSH band keys. The one place an article is sketched: the pipeline's sketch step, the plain-Java
 * baseline and the in-memory evaluations all call it.
 *
 * <p>Not thread-safe ({@link TextFingerprint} reuses a digest): one per DoFn instance or thread.
 */
public final class ArticleSketcher {
  private final DedupSettings settings;
  private final TextFingerprint fingerprints = new TextFingerprint();
  private final Shingler shingler;
  private final MinHasher minHasher;
  private final LshBands bands;

  public ArticleSketcher(DedupSettings settings) {
    this.settings = settings;
    this.shingler = settings.shingler();
    this.minHasher = settings.minHasher();
    this.bands = settings.bands();
  }

  /**
   * One article's sketch and band keys.
   *
   * @param sketch identity, canonical-policy fields, fingerprint, signature (empty when the text
   *     has no words: such an article is its own exact group, fingerprint {@code "~" + id})
   * @param bandKeys one LSH bucket key per band; none for an article without words
   */
  public record Sketch(DocSketch sketch, long[] bandKeys) {
    public boolean hasWords() {
      return sketch.signature.length > 0;
    }
  }

  public Sketch sketch(Article article) {
    return sketch(article.getId(), article.getSource(), article.getText(), published(article));
  }

  /**
   * The sketch of an article whose body is already analysed (by any {@link NewsAnalyzer}: the
   * shingles read only its words); the same as {@link #sketch(Article)}.
   *
   * @throws IllegalArgumentException if {@code body} is not the analysis of the article's text
   */
  public Sketch sketch(Article article, AnalyzedText body) {
    return sketch(
        article.getId(), article.getSource(), article.getText(), published(article), body);
  }

  /** The sketch of a text that is not (yet) an {@link Article}. */
  public Sketch sketch(String id, String source, String text, Long published) {
    return sketchOf(id, source, text, published, null);
  }

  /**
   * The sketch of an analysed text that is not (yet) an {@link Article}; the same as {@link
   * #sketch(String, String, String, Long)}. The fingerprint is still taken from the raw {@code
   * text}.
   *
   * @throws IllegalArgumentException if {@code body} is not the analysis of {@code text}
   */
  public Sketch sketch(String id, String source, String text, Long published, AnalyzedText body) {
    if (!body.isOf(text)) {
      throw new IllegalArgumentException("article " + id + ": the analysis is of another text");
    }
    return sketchOf(id, source, text, published, body);
  }

  /** {@code body} null: the shingler analyses {@code text} itself. */
  private Sketch sketchOf(
      String id, String source, String text, Long published, AnalyzedText body) {
    String fp = fingerprints.fingerprint(text);
    int length = text == null ? 0 : text.length();
    if (fp == null) {
      DocSketch empty = new DocSketch(id, source, "~" + id, published, length, new int[0]);
      return new Sketch(empty, new long[0]);
    }
    long[] shingles = body == null ? shingler.shingles(text) : shingler.shingles(body);
    int[] signature = minHasher.signature(shingles);
    DocSketch sketch =
        new DocSketch(id, source, fp, published, length, signature)
            .withShingles(settings.carriedShingles(shingles))
            .withShingleCount(shingles.length);
    if (settings.rule().figuresOn()) {
      sketch =
          sketch.withFigures(
              body == null ? Figures.of(text, NewsAnalyzer.defaults()) : Figures.of(body));
    }
    return new Sketch(sketch, bands.bandKeys(signature));
  }

  /**
   * When an article was published, for the canonical policy: epoch millis of {@code published_at},
   * else of midnight UTC on {@code published_date}, else null (undated).
   */
  public static Long published(Article article) {
    if (article.getPublishedAt() != null) {
      return article.getPublishedAt().toEpochMilli();
    }
    if (article.getPublishedDate() != null) {
      return article.getPublishedDate().toEpochDay() * 86_400_000L;
    }
    return null;
  }
}
