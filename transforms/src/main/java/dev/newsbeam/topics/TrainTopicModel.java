package dev.newsbeam.topics;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.text.NewsAnalyzer;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.CombineWithContext.CombineFnWithContext;
import org.apache.beam.sdk.transforms.CombineWithContext.Context;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Learns a multi-label topic model from articles' gold {@code labels}: one-vs-rest logistic regression
 * over TF-IDF, per-label thresholds tuned on a held-out fold. Runs on any runner: every aggregation is
 * a combiner, and each gradient pass is a {@code Combine.globally} over articles with the current
 * weights as side input, unrolled in the graph.
 *
 * <pre>{@code
 * PCollection<TopicModel> model = articles.apply(TrainTopicModel.with(TrainSettings.defaults()));
 * model.apply(AvroIO.write(TopicModel.class).to(dir + "/topic-model").withSuffix(".avro").withoutSharding());
 * }</pre>
 */
public final class TrainTopicModel extends PTransform<PCollection<Article>, PCollection<TopicModel>> {
  /** File name prefix of the model inside a model directory. */
  public static final String FILE_PREFIX = "topic-model";

  /** Batches the fitting fold is cut into: the parallelism of a gradient pass. */
  static final int SHARDS = 8;

  private final TrainSettings settings;

  private TrainTopicModel(TrainSettings settings) {
    this.settings = settings;
  }

  public static TrainTopicModel with(TrainSettings settings) {
    return new TrainTopicModel(settings);
  }

  @Override
  public PCollection<TopicModel> expand(PCollection<Article> articles) {
    PCollection<LabelledTerms> docs = articles
        .apply("AnalyseLabelled", ParDo.of(new AnalyseFn(settings)))
        .setCoder(SerializableCoder.of(LabelledTerms.class));

    PCollectionView<Vocabulary> vocab = docs
        .apply("CountTermsAndLabels", Combine.globally(new CorpusCountsFn()).withoutDefaults())
        .apply("ChooseVocabulary", MapElements.into(TypeDescriptor.of(Vocabulary.class))
            .via(new ChooseVocabulary(settings.minDf())))
        .setCoder(SerializableCoder.of(Vocabulary.class))
        .apply("VocabularyView", View.asSingleton());

    PCollection<SparseDoc> vectors = docs
        .apply("Vectorise", ParDo.of(new VectoriseFn(vocab)).withSideInputs(vocab))
        .setCoder(SerializableCoder.of(SparseDoc.class));
    // Each pass reads the fitting fold once; a few batches of articles instead of thousands of single
    // articles keep the per-bundle cost of a pass (DoFn set-up, accumulator per bundle) small on any runner.
    PCollection<List<SparseDoc>> fit = vectors
        .apply("FittingFold", Filter.by(new IsHeldOut(false)))
        .apply("KeyByShard", ParDo.of(new KeyByShardFn(SHARDS)))
        .setCoder(org.apache.beam.sdk.coders.KvCoder.of(org.apache.beam.sdk.coders.VarIntCoder.of(),
            SerializableCoder.of(SparseDoc.class)))
        .apply("GroupIntoShards", org.apache.beam.sdk.transforms.GroupByKey.create())
        .apply("ToBatches", ParDo.of(new ToBatchFn()))
        .setCoder(org.apache.beam.sdk.coders.ListCoder.of(SerializableCoder.of(SparseDoc.class)));
    PCollection<SparseDoc> heldOut = vectors.apply("HeldOutFold", Filter.by(new IsHeldOut(true)));

    PCollection<LogisticTrainer.State> state = vectors.getPipeline()
        .apply("Seed", org.apache.beam.sdk.transforms.Create.of(0)
            .withCoder(org.apache.beam.sdk.coders.VarIntCoder.of()))
        .apply("InitialWeights", ParDo.of(new InitialStateFn(vocab)).withSideInputs(vocab))
        .setCoder(SerializableCoder.of(LogisticTrainer.State.class));
    for (int pass = 1; pass <= settings.params().passes(); pass++) {
      PCollectionView<LogisticTrainer.State> current =
          state.apply("WeightsView" + pass, View.asSingleton());
      state = fit
          .apply("Gradient" + pass,
              Combine.globally(new GradientFn(current)).withoutDefaults().withSideInputs(current))
          .setCoder(GradientCoder.of())
          .apply("Step" + pass, ParDo.of(new StepFn(current, settings.params())).withSideInputs(current))
          .setCoder(SerializableCoder.of(LogisticTrainer.State.class));
    }
    PCollectionView<LogisticTrainer.State> trained = state.apply("TrainedView", View.asSingleton());

    PCollectionView<List<ThresholdTuner>> tuners = heldOut
        .apply("ScoreHeldOut",
            Combine.globally(new TuneFn(trained)).withoutDefaults().withSideInputs(trained))
        .setCoder(SerializableCoder.of(ThresholdTuner.class))
        .apply("ThresholdsView", View.asList());

    return state
        .apply("AssembleModel", ParDo.of(new AssembleFn(vocab, tuners, settings))
            .withSideInputs(vocab, tuners))
        .setCoder(AvroCoder.of(TopicModel.class));
  }

