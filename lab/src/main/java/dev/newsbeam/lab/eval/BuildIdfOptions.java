package dev.newsbeam.lab.eval;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code build-idf}: the reference corpora and where the table goes. */
public interface BuildIdfOptions extends PipelineOptions {
  @Description(
      "Comma-separated JSONL files ('title' and 'text' read), each one reference corpus; every "
          + "corpus weighs the same however many articles it holds.")
  @Default.String("../shared/corpora/reuters21578-train.jsonl,lab/data/topics-general/half-a.jsonl")
  String getCorpora();

  void setCorpora(String value);

  @Description("Where the table is written.")
  @Default.String("transforms/src/main/resources/dev/newsbeam/topics/reference-idf.tsv")
  String getTable();

  void setTable(String value);

  @Description("Terms held by fewer articles than this over all corpora are left to 'unseen'.")
  @Default.Integer(3)
  int getMinArticles();

  void setMinArticles(int value);
}
