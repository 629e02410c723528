package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.newsbeam.dedup.CanonicalPolicy;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.stats.WordStatsSettings;
import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.topics.TrainSettings;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/** One options model: every command's options parse alike, and their defaults are the settings'. */
class OptionsTest {
  @Test
  void defaultsAreTheSettingsRecordsDefaults() {
    NewsbeamOptions options = PipelineOptionsFactory.fromArgs().as(NewsbeamOptions.class);
    assertThat(DedupSettings.from(options), equalTo(DedupSettings.defaults()));
    assertThat(WordStatsSettings.from(options), equalTo(WordStatsSettings.defaults()));
    TrainTopicsOptions train = PipelineOptionsFactory.fromArgs().as(TrainTopicsOptions.class);
    assertThat(TrainSettings.from(train), equalTo(TrainSettings.defaults()));
  }

  @Test
  void choicesParseInAnyCaseAndAsUsersWriteThem() {
    NewsbeamOptions options =
        PipelineOptionsFactory.fromArgs(
                "--keep=Latest", "--stem=english-minimal", "--verify=EXACT", "--avroCodec=zstd")
            .as(NewsbeamOptions.class);
    assertThat(options.getKeep(), equalTo(CanonicalPolicy.LATEST));
    assertThat(options.getStem(), equalTo(NewsAnalyzer.Stemming.ENGLISH_MINIMAL));
    assertThat(options.getVerify(), equalTo(DedupSettings.Verify.EXACT));
    assertThat(options.getAvroCodec(), equalTo(AvroCodec.ZSTANDARD));
  }

  @Test
  void theManifestRecordsChoicesAsUsersWriteThem() throws Exception {
    NewsbeamOptions options =
        PipelineOptionsFactory.fromArgs("--keep=latest", "--stem=english-minimal")
            .as(NewsbeamOptions.class);
    String json = NewsPipeline.optionsJson(options);
    assertThat(json, containsString("\"keep\":\"latest\""));
    assertThat(json, containsString("\"stem\":\"english-minimal\""));
  }

  @Test
  void aBadChoiceIsAUsageErrorThatSaysWhatIsAllowed() {
    Outputs.Run run = Outputs.main("--keep=oldest");
    assertThat(run.exitCode(), equalTo(2));
    assertThat(
        run.stderr(), containsString("--keep must be earliest, latest or longest, not 'oldest'"));
    assertThat(run.stderr(), not(containsString("Cannot construct instance")));
  }

  @Test
  void anUnknownFlagIsAUsageError() {
    Outputs.Run run = Outputs.main("--similarty=0.5");
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.stderr(), containsString("similarity"));
  }

  @Test
  void trainTopicsNeedsItsInputAndWhereToWriteTheModel() {
    Outputs.Run run = Outputs.main("train-topics", "--input=" + Outputs.testdata());
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.stderr(), containsString("--topicModel=DIR"));
  }

  @Test
  void outputLayoutDefaultsToDayPartitionsInAvro() {
    NewsbeamOptions options = PipelineOptionsFactory.fromArgs().as(NewsbeamOptions.class);
    assertThat(options.getPartitionBy(), equalTo(PartitionBy.DAY));
    assertThat(options.getFormat(), equalTo(OutputFormat.AVRO));
    NewsbeamOptions chosen =
        PipelineOptionsFactory.fromArgs("--partitionBy=Month", "--format=BOTH")
            .as(NewsbeamOptions.class);
    assertThat(chosen.getPartitionBy(), equalTo(PartitionBy.MONTH));
    assertThat(chosen.getFormat(), equalTo(OutputFormat.BOTH));
  }

  @Test
  void anUnknownPartitioningOrFormatIsRefusedWithTheChoices() {
    Outputs.Run week = Outputs.main("--input=" + Outputs.testdata(), "--partitionBy=week");
    assertThat(week.exitCode(), equalTo(2));
    assertThat(week.stderr(), containsString("--partitionBy must be day, month or none"));
    Outputs.Run orc = Outputs.main("--input=" + Outputs.testdata(), "--format=orc");
    assertThat(orc.exitCode(), equalTo(2));
    assertThat(orc.stderr(), containsString("--format must be avro, parquet or both"));
  }

  @Test
  void partitionFoldersAreHiveStyle() {
    int day = (int) java.time.LocalDate.of(2025, 2, 12).toEpochDay();
    assertThat(PartitionBy.DAY.folder(day), equalTo("dt=2025-02-12"));
    assertThat(PartitionBy.MONTH.folder(day), equalTo("dt=2025-02"));
    assertThat(PartitionBy.NONE.folder(day), equalTo(""));
    assertThat(PartitionBy.DAY.folder(null), equalTo("dt=unknown"));
    assertThat(PartitionBy.MONTH.folder(null), equalTo("dt=unknown"));
    assertThat(PartitionBy.NONE.folder(null), equalTo(""));
  }
}
