package dev.newsbeam.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/** Runs the CLI in-process and reads what it wrote, the way a downstream user would. */
final class Outputs {
  private Outputs() {}

  record Run(int exitCode, String stdout, String stderr) {}

  static Run main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.dispatch(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Every record of a dataset, across however many shards the runner wrote. */
  static <T extends SpecificRecord> List<T> read(Path output, String dataset, Class<T> type)
      throws IOException {
    List<T> records = new ArrayList<>();
    for (Path shard : shards(output, dataset)) {
      try (DataFileReader<T> reader =
          new DataFileReader<>(shard.toFile(), new SpecificDatumReader<>(type))) {
        reader.forEach(records::add);
      }
    }
    return records;
  }

  /** A dataset's Avro shards, in its partition folders (dt=...) too. */
  static List<Path> shards(Path output, String dataset) throws IOException {
    try (Stream<Path> s = Files.walk(output.resolve(dataset))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".avro")).sorted().toList();
    }
  }

  static JsonNode manifest(Path output) throws IOException {
    return Manifest.read(output.resolve("manifest.json").toString());
  }

  /** The repository's testdata directory (tests run in the pipeline module's directory). */
  static Path testdata() {
    return Path.of("..", "testdata").toAbsolutePath().normalize();
  }
}
