package dev.newsbeam.pipeline;

import dev.newsbeam.schema.Article;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Manifest counters over articles: for each named predicate, how many articles satisfy it. Counts
 * are kept per bundle and emitted once per bundle, so the shuffle carries a handful of numbers, not
 * one element per article.
 */
final class CountArticles extends PTransform<PCollection<Article>, PCollection<KV<String, Long>>> {
  private final LinkedHashMap<String, SerializableFunction<Article, Boolean>> predicates =
      new LinkedHashMap<>();

  CountArticles where(String counter, SerializableFunction<Article, Boolean> predicate) {
    predicates.put(counter, predicate);
    return this;
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<Article> articles) {
    return articles
        .apply("CountPerBundle", ParDo.of(new CountFn(predicates)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  static final class CountFn extends DoFn<Article, KV<String, Long>> {
    private final LinkedHashMap<String, SerializableFunction<Article, Boolean>> predicates;
    private transient Map<String, Long> counts;

    CountFn(LinkedHashMap<String, SerializableFunction<Article, Boolean>> predicates) {
      this.predicates = predicates;
    }

    @StartBundle
    public void startBundle() {
      counts = new LinkedHashMap<>();
    }

    @ProcessElement
    public void process(@Element Article article) {
      predicates.forEach(
          (name, p) -> {
            if (Boolean.TRUE.equals(p.apply(article))) {
              counts.merge(name, 1L, Long::sum);
            }
          });
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      counts.forEach(
          (name, n) ->
              c.output(
                  KV.of(name, n), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
    }
  }
}
