package dev.newsbeam.stage;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Manifest counters of a stage: each element names the counters it adds one to ({@code
 * byline.with_author}, {@code topics.medtop:04000000}); the names are counted per bundle and
 * emitted once per bundle, so the shuffle that sums them carries a handful of numbers, not one
 * element per article.
 */
public final class CountPerBundle<T>
    extends PTransform<PCollection<T>, PCollection<KV<String, Long>>> {
  private final SerializableFunction<T, Iterable<String>> names;

  private CountPerBundle(SerializableFunction<T, Iterable<String>> names) {
    this.names = names;
  }

  /** Counts, per bundle, the names {@code names} gives each element. */
  public static <T> CountPerBundle<T> of(SerializableFunction<T, Iterable<String>> names) {
    return new CountPerBundle<>(names);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<T> elements) {
    return elements
        .apply("CountPerBundle", ParDo.of(new CountFn<>(names)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  static final class CountFn<T> extends DoFn<T, KV<String, Long>> {
    private final SerializableFunction<T, Iterable<String>> names;
    private transient BundleCounts counts;

    CountFn(SerializableFunction<T, Iterable<String>> names) {
      this.names = names;
    }

    @StartBundle
    public void startBundle() {
      counts = new BundleCounts();
    }

    @ProcessElement
    public void process(@Element T element) {
      counts.addOne(names.apply(element));
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      counts.emit(c);
    }
  }
}
