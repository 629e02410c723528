package dev.newsbeam.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.schema.TopicDayCount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Reads a finished run's output folder into a {@link RunSummary}, one record at a time, through
 * Beam's {@link FileSystems} so any filesystem the run could write to (local, gs://, s3://, hdfs)
 * can be reported on. Datasets are read from their Avro files, in their partition folders ({@code
 * dt=...}) too; a dataset the run did not write as Avro ({@code --format=parquet}) is absent from
 * the summary, whose accounting still comes from the manifest.
 */
public final class ReportReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String root;
  private final ReportSettings settings;

  public ReportReader(String root, ReportSettings settings) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.settings = settings;
  }

  public RunSummary read() throws IOException {
    RunSummary s = new RunSummary(settings);
    s.setAccounting(accounting(readManifest()));
    each("errors", ErrorRecord.class, s::addError);
    // clusters are sized from duplicates/ before articles/ names their canonicals and outlets
    each("duplicates", DuplicateRow.class, s::addDuplicate);
    s.chooseLargestClusters();
    each("topics", TopicDayCount.class, s::addTopicDay);
    each("terms", TermStat.class, s::addTerm);
    each("term_keyness", TermKeyness.class, s::addKeyness);
    each("articles", Article.class, s::addArticle);
    return s;
  }

  private JsonNode readManifest() throws IOException {
    String path = root + "/manifest.json";
    try (InputStream in =
        Channels.newInputStream(
            FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId()))) {
      return JSON.readTree(in);
    }
  }

  static RunSummary.Accounting accounting(JsonNode m) {
    JsonNode c = m.path("counts");
    Map<String, Long> reasons = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = c.path("errors_by_reason").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      reasons.put(e.getKey(), e.getValue().asLong());
    }
    Map<String, Long> skipped = new TreeMap<>();
    c.path("skipped_by_reason")
        .fields()
        .forEachRemaining(e -> skipped.put(e.getKey(), e.getValue().asLong()));
    Map<String, Map<String, Long>> stages = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = m.path("stages").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> stage = it.next();
      Map<String, Long> counters = new TreeMap<>();
      stage
          .getValue()
          .fields()
          .forEachRemaining(e -> counters.put(e.getKey(), e.getValue().asLong()));
      stages.put(stage.getKey(), counters);
    }
    return new RunSummary.Accounting(
        m.path("runner").asText(""),
        m.path("started_at").asText(""),
        m.path("duration_seconds").asDouble(),
        c.path("files").asLong(),
        c.path("input_records").asLong(),
        c.path("articles").asLong(),
        c.path("errors").asLong(),
        c.path("accounting").path("balanced").asBoolean(),
        reasons,
        skipped,
        stages);
  }

  /** Streams every record of {@code dataset}'s Avro shards (none when the run did not write it). */
  private <T extends SpecificRecord> void each(String dataset, Class<T> type, Consumer<T> sink)
      throws IOException {
    MatchResult match =
        FileSystems.match(root + "/" + dataset + "/**.avro", EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK) {
      return;
    }
    List<MatchResult.Metadata> shards = new ArrayList<>(match.metadata());
    shards.sort((a, b) -> a.resourceId().toString().compareTo(b.resourceId().toString()));
    for (MatchResult.Metadata shard : shards) {
      try (InputStream in = Channels.newInputStream(FileSystems.open(shard.resourceId()));
          DataFileStream<T> records = new DataFileStream<>(in, new SpecificDatumReader<>(type))) {
        // a fresh record each time: the summary keeps some (top-N terms) by reference
        while (records.hasNext()) {
          sink.accept(records.next());
        }
      }
    }
  }
}
