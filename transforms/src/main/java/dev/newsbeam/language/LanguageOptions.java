package dev.newsbeam.language;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Which languages a run keeps. */
public interface LanguageOptions extends PipelineOptions {
  @Description(
      "Comma-separated ISO 639-1 codes of the languages to keep (e.g. en,de); articles in other "
          + "languages, or whose language cannot be told, are skipped and counted as "
          + "skipped.language. Empty (the default) keeps every article.")
  @Default.String(LanguageSettings.DEFAULT_KEEP)
  String getLanguages();

  void setLanguages(String value);
}
