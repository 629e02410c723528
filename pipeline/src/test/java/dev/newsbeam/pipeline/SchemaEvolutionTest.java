package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DedupInfo;
import dev.newsbeam.schema.DuplicateRow;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Output written with an earlier schema version reads through today's schemas, so adding a field
 * never breaks yesterday's data. {@code src/test/resources/schemas/v<N-1>/} holds the previous
 * version's schemas as they were released: when {@link Manifest#SCHEMA_VERSION} goes up, copy
 * today's schemas there first.
 */
class SchemaEvolutionTest {
  @TempDir Path tmp;

  @Test
  void theManifestVersionHasItsPredecessorsSchemasHere() throws IOException {
    assertThat(previous("DuplicateRow"), not(nullValue()));
  }

  @Test
  void duplicatesOfThePreviousVersionReadThroughTodaysSchema() throws IOException {
    Schema v2 = previous("DuplicateRow");
    assertCompatible(DuplicateRow.getClassSchema(), v2);
    GenericRecord old = new GenericData.Record(v2);
    old.put("id", "a");
    old.put("source", "in/a.txt");
    old.put("published_date", (int) LocalDate.of(2025, 2, 12).toEpochDay());
    old.put("canonical_id", "b");
    old.put("canonical_source", "in/b.txt");
    old.put("cluster_id", "b");
    old.put("kind", "exact");
    old.put("similarity", 1.0);
    old.put("matched_via", null);

    List<DuplicateRow> read = writeThenRead(v2, old, DuplicateRow.class);

    assertThat(read, hasSize(1));
    assertThat(read.get(0).getId(), equalTo("a"));
    assertThat(read.get(0).getCanonicalId(), equalTo("b"));
    assertThat(read.get(0).getPublishedDate(), equalTo(LocalDate.of(2025, 2, 12)));
    assertThat(
        "a field added since reads as its default", read.get(0).getCanonicalRun(), nullValue());
  }

  @Test
  void dedupRecordsOfThePreviousVersionReadThroughTodaysSchema() throws IOException {
    Schema v2 = previous("DedupInfo");
    assertCompatible(DedupInfo.getClassSchema(), v2);
    GenericRecord old = new GenericData.Record(v2);
    old.put("cluster_id", "b");
    old.put("canonical_id", "b");
    old.put("is_canonical", false);
    old.put("kind", "near");
    old.put("similarity", 0.8);

    List<DedupInfo> read = writeThenRead(v2, old, DedupInfo.class);

    assertThat(read, hasSize(1));
    assertThat(read.get(0).getCanonicalId(), equalTo("b"));
    assertThat(
        "a field added since reads as its default", read.get(0).getCanonicalRun(), nullValue());
  }

  @Test
  void articlesOfThePreviousVersionReadThroughTodaysSchema() throws IOException {
    Schema older = previousArticle();
    assertCompatible(Article.getClassSchema(), older);

    List<Article> read = writeThenRead(older, oldArticle(older), Article.class);

    assertThat(read, hasSize(1));
    assertThat(read.get(0).getText(), equalTo("Body."));
    assertThat("a field added since reads as its default", read.get(0).getLanguage(), nullValue());
    assertThat(read.get(0).getSite(), nullValue());
  }

  /**
   * Any optional field of today's Article could have been the newest: a file written without it
   * reads through today's schema, the field at its default.
   */
  @ParameterizedTest
  @MethodSource("optionalArticleFields")
  void articlesWithoutAnOptionalFieldReadThroughTodaysSchema(String field) throws IOException {
    Schema today = Article.getClassSchema();
    Schema older = without(today, field);
    assertCompatible(today, older);
    GenericRecord old = oldArticle(older);

    List<Article> read = writeThenRead(older, old, Article.class);

    assertThat(read, hasSize(1));
    Article a = read.get(0);
    assertThat(a.getText(), equalTo("Body."));
    Object expected = GenericData.get().getDefaultValue(today.getField(field));
    Object actual = a.get(today.getField(field).pos());
    assertThat(field, String.valueOf(actual), equalTo(String.valueOf(expected)));
    if (!field.equals("published_date")) {
      assertThat(a.getPublishedDate(), equalTo(LocalDate.of(2025, 2, 12)));
    }
  }

  /**
   * An article of schema {@code older}: every field at its default, the required ones filled, and a
   * publication date when the schema has the field.
   */
  private static GenericRecord oldArticle(Schema older) {
    GenericRecord old = new GenericData.Record(older);
    for (Schema.Field f : older.getFields()) {
      old.put(f.name(), f.hasDefaultValue() ? GenericData.get().getDefaultValue(f) : null);
    }
    old.put("id", "a");
    old.put("source", "in/a.txt");
    old.put("input_format", "text");
    old.put("text", "Body.");
    if (older.getField("published_date") != null) {
      old.put("published_date", (int) LocalDate.of(2025, 2, 12).toEpochDay());
    }
    return old;
  }

  static Stream<String> optionalArticleFields() {
    return Article.getClassSchema().getFields().stream()
        .filter(Schema.Field::hasDefaultValue)
        .map(Schema.Field::name);
  }

  private static void assertCompatible(Schema reader, Schema writer) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    assertThat(
        result.getDescription(), result.getType(), equalTo(SchemaCompatibilityType.COMPATIBLE));
  }

  private <T> List<T> writeThenRead(Schema writer, GenericRecord record, Class<T> type)
      throws IOException {
    File file = tmp.resolve("old.avro").toFile();
    try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<>(writer))) {
      w.create(writer, file);
      w.append(record);
    }
    List<T> records = new ArrayList<>();
    // the writer's schema comes from the file; the reader's is today's generated class
    try (DataFileReader<T> r = new DataFileReader<>(file, new SpecificDatumReader<>(type))) {
      r.forEach(records::add);
    }
    return records;
  }

  private static Schema previous(String name) throws IOException {
    return previous(new Schema.Parser(), name);
  }

  /** Article names its nested records; a parser learns them from the files before Article's. */
  private static Schema previousArticle() throws IOException {
    Schema.Parser parser = new Schema.Parser();
    for (String nested : List.of("Author", "Dateline", "Topic", "ArticleStats", "DedupInfo")) {
      previous(parser, nested);
    }
    return previous(parser, "Article");
  }

  private static Schema previous(Schema.Parser parser, String name) throws IOException {
    String resource = "/schemas/v" + (Manifest.SCHEMA_VERSION - 1) + "/" + name + ".avsc";
    try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(resource)) {
      return in == null ? null : parser.parse(in);
    }
  }

  private static Schema without(Schema schema, String dropped) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      if (!f.name().equals(dropped)) {
        fields.add(new Schema.Field(f, f.schema()));
      }
    }
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }
}
