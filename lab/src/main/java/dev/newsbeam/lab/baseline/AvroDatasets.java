package dev.newsbeam.lab.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes datasets as the pipeline lays them out ({@code
 * <output>/<dataset>/part-SSSSS-of-NNNNN.avro}, Avro container files of the generated schemas,
 * snappy blocks by default), each shard on a worker.
 */
final class AvroDatasets {
  private final Path root;
  private final CodecFactory codec;
  private final List<Callable<Long>> pending = new ArrayList<>();

  AvroDatasets(Path root, CodecFactory codec) {
    this.root = root;
    this.codec = codec;
  }

  /**
   * Queues {@code records} as {@code shards} files under {@code dataset}/; an earlier run's shards
   * of that dataset are deleted now, so no stale shard survives next to the new ones.
   */
  <T extends SpecificRecord> void add(String dataset, Schema schema, List<T> records, int shards) {
    Path dir = root.resolve(dataset);
    try {
      Files.createDirectories(dir);
      try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "part-*.avro")) {
        for (Path p : old) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
    int n = Math.max(1, shards);
    for (int s = 0; s < n; s++) {
      int from = (int) ((long) records.size() * s / n);
      int to = (int) ((long) records.size() * (s + 1) / n);
      Path file = dir.resolve(String.format("part-%05d-of-%05d.avro", s, n));
      List<T> shard = records.subList(from, to);
      pending.add(() -> write(file, schema, shard));
    }
  }

  /** Writes every queued shard on the pool; returns the bytes written. */
  long writeAll(WorkerPool pool) {
    long bytes = 0;
    for (long b : pool.all(pending)) {
      bytes += b;
    }
    pending.clear();
    return bytes;
  }

  private <T extends SpecificRecord> long write(Path file, Schema schema, List<T> records)
      throws IOException {
    try (DataFileWriter<T> writer = new DataFileWriter<>(new SpecificDatumWriter<T>(schema))) {
      writer.setCodec(codec);
      writer.create(schema, file.toFile());
      for (T r : records) {
        writer.append(r);
      }
    }
    return Files.size(file);
  }
}