  static class AnalyseFn extends DoFn<Article, LabelledTerms> {
    private final Counter unlabelled = Metrics.counter(AnalyseFn.class, "unlabelled");
    private final Counter heldOut = Metrics.counter(AnalyseFn.class, "held_out");
    private final TrainSettings settings;
    private transient NewsAnalyzer analyzer;

    AnalyseFn(TrainSettings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      analyzer = new NewsAnalyzer(settings.stemming());
    }

    @ProcessElement
    public void process(@Element Article a, OutputReceiver<LabelledTerms> out) {
      if (a.getLabels().isEmpty()) {
        unlabelled.inc();
        return;
      }
      boolean held = settings.isHeldOut(a.getId());
      if (held) {
        heldOut.inc();
      }
      out.output(new LabelledTerms(a.getId(),
          Features.termCounts(analyzer, a.getTitle(), a.getText(), settings.titleWeight()),
          List.copyOf(a.getLabels()), held));
    }
  }

  static class CorpusCountsFn extends Combine.CombineFn<LabelledTerms, Vocabulary.Counts, Vocabulary.Counts> {
    @Override
    public Vocabulary.Counts createAccumulator() {
      return new Vocabulary.Counts();
    }

    @Override
    public Vocabulary.Counts addInput(Vocabulary.Counts acc, LabelledTerms doc) {
      return acc.add(doc);
    }

    @Override
    public Vocabulary.Counts mergeAccumulators(Iterable<Vocabulary.Counts> accs) {
      Vocabulary.Counts out = new Vocabulary.Counts();
      for (Vocabulary.Counts a : accs) {
        out.merge(a);
      }
      return out;
    }

    @Override
    public Vocabulary.Counts extractOutput(Vocabulary.Counts acc) {
      return acc;
    }
  }

  static class ChooseVocabulary implements SerializableFunction<Vocabulary.Counts, Vocabulary> {
    private final int minDf;

    ChooseVocabulary(int minDf) {
      this.minDf = minDf;
    }

    @Override
    public Vocabulary apply(Vocabulary.Counts counts) {
      return Vocabulary.of(counts, minDf);
    }
  }

  static class VectoriseFn extends DoFn<LabelledTerms, SparseDoc> {
    private final PCollectionView<Vocabulary> vocab;

    VectoriseFn(PCollectionView<Vocabulary> vocab) {
      this.vocab = vocab;
    }

    @ProcessElement
    public void process(@Element LabelledTerms doc, ProcessContext c) {
      c.output(c.sideInput(vocab).vector(doc));
    }
  }

  static class IsHeldOut implements SerializableFunction<SparseDoc, Boolean> {
    private final boolean wanted;

    IsHeldOut(boolean wanted) {
      this.wanted = wanted;
    }

    @Override
    public Boolean apply(SparseDoc d) {
      return d.heldOut() == wanted;
    }
  }

  static class KeyByShardFn extends DoFn<SparseDoc, org.apache.beam.sdk.values.KV<Integer, SparseDoc>> {
    private final int shards;

    KeyByShardFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element SparseDoc d, OutputReceiver<org.apache.beam.sdk.values.KV<Integer, SparseDoc>> out) {
      out.output(org.apache.beam.sdk.values.KV.of(Math.floorMod(d.hashCode(), shards), d));
    }
  }

  static class ToBatchFn extends DoFn<org.apache.beam.sdk.values.KV<Integer, Iterable<SparseDoc>>, List<SparseDoc>> {
    @ProcessElement
    public void process(@Element org.apache.beam.sdk.values.KV<Integer, Iterable<SparseDoc>> shard,
        OutputReceiver<List<SparseDoc>> out) {
      List<SparseDoc> batch = new java.util.ArrayList<>();
      shard.getValue().forEach(batch::add); // one pass over the grouped values
      out.output(batch);
    }
  }

  static class InitialStateFn extends DoFn<Integer, LogisticTrainer.State> {
    private final PCollectionView<Vocabulary> vocab;

    InitialStateFn(PCollectionView<Vocabulary> vocab) {
      this.vocab = vocab;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Vocabulary v = c.sideInput(vocab);
      c.output(LogisticTrainer.State.initial(v.terms.size(), v.fitLabelCounts, v.fitDocs));
    }
  }

  static class GradientFn extends CombineFnWithContext<List<SparseDoc>, LogisticTrainer.Gradient,
      LogisticTrainer.Gradient> {
    private final PCollectionView<LogisticTrainer.State> weights;

    GradientFn(PCollectionView<LogisticTrainer.State> weights) {
      this.weights = weights;
    }

    @Override
    public LogisticTrainer.Gradient createAccumulator(Context c) {
      // allocated lazily: the size is only known from the side input, which the context may lack here
      return new LogisticTrainer.Gradient(0);
    }

    @Override
    public LogisticTrainer.Gradient addInput(LogisticTrainer.Gradient acc, List<SparseDoc> batch, Context c) {
      LogisticTrainer.State w = c.sideInput(weights);
      if (acc.sum.length == 0) {
        acc.sum = new double[w.weights.length];
      }
      for (SparseDoc doc : batch) {
        LogisticTrainer.addGradient(acc, doc, w);
      }
      return acc;
    }

    @Override
    public LogisticTrainer.Gradient mergeAccumulators(Iterable<LogisticTrainer.Gradient> accs, Context c) {
      LogisticTrainer.Gradient out = null;
      for (LogisticTrainer.Gradient a : accs) {
        if (a.docs > 0) { // empty accumulators have no arrays yet
          out = out == null ? a : out.merge(a);
        }
      }
      return out == null ? new LogisticTrainer.Gradient(0) : out;
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<LogisticTrainer.Gradient> getAccumulatorCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry,
        org.apache.beam.sdk.coders.Coder<List<SparseDoc>> inputCoder) {
      return GradientCoder.of();
    }

    @Override
    public LogisticTrainer.Gradient extractOutput(LogisticTrainer.Gradient acc, Context c) {
      return acc;
    }
  }

  static class StepFn extends DoFn<LogisticTrainer.Gradient, LogisticTrainer.State> {
    private final PCollectionView<LogisticTrainer.State> current;
    private final LogisticTrainer.Params params;

    StepFn(PCollectionView<LogisticTrainer.State> current, LogisticTrainer.Params params) {
      this.current = current;
      this.params = params;
    }

    @ProcessElement
    public void process(@Element LogisticTrainer.Gradient g, ProcessContext c) {
      LogisticTrainer.State s = c.sideInput(current);
      if (g.sum.length == 0) {
        g.sum = new double[s.weights.length];
        g.energy = new double[s.dim];
      }
      c.output(s.step(g, params));
    }
  }

  static class TuneFn extends CombineFnWithContext<SparseDoc, ThresholdTuner, ThresholdTuner> {
    private final PCollectionView<LogisticTrainer.State> trained;

    TuneFn(PCollectionView<LogisticTrainer.State> trained) {
      this.trained = trained;
    }

    @Override
    public ThresholdTuner createAccumulator(Context c) {
      return null;
    }

    @Override
    public ThresholdTuner addInput(ThresholdTuner acc, SparseDoc doc, Context c) {
      LogisticTrainer.State s = c.sideInput(trained);
      ThresholdTuner t = acc == null ? new ThresholdTuner(s.labels) : acc;
      for (int l = 0; l < s.labels; l++) {
        t.add(l, LogisticTrainer.sigmoid(LogisticTrainer.margin(s.weights, s.dim, l, doc)), doc.hasLabel(l));
      }
      return t;
    }

    @Override
    public ThresholdTuner mergeAccumulators(Iterable<ThresholdTuner> accs, Context c) {
      ThresholdTuner out = null;
      for (ThresholdTuner a : accs) {
        if (a != null) {
          out = out == null ? a : out.merge(a);
        }
      }
      return out;
    }

    @Override
    public ThresholdTuner extractOutput(ThresholdTuner acc, Context c) {
      return acc;
    }
  }

  static class AssembleFn extends DoFn<LogisticTrainer.State, TopicModel> {
    private final PCollectionView<Vocabulary> vocab;
    private final PCollectionView<List<ThresholdTuner>> tuners;
    private final TrainSettings settings;

    AssembleFn(PCollectionView<Vocabulary> vocab, PCollectionView<List<ThresholdTuner>> tuners,
        TrainSettings settings) {
      this.vocab = vocab;
      this.tuners = tuners;
      this.settings = settings;
    }

    @ProcessElement
    public void process(@Element LogisticTrainer.State state, ProcessContext c) {
      List<ThresholdTuner> t = c.sideInput(tuners);
      c.output(TopicModelBuilder.build(c.sideInput(vocab), state,
          t.isEmpty() ? null : t.get(0), settings, Instant.now().toString()));
    }
  }
}
