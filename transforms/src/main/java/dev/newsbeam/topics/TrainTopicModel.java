package dev.newsbeam.topics;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.text.NewsAnalyzer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Learns a multi-label topic model from articles' gold {@code labels}: one-vs-rest L2-regularised
 * logistic regression over TF-IDF, each label fit to convergence by L-BFGS, per-label thresholds
 * tuned for micro-F1 on k-fold cross-validated out-of-fold margins. Runs on any runner:
 *
 * <ol>
 *   <li>document frequencies and label counts in one combiner give the vocabulary (a side input);
 *   <li>all articles' vectors are gathered into one {@link TrainingSet} (a side input: sparse rows,
 *       one per labelled article);
 *   <li>one job per label × (each fold, and all articles) is reshuffled across workers and fit by a
 *       {@code DoFn} ({@link TopicTrainer#fit});
 *   <li>the fold fits' out-of-fold margins tune the thresholds ({@link ThresholdTuner}); the
 *       all-article fits are the model's weights.
 * </ol>
 *
 * <pre>{@code
 * PCollection<TopicModel> model = articles.apply(TrainTopicModel.with(TrainSettings.defaults()));
 * model.apply(AvroIO.write(TopicModel.class).to(dir + "/topic-model").withSuffix(".avro").withoutSharding());
 * }</pre>
 */
public final class TrainTopicModel
    extends PTransform<PCollection<Article>, PCollection<TopicModel>> {
  /** File name prefix of the model inside a model directory. */
  public static final String FILE_PREFIX = "topic-model";

  private final TrainSettings settings;

  private TrainTopicModel(TrainSettings settings) {
    this.settings = settings;
  }

  public static TrainTopicModel with(TrainSettings settings) {
    return new TrainTopicModel(settings);
  }

  @Override
  public PCollection<TopicModel> expand(PCollection<Article> articles) {
    PCollection<LabelledTerms> docs =
        articles
            .apply("AnalyseLabelled", ParDo.of(new AnalyseFn(settings)))
            .setCoder(SerializableCoder.of(LabelledTerms.class));

    PCollectionView<Vocabulary> vocab =
        docs.apply("CountTermsAndLabels", Combine.globally(new CorpusCountsFn()).withoutDefaults())
            .apply(
                "ChooseVocabulary",
                MapElements.into(TypeDescriptor.of(Vocabulary.class))
                    .via(new ChooseVocabulary(settings.minDf())))
            .setCoder(SerializableCoder.of(Vocabulary.class))
            .apply("VocabularyView", View.asSingleton());

    PCollectionView<TrainingSet> data =
        docs.apply("Vectorise", ParDo.of(new VectoriseFn(vocab)).withSideInputs(vocab))
            .setCoder(SerializableCoder.of(SparseDoc.class))
            .apply("CollectVectors", Combine.globally(new CollectFn<SparseDoc>()).withoutDefaults())
            .setCoder(ListCoder.of(SerializableCoder.of(SparseDoc.class)))
            .apply(
                "ToTrainingSet",
                ParDo.of(new TrainingSetFn(vocab, settings.folds())).withSideInputs(vocab))
            .setCoder(SerializableCoder.of(TrainingSet.class))
            .apply("TrainingSetView", View.asSingleton());

    PCollection<LabelFit> fits =
        articles
            .getPipeline()
            .apply("Seed", Create.of(0).withCoder(VarIntCoder.of()))
            .apply("Jobs", ParDo.of(new JobsFn(vocab, settings.folds())).withSideInputs(vocab))
            .setCoder(KvCoder.of(VarIntCoder.of(), VarIntCoder.of()))
            // one job is seconds of work: spread them over workers instead of fitting all in one
            // bundle
            .apply("SpreadJobs", Reshuffle.viaRandomKey())
            .apply("FitLabels", ParDo.of(new FitFn(data, settings)).withSideInputs(data))
            .setCoder(SerializableCoder.of(LabelFit.class));

    PCollectionView<ThresholdTuner.Result> thresholds =
        fits.apply("FoldFits", Filter.by(new IsFinal(false)))
            .apply("CollectFoldFits", Combine.globally(new CollectFn<LabelFit>()).withoutDefaults())
            .setCoder(ListCoder.of(SerializableCoder.of(LabelFit.class)))
            .apply("TuneThresholds", ParDo.of(new TuneFn(data)).withSideInputs(data))
            .setCoder(SerializableCoder.of(ThresholdTuner.Result.class))
            .apply("ThresholdsView", View.asSingleton());

    return fits.apply("FinalFits", Filter.by(new IsFinal(true)))
        .apply("CollectFinalFits", Combine.globally(new CollectFn<LabelFit>()).withoutDefaults())
        .setCoder(ListCoder.of(SerializableCoder.of(LabelFit.class)))
        .apply(
            "AssembleModel",
            ParDo.of(new AssembleFn(vocab, thresholds, settings)).withSideInputs(vocab, thresholds))
        .setCoder(AvroCoder.of(TopicModel.class));
  }

  static class AnalyseFn extends DoFn<Article, LabelledTerms> {
    private final Counter unlabelled = Metrics.counter(AnalyseFn.class, "unlabelled");
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
      out.output(
          new LabelledTerms(
              a.getId(),
              Features.termCounts(analyzer, a.getTitle(), a.getText(), settings.titleWeight()),
              List.copyOf(a.getLabels()),
              settings.fold(a.getId())));
    }
  }

  static class CorpusCountsFn
      extends Combine.CombineFn<LabelledTerms, Vocabulary.Counts, Vocabulary.Counts> {
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

  /** Gathers all elements into one list (order is not kept: consumers sort). */
  static class CollectFn<T> extends Combine.CombineFn<T, List<T>, List<T>> {
    @Override
    public List<T> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<T> addInput(List<T> acc, T input) {
      acc.add(input);
      return acc;
    }

    @Override
    public List<T> mergeAccumulators(Iterable<List<T>> accs) {
      List<T> out = new ArrayList<>();
      for (List<T> a : accs) {
        out.addAll(a);
      }
      return out;
    }

    @Override
    public List<T> extractOutput(List<T> acc) {
      return acc;
    }

    @Override
    public Coder<List<T>> getAccumulatorCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return ListCoder.of(inputCoder);
    }
  }

  static class TrainingSetFn extends DoFn<List<SparseDoc>, TrainingSet> {
    private final PCollectionView<Vocabulary> vocab;
    private final int folds;

    TrainingSetFn(PCollectionView<Vocabulary> vocab, int folds) {
      this.vocab = vocab;
      this.folds = folds;
    }

    @ProcessElement
    public void process(@Element List<SparseDoc> docs, ProcessContext c) {
      Vocabulary v = c.sideInput(vocab);
      c.output(TrainingSet.of(docs, v.terms.size(), v.labels.size(), folds));
    }
  }

  static class JobsFn extends DoFn<Integer, KV<Integer, Integer>> {
    private final PCollectionView<Vocabulary> vocab;
    private final int folds;

    JobsFn(PCollectionView<Vocabulary> vocab, int folds) {
      this.vocab = vocab;
      this.folds = folds;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      for (int[] job : TopicTrainer.jobs(c.sideInput(vocab).labels.size(), folds)) {
        c.output(KV.of(job[0], job[1]));
      }
    }
  }

  static class FitFn extends DoFn<KV<Integer, Integer>, LabelFit> {
    private final Counter unconverged = Metrics.counter(FitFn.class, "fits_at_iteration_cap");
    private final Distribution iterations = Metrics.distribution(FitFn.class, "fit_iterations");
    private final PCollectionView<TrainingSet> data;
    private final TrainSettings settings;

    FitFn(PCollectionView<TrainingSet> data, TrainSettings settings) {
      this.data = data;
      this.settings = settings;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Integer> job, ProcessContext c) {
      LabelFit fit = TopicTrainer.fit(c.sideInput(data), job.getKey(), job.getValue(), settings);
      iterations.update(fit.iterations());
      if (fit.iterations() >= settings.maxIterations()) {
        unconverged.inc();
      }
      c.output(fit);
    }
  }

  static class IsFinal implements SerializableFunction<LabelFit, Boolean> {
    private final boolean wanted;

    IsFinal(boolean wanted) {
      this.wanted = wanted;
    }

    @Override
    public Boolean apply(LabelFit f) {
      return f.isFinal() == wanted;
    }
  }

  static class TuneFn extends DoFn<List<LabelFit>, ThresholdTuner.Result> {
    private final PCollectionView<TrainingSet> data;

    TuneFn(PCollectionView<TrainingSet> data) {
      this.data = data;
    }

    @ProcessElement
    public void process(@Element List<LabelFit> fits, ProcessContext c) {
      c.output(TopicTrainer.tune(c.sideInput(data), fits));
    }
  }

  static class AssembleFn extends DoFn<List<LabelFit>, TopicModel> {
    private final PCollectionView<Vocabulary> vocab;
    private final PCollectionView<ThresholdTuner.Result> thresholds;
    private final TrainSettings settings;

    AssembleFn(
        PCollectionView<Vocabulary> vocab,
        PCollectionView<ThresholdTuner.Result> thresholds,
        TrainSettings settings) {
      this.vocab = vocab;
      this.thresholds = thresholds;
      this.settings = settings;
    }

    @ProcessElement
    public void process(@Element List<LabelFit> finals, ProcessContext c) {
      List<LabelFit> sorted = new ArrayList<>(finals);
      sorted.sort(Comparator.comparingInt(LabelFit::label));
      c.output(
          TopicModelBuilder.build(
              c.sideInput(vocab),
              sorted,
              c.sideInput(thresholds),
              settings,
              Instant.now().toString()));
    }
  }
}
