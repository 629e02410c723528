package dev.newsbeam.topics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Topic;
import dev.newsbeam.schema.TopicDayCount;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class TopicsPipelineTest {

  @Test
  void trainsAModelThatTagsHeldBackArticles(TestPipeline pipeline) {
    List<Article> corpus = Synthetic.corpus(90, 7);
    TrainSettings settings = TrainSettings.defaults().withFolds(3).withTitleWeight(2);
    PCollection<TopicModel> model =
        pipeline
            .apply("Articles", Create.of(corpus).withCoder(AvroCoder.of(Article.class)))
            .apply(TrainTopicModel.with(settings));
    // the Beam graph must learn the same model as the in-memory reference of the same arithmetic
    TopicModel reference = TopicModelTest.trainInMemory(corpus, settings);
    PAssert.thatSingleton(model)
        .satisfies(
            m -> {
              assertThat(
                  m.getLabels().stream().map(l -> l.getLabel()).toList(),
                  contains("acq", "grain", "running"));
              assertThat(m.getTrainingArticles(), is(90L));
              assertThat(m.getFolds(), is(3));
              assertThat(m.getTitleWeight(), is(2));
              assertThat(m.getPasses(), greaterThan(0));
              assertThat(m.getVocabulary(), is(reference.getVocabulary()));
              // every runner fits the same sorted training set: the same weights and thresholds,
              // bit for bit
              for (int l = 0; l < 3; l++) {
                assertThat(
                    m.getLabels().get(l).getWeights(),
                    is(reference.getLabels().get(l).getWeights()));
                assertThat(
                    m.getLabels().get(l).getBias(), is(reference.getLabels().get(l).getBias()));
                assertThat(
                    m.getLabels().get(l).getThreshold(),
                    is(reference.getLabels().get(l).getThreshold()));
              }
              assertThat(m.getFallbackMargin(), is(reference.getFallbackMargin()));
              TopicClassifier c = new TopicClassifier(m);
              assertThat(
                  c.predict("Farm news", "Farmers expect a record wheat harvest, officials said."),
                  contains("grain"));
              assertThat(
                  c.predict("Run", "The runner set a marathon record in the stadium."),
                  contains("running"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  static Article news(String id, String title, String text, LocalDate day) {
    return Synthetic.article(id, title, text, List.of(), day);
  }

  @Test
  void tagsArticlesCountsDaysAndManifest(TestPipeline pipeline) {
    LocalDate d1 = LocalDate.of(2025, 3, 1);
    LocalDate d2 = LocalDate.of(2025, 3, 2);
    List<Article> articles =
        List.of(
            news(
                "a1",
                "Striker scores twice",
                "The striker scored twice and the team won the league title in the stadium.",
                d1),
            news(
                "a2",
                "Cup final",
                "The football team reached the cup final after the coach changed players.",
                d1),
            news(
                "a3",
                "Storm warning",
                "Heavy rain and storms are expected; forecasters warn of strong winds and snow.",
                d2),
            news("a4", "Notice", "Opening hours are nine to five.", d2));
    TagTopics.Result r =
        pipeline
            .apply("Articles", Create.of(articles).withCoder(AvroCoder.of(Article.class)))
            .apply(TagTopics.withDefaultTaxonomy());

    PAssert.that(r.articles())
        .satisfies(
            all -> {
              for (Article a : all) {
                List<String> codes = a.getTopics().stream().map(Topic::getCode).toList();
                switch (a.getId()) {
                  case "a1", "a2" -> assertThat(codes.get(0), is("medtop:15000000"));
                  case "a3" -> assertThat(codes.get(0), is("medtop:17000000"));
                  default -> assertThat(codes, empty());
                }
                for (Topic t : a.getTopics()) {
                  assertThat(t.getSource(), is("taxonomy"));
                  assertThat(t.getEvidence(), not(empty()));
                }
              }
              return null;
            });
    PAssert.that(r.dayCounts())
        .satisfies(
            counts -> {
              List<TopicDayCount> list = StreamSupport.stream(counts.spliterator(), false).toList();
              assertThat(
                  list,
                  hasItem(
                      TopicDayCount.newBuilder()
                          .setDate(d1)
                          .setCode("medtop:15000000")
                          .setLabel("sport")
                          .setSource("taxonomy")
                          .setArticles(2L)
                          .build()));
              assertThat(
                  list,
                  hasItem(
                      TopicDayCount.newBuilder()
                          .setDate(d2)
                          .setCode("medtop:17000000")
                          .setLabel("weather")
                          .setSource("taxonomy")
                          .setArticles(1L)
                          .build()));
              return null;
            });
    // counts are partial per bundle; the manifest sums them per name
    PAssert.that(r.counts().apply("SumCounts", Sum.longsPerKey()))
        .satisfies(
            kvs -> {
              List<KV<String, Long>> list = StreamSupport.stream(kvs.spliterator(), false).toList();
              assertThat(list, hasItem(KV.of("topics.medtop:15000000", 2L)));
              assertThat(list, hasItem(KV.of("topics.medtop:17000000", 1L)));
              assertThat(list, hasItem(KV.of("topics.tagged_articles", 3L)));
              assertThat(list, hasItem(KV.of("topics.untagged_articles", 1L)));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void dayCountsDoNotDependOnTheShardCount(TestPipeline pipeline) {
    LocalDate d1 = LocalDate.of(2025, 3, 1);
    LocalDate d2 = LocalDate.of(2025, 3, 2);
    List<Article> articles =
        List.of(
            news(
                "s1",
                "Striker scores twice",
                "The striker scored twice and the team won the league title.",
                d1),
            news(
                "s2",
                "Cup final",
                "The football team reached the cup final after the coach changed players.",
                d1),
            news("s3", "Derby", "The team won the derby; the striker scored in the stadium.", d2),
            news(
                "s4",
                "Storm warning",
                "Heavy rain and storms are expected; forecasters warn of strong winds.",
                d2),
            news(
                "s5",
                "Snow",
                "Snow and strong winds closed roads; forecasters expect more storms.",
                null));
    PCollection<Article> input =
        pipeline.apply("Articles", Create.of(articles).withCoder(AvroCoder.of(Article.class)));
    PCollection<String> defaults =
        rows(input.apply("Default", TagTopics.withDefaultTaxonomy()).dayCounts(), "D");
    PCollection<String> one =
        rows(
            input.apply("OneShard", TagTopics.withDefaultTaxonomy().withShards(1)).dayCounts(),
            "1");
    PCollection<String> three =
        rows(
            input.apply("ThreeShards", TagTopics.withDefaultTaxonomy().withShards(3)).dayCounts(),
            "3");
    PAssert.that(one)
        .satisfies(
            rows -> {
              List<String> list = StreamSupport.stream(rows.spliterator(), false).toList();
              assertThat(list, hasItem(d1 + "|taxonomy|medtop:15000000|sport=2"));
              assertThat(list, hasItem(d2 + "|taxonomy|medtop:15000000|sport=1"));
              assertThat(list, hasItem("null|taxonomy|medtop:17000000|weather=1"));
              return null;
            });
    // a row is unique per run, so each appears once in each of the three runs
    PAssert.that(
            PCollectionList.of(defaults)
                .and(one)
                .and(three)
                .apply("AllRuns", Flatten.pCollections())
                .apply("TimesSeen", Count.perElement()))
        .satisfies(
            seen -> {
              int n = 0;
              for (KV<String, Long> row : seen) {
                assertThat(row.getKey(), row.getValue(), is(3L));
                n++;
              }
              assertThat(n, greaterThan(3));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private static PCollection<String> rows(PCollection<TopicDayCount> counts, String run) {
    return counts.apply(
        "Rows" + run,
        MapElements.into(TypeDescriptors.strings())
            .via(
                c ->
                    c.getDate()
                        + "|"
                        + c.getSource()
                        + "|"
                        + c.getCode()
                        + "|"
                        + c.getLabel()
                        + "="
                        + c.getArticles()));
  }

  @Test
  void shardsMustBePositive() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> TagTopics.withDefaultTaxonomy().withShards(0));
  }

  @Test
  void appliesATrainedModelAsSideInput(TestPipeline pipeline, @TempDir Path dir) throws Exception {
    TopicModel model =
        TopicModelTest.trainInMemory(
            Synthetic.corpus(90, 11), TrainSettings.defaults().withFolds(3));
    try (OutputStream out =
        new FileOutputStream(dir.resolve(TrainTopicModel.FILE_PREFIX + ".avro").toFile())) {
      TopicClassifier.write(model, out);
    }
    List<Article> articles =
        List.of(
            news(
                "m1",
                "Takeover",
                "Shareholders backed the takeover bid and the board accepted the offer.",
                null),
            news(
                "m2",
                "Harvest",
                "Farmers brought in a record wheat harvest after good rainfall.",
                null));
    TagTopics.Result r =
        pipeline
            .apply("Articles", Create.of(articles).withCoder(AvroCoder.of(Article.class)))
            .apply(TagTopics.with(TopicSettings.defaults().withModel(dir.toString())));
    PAssert.that(r.articles())
        .satisfies(
            all -> {
              for (Article a : all) {
                List<Topic> byModel =
                    a.getTopics().stream().filter(t -> t.getSource().equals("model")).toList();
                assertThat(
                    byModel.stream().map(Topic::getCode).toList(),
                    contains(a.getId().equals("m1") ? "acq" : "grain"));
                assertThat(byModel.get(0).getEvidence(), not(empty()));
                assertThat(
                    a.getTopics().stream().map(Topic::getSource).toList(), hasItem("taxonomy"));
              }
              return null;
            });
    PAssert.that(r.dayCounts())
        .satisfies(
            counts -> {
              List<String> modelCodes =
                  StreamSupport.stream(counts.spliterator(), false)
                      .filter(c -> c.getSource().equals("model"))
                      .map(TopicDayCount::getCode)
                      .toList();
              assertThat(modelCodes, containsInAnyOrder("acq", "grain"));
              assertThat(
                  StreamSupport.stream(counts.spliterator(), false)
                      .map(TopicDayCount::getDate)
                      .toList(),
                  everyItem(is((LocalDate) null)));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void modelFallbackCanBeSwitchedOff(TestPipeline pipeline, @TempDir Path dir) throws Exception {
    TopicModel model =
        TopicModelTest.trainInMemory(
            Synthetic.corpus(90, 11), TrainSettings.defaults().withFolds(3));
    model.getLabels().forEach(l -> l.setThreshold(0.999999)); // no article reaches a threshold
    model.setFallbackMargin(50.0); // so every article would get its nearest label
    try (OutputStream out =
        new FileOutputStream(dir.resolve(TrainTopicModel.FILE_PREFIX + ".avro").toFile())) {
      TopicClassifier.write(model, out);
    }
    PCollection<Article> articles =
        pipeline.apply(
            "Articles",
            Create.of(
                    List.of(
                        news(
                            "m2",
                            "Harvest",
                            "Farmers brought in a record wheat harvest after good rainfall.",
                            null)))
                .withCoder(AvroCoder.of(Article.class)));
    TopicSettings withModel = TopicSettings.defaults().withModel(dir.toString());
    PAssert.that(
            articles
                .apply("WithFallback", TagTopics.with(withModel))
                .articles()
                .apply(
                    "ModelCodesWith",
                    MapElements.into(TypeDescriptors.strings())
                        .via(TopicsPipelineTest::modelCodes)))
        .containsInAnyOrder("grain");
    PAssert.that(
            articles
                .apply("WithoutFallback", TagTopics.with(withModel.withModelFallback(false)))
                .articles()
                .apply(
                    "ModelCodesWithout",
                    MapElements.into(TypeDescriptors.strings())
                        .via(TopicsPipelineTest::modelCodes)))
        .containsInAnyOrder("");
    pipeline.run().waitUntilFinish();
  }

  private static String modelCodes(Article a) {
    return String.join(
        ",",
        a.getTopics().stream()
            .filter(t -> t.getSource().equals("model"))
            .map(Topic::getCode)
            .toList());
  }

  @Test
  void taxonomyTermsAreMatchedWithTheAnalysisAskedFor(TestPipeline pipeline) {
    // one topic whose only term is "election": Porter stemming matches "elections", no stemming
    // does not
    String json =
        "{\"format\": \"newsbeam-taxonomy/1\", \"topics\": [{\"code\": \"x:1\", "
            + "\"name\": \"elections\", \"parent\": null, \"terms\": [\"election^3\"]}]}";
    PCollection<Article> articles =
        pipeline.apply(
            "Articles",
            Create.of(
                    List.of(
                        news(
                            "e1",
                            "Elections",
                            "Elections were held; the elections ended calmly after weeks of elections.",
                            null)))
                .withCoder(AvroCoder.of(Article.class)));
    TopicSettings taxonomy = TopicSettings.defaults().withTaxonomyJson(json);
    PAssert.that(
            articles
                .apply("Porter", TagTopics.with(taxonomy))
                .articles()
                .apply(
                    "CodesPorter",
                    MapElements.into(TypeDescriptors.strings()).via(TopicsPipelineTest::codes)))
        .containsInAnyOrder("x:1");
    PAssert.that(
            articles
                .apply(
                    "Unstemmed",
                    TagTopics.with(
                        taxonomy.withAnalysis(
                            NewsAnalyzer.Stemming.NONE, NewsAnalyzer.Stopwords.CLASSIC)))
                .articles()
                .apply(
                    "CodesUnstemmed",
                    MapElements.into(TypeDescriptors.strings()).via(TopicsPipelineTest::codes)))
        .containsInAnyOrder("");
    pipeline.run().waitUntilFinish();
  }

  private static String codes(Article a) {
    return String.join(",", a.getTopics().stream().map(Topic::getCode).toList());
  }
}
