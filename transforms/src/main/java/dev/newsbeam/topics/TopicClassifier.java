package dev.newsbeam.topics;

import dev.newsbeam.schema.Topic;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.schema.TopicModelLabel;
import dev.newsbeam.text.AnalyzedText;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Applies a trained {@link TopicModel} to an article (pure core): TF-IDF features as in training,
 * one logistic score per label, a tag for every label whose probability reaches its tuned
 * threshold; an article that reaches none gets its best label if that is within the model's {@code
 * fallback_margin} (logit units) of its threshold, unless the fallback is switched off ({@link
 * #TopicClassifier(TopicModel, boolean)}): a model trained where every article has a label
 * (Reuters) would otherwise give off-topic news its nearest label. The evidence of a tag is the
 * present terms that pushed its score up most ({@code "term×count"}).
 */
public final class TopicClassifier {
  public static final int FORMAT_VERSION = 1;
  private static final int MAX_EVIDENCE = 5;

  private final TopicModel model;
  private final NewsAnalyzer analyzer;
  private final Map<String, Integer> vocabulary;
  private final float[] idf;
  private final float[][] weights;
  private final double[] bias;

  /** Thresholds as margins: logit of the probability threshold. */
  private final double[] thresholds;

  private final double fallbackMargin;
  private final String[] labels;

  public TopicClassifier(TopicModel model) {
    this(model, true);
  }

  /**
   * {@code fallback} false: only labels that reach their threshold, whatever the model's fallback
   * margin.
   */
  public TopicClassifier(TopicModel model, boolean fallback) {
    if (model.getFormatVersion() != FORMAT_VERSION) {
      throw new IllegalArgumentException("unknown topic model format " + model.getFormatVersion());
    }
    this.model = model;
    this.analyzer = new NewsAnalyzer(NewsAnalyzer.Stemming.parse(model.getStemming()));
    List<String> terms = model.getVocabulary();
    vocabulary = new HashMap<>(terms.size() * 2);
    for (int i = 0; i < terms.size(); i++) {
      vocabulary.put(terms.get(i), i);
    }
    idf = toArray(model.getIdf());
    fallbackMargin = fallback ? model.getFallbackMargin() : 0;
    int n = model.getLabels().size();
    weights = new float[n][];
    bias = new double[n];
    thresholds = new double[n];
    labels = new String[n];
    for (int l = 0; l < n; l++) {
      TopicModelLabel m = model.getLabels().get(l);
      weights[l] = toArray(m.getWeights());
      bias[l] = m.getBias();
      thresholds[l] = BinaryLogistic.logit(m.getThreshold());
      labels[l] = m.getLabel();
    }
  }

  public TopicModel model() {
    return model;
  }

  private static float[] toArray(List<Float> list) {
    float[] out = new float[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /** The feature vector of an article as the model sees it. */
  public SparseDoc features(String title, String text) {
    return Features.vector(
        "",
        Features.termCounts(analyzer, title, text, model.getTitleWeight()),
        vocabulary,
        idf,
        new int[0],
        0);
  }

  /** Probability of every label, in model label order. */
  public double[] probabilities(SparseDoc doc) {
    double[] p = new double[labels.length];
    for (int l = 0; l < labels.length; l++) {
      p[l] = BinaryLogistic.sigmoid(margin(l, doc));
    }
    return p;
  }

  private double margin(int l, SparseDoc doc) {
    double z = bias[l];
    float[] w = weights[l];
    for (int k = 0; k < doc.index.length; k++) {
      z += w[doc.index[k]] * doc.value[k];
    }
    return z;
  }

  /** Labels whose probability reaches their threshold (or the fallback label), highest first. */
  public List<String> predict(String title, String text) {
    List<String> out = new ArrayList<>();
    for (Topic t : tag(title, text)) {
      out.add(t.getCode());
    }
    return out;
  }

  /** Model tags of an article, highest probability first. */
  public List<Topic> tag(String title, String text) {
    return tag(Features.termCounts(analyzer, title, text, model.getTitleWeight()));
  }

  /**
   * Model tags of an article whose body is already analysed, highest probability first; the same as
   * {@link #tag(String, String)} of its text. The model has its own stemming and the default
   * stopwords: a body analysed otherwise is analysed again.
   */
  public List<Topic> tag(String title, AnalyzedText body) {
    return tag(Features.termCounts(analyzer, title, body, model.getTitleWeight()));
  }

  private List<Topic> tag(Map<String, Integer> counts) {
    SparseDoc doc = Features.vector("", counts, vocabulary, idf, new int[0], 0);
    double[] margins = new double[labels.length];
    for (int l = 0; l < labels.length; l++) {
      margins[l] = margin(l, doc);
    }
    boolean[] assigned = ThresholdTuner.predict(margins, thresholds, fallbackMargin);
    List<Topic> out = new ArrayList<>();
    for (int l = 0; l < labels.length; l++) {
      if (assigned[l]) {
        out.add(
            Topic.newBuilder()
                .setCode(labels[l])
                .setLabel(labels[l])
                .setScore(BinaryLogistic.sigmoid(margins[l]))
                .setSource("model")
                .setEvidence(evidence(l, doc, counts))
                .build());
      }
    }
    out.sort((a, b) -> Double.compare(b.getScore(), a.getScore()));
    return out;
  }

  private List<String> evidence(int l, SparseDoc doc, Map<String, Integer> counts) {
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < doc.index.length; k++) {
      if (weights[l][doc.index[k]] > 0) {
        order.add(k);
      }
    }
    order.sort(
        (a, b) ->
            Double.compare(
                weights[l][doc.index[b]] * doc.value[b], weights[l][doc.index[a]] * doc.value[a]));
    List<String> out = new ArrayList<>();
    List<String> vocab = model.getVocabulary();
    for (int i = 0; i < order.size() && i < MAX_EVIDENCE; i++) {
      int k = order.get(i);
      String term = vocab.get(doc.index[k]);
      out.add(term + "×" + counts.get(term));
    }
    if (out.isEmpty()) {
      // a tag reached by the bias alone still says so rather than carrying no evidence
      out.add("prior×1");
    }
    return out;
  }

  /** Writes {@code model} as a one-record Avro container. */
  public static void write(TopicModel model, OutputStream out) throws IOException {
    try (DataFileWriter<TopicModel> w =
        new DataFileWriter<>(new SpecificDatumWriter<>(TopicModel.class))) {
      w.create(TopicModel.getClassSchema(), out);
      w.append(model);
    }
  }

  /** Reads the first model of an Avro container. */
  public static TopicModel read(InputStream in) throws IOException {
    try (DataFileStream<TopicModel> r =
        new DataFileStream<>(in, new SpecificDatumReader<>(TopicModel.class))) {
      if (!r.hasNext()) {
        throw new IOException("topic model file holds no model");
      }
      return r.next();
    }
  }

  /** Reads the model of a {@code train-topics} output directory or file. */
  public static TopicModel read(File pathOrDir) throws IOException {
    File f = pathOrDir;
    if (f.isDirectory()) {
      File[] files =
          f.listFiles((d, n) -> n.startsWith(TrainTopicModel.FILE_PREFIX) && n.endsWith(".avro"));
      if (files == null || files.length == 0) {
        throw new IOException("no " + TrainTopicModel.FILE_PREFIX + "*.avro in " + f);
      }
      f = files[0];
    }
    try (InputStream in = new java.io.FileInputStream(f)) {
      return read(in);
    }
  }
}
