package dev.newsbeam.lab.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a generated corpus's truth.tsv: {@code id<TAB>cluster<TAB>kind}, or {@code id<TAB>cluster}
 * in corpora written before the kind column existed (their rows have a {@code null} kind). Every
 * reader of truth.tsv in the lab goes through here, so both layouts are accepted everywhere.
 */
public final class TruthFile {
  /** One article of the truth; {@code kind} is {@code null} in a two-column file. */
  public record Row(String id, String cluster, String kind) {}

  private TruthFile() {}

  /** A truth line as a row; {@code null} for a blank line. */
  public static Row parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    String[] parts = line.split("\t", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(
          "truth.tsv rows are id<TAB>cluster[<TAB>kind], not: " + line);
    }
    return new Row(parts[0], parts[1], parts.length == 3 && !parts[2].isEmpty() ? parts[2] : null);
  }

  /** Every row of {@code truth} (a truth.tsv file), in file order. */
  public static void forEach(Path truth, Consumer<Row> action) throws IOException {
    try (Stream<String> lines = Files.lines(truth)) {
      for (String line : (Iterable<String>) lines::iterator) {
        Row row = parse(line);
        if (row != null) {
          action.accept(row);
        }
      }
    }
  }
}
