package dev.newsbeam.lab.baseline;

import dev.newsbeam.ingest.ErrorReason;
import dev.newsbeam.ingest.Errors;
import dev.newsbeam.ingest.FileRecordReader;
import dev.newsbeam.ingest.InputFormat;
import dev.newsbeam.ingest.InputSpec;
import dev.newsbeam.ingest.LocalFileTree;
import dev.newsbeam.ingest.RecordSink;
import dev.newsbeam.ingest.SkipReason;
import dev.newsbeam.ingest.SourceFile;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.Compression;

/**
 * The ReadArticles stage without Beam: lists the files of an {@code --input} value ({@link
 * InputSpec}: comma-separated files, globs and directories on the local file system) and parses
 * them on the worker pool with {@link FileRecordReader}, one task per file. An uncompressed JSONL
 * file larger than a chunk is split at line boundaries into several tasks, so that one big file
 * (the generator writes 25,000 articles per file) does not leave the other workers idle; line
 * numbers, and so ids and error locations, stay those of the whole file.
 *
 * <p>Every input record becomes one article or one error, as in the pipeline; unsupported files
 * found by expanding a directory are skipped and counted, an unsupported file named explicitly is
 * an error.
 */
final class BaselineIngest {
  private static final long MIN_CHUNK_BYTES = 1L << 20;
  private static final long MAX_CHUNK_BYTES = 64L << 20;

  private BaselineIngest() {}

  /**
   * What ingest read: the articles and errors in file (and line) order, and the manifest counts.
   */
  record Result(
      List<Article> articles,
      List<ErrorRecord> errors,
      long files,
      long inputRecords,
      long blankLines,
      long filesSkipped) {}

  /** One matched file and the spec that matched it. */
  record InputFile(
      Path path, SourceFile source, Optional<InputFormat> format, boolean fromDirectory) {}

  /** What one task (a file or a chunk of one) produced. */
  private record Part(
      List<Article> articles,
      List<ErrorRecord> errors,
      long files,
      long records,
      long blankLines,
      long skipped) {}

  static Result read(String input, long maxArticleBytes, WorkerPool pool) {
    return read(input, maxArticleBytes, pool, -1);
  }

  /** {@code chunkBytes} &lt;= 0 chooses the chunk size from the file size and the worker count. */
  static Result read(String input, long maxArticleBytes, WorkerPool pool, long chunkBytes) {
    // one reader (and so one JSON parser) per worker, as ParseFileFn builds one in @Setup
    ThreadLocal<FileRecordReader> readers =
        ThreadLocal.withInitial(() -> new FileRecordReader(maxArticleBytes));
    List<Callable<Part>> tasks = new ArrayList<>();
    for (InputFile file : list(input)) {
      tasks.addAll(tasksFor(file, readers, pool.threads(), chunkBytes));
    }
    List<Article> articles = new ArrayList<>();
    List<ErrorRecord> errors = new ArrayList<>();
    long files = 0;
    long records = 0;
    long blank = 0;
    long skipped = 0;
    for (Part p : pool.all(tasks)) {
      articles.addAll(p.articles());
      errors.addAll(p.errors());
      files += p.files();
      records += p.records();
      blank += p.blankLines();
      skipped += p.skipped();
    }
    return new Result(articles, errors, files, records, blank, skipped);
  }

  /** The files of every {@code --input} entry, each entry's files in path order. */
  static List<InputFile> list(String input) {
    List<InputFile> out = new ArrayList<>();
    for (InputSpec spec : InputSpec.parseAll(input)) {
      if (spec.glob().matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
        throw new IllegalArgumentException(
            "the plain-Java baseline reads local files only, not " + spec.glob());
      }
      List<Path> matched = match(spec);
      if (matched.isEmpty()) {
        throw new IllegalArgumentException("no file matches --input entry '" + spec.glob() + "'");
      }
      for (Path p : matched) {
        String path = p.toString();
        out.add(
            new InputFile(
                p,
                new SourceFile(path, spec.relativize(path)),
                InputFormat.ofFileName(path),
                spec.directory()));
      }
    }
    return out;
  }

  /**
   * The files of one entry, as the pipeline lists them: a local file or directory through {@link
   * LocalFileTree} (links followed, cycles skipped, each real file once), a glob by walking its
   * fixed prefix directory.
   */
  private static List<Path> match(InputSpec spec) {
    try {
      Optional<Path> local = spec.localPath();
      if (local.isPresent()) {
        return LocalFileTree.list(local.get()).files().stream()
            .map(LocalFileTree.File::path)
            .toList();
      }
      Path base = Path.of(spec.root()); // a glob's fixed prefix directory
      PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + spec.glob());
      if (!Files.isDirectory(base)) {
        return List.of();
      }
      try (Stream<Path> s = Files.walk(base)) {
        return s.filter(Files::isRegularFile)
            .map(p -> p.toAbsolutePath().normalize())
            .filter(glob::matches)
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + spec.glob(), e);
    }
  }

  private static List<Callable<Part>> tasksFor(
      InputFile file, ThreadLocal<FileRecordReader> readers, int threads, long chunkBytes) {
    String path = file.source().path();
    if (file.format().isEmpty()) {
      if (file.fromDirectory()) {
        return List.of(() -> new Part(List.of(), List.of(), 0, 0, 0, 1));
      }
      ErrorRecord error =
          Errors.of(
              path,
              null,
              ErrorReason.UNSUPPORTED_FORMAT,
              "unsupported file type: expected .txt, .jsonl or .ndjson (optionally .gz, .bz2, .zst)",
              null);
      return List.of(() -> new Part(List.of(), List.of(error), 1, 1, 0, 0));
    }
    InputFormat format = file.format().get();
    boolean compressed = Compression.detect(path) != Compression.UNCOMPRESSED;
    long size = sizeOf(file.path());
    long chunk =
        chunkBytes > 0
            ? chunkBytes
            : Math.max(MIN_CHUNK_BYTES, Math.min(MAX_CHUNK_BYTES, size / (threads * 8L)));
    if (format != InputFormat.JSONL || compressed || size <= chunk) {
      return List.of(
          () -> {
            Collector sink = new Collector();
            FileRecordReader.Counts c =
                readers
                    .get()
                    .read(file.source(), format, () -> open(file.path(), compressed), sink);
            return new Part(sink.articles, sink.errors, 1, c.records(), c.blankLines(), 0);
          });
    }
    List<Callable<Part>> tasks = new ArrayList<>();
    List<long[]> chunks = chunks(file.path(), chunk);
    for (int i = 0; i < chunks.size(); i++) {
      long[] c = chunks.get(i);
      long linesBefore = c[2] - 1;
      long filesCounted = i == 0 ? 1 : 0;
      tasks.add(
          () -> {
            Collector sink = new Collector();
            // The reader numbers lines from 1: lead the chunk with the blank lines before it, so
            // that
            // ids ("file:line"), sources and error locations are those of the whole file; those
            // blank
            // lines are then taken off the blank-line count.
            FileRecordReader.Counts counts =
                readers
                    .get()
                    .read(
                        file.source(),
                        InputFormat.JSONL,
                        () ->
                            new SequenceInputStream(
                                new BlankLines(linesBefore),
                                new ByteArrayInputStream(readRange(file.path(), c[0], c[1]))),
                        sink);
            return new Part(
                sink.articles,
                sink.errors,
                filesCounted,
                counts.records(),
                Math.max(0, counts.blankLines() - linesBefore),
                0);
          });
    }
    return tasks;
  }

  private static InputStream open(Path path, boolean compressed) throws IOException {
    if (!compressed) {
      return Files.newInputStream(path);
    }
    // the pipeline reads with Compression.AUTO: the same decompression by extension
    return Channels.newInputStream(
        Compression.detect(path.toString())
            .readDecompressed(FileChannel.open(path, StandardOpenOption.READ)));
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0; // the reader reports the file as unreadable
    }
  }

  /**
   * Line-aligned byte ranges {start, end, first line number} of about {@code chunkBytes} each: a
   * chunk ends at the first newline at or after its nominal end.
   */
  static List<long[]> chunks(Path file, long chunkBytes) {
    List<long[]> out = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(1 << 20);
      long offset = 0;
      long line = 1;
      long start = 0;
      long firstLine = 1;
      while (ch.read(buf) > 0) {
        buf.flip();
        byte[] a = buf.array();
        int n = buf.limit();
        for (int i = 0; i < n; i++) {
          if (a[i] == '\n') {
            line++;
            long end = offset + i + 1;
            if (end - start >= chunkBytes) {
              out.add(new long[] {start, end, firstLine});
              start = end;
              firstLine = line;
            }
          }
        }
        offset += n;
        buf.clear();
      }
      if (start < offset) {
        out.add(new long[] {start, offset, firstLine});
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return out;
  }

  private static byte[] readRange(Path file, long start, long end) throws IOException {
    byte[] bytes = new byte[Math.toIntExact(end - start)];
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long pos = start;
      while (buf.hasRemaining()) {
        int n = ch.read(buf, pos);
        if (n < 0) {
          throw new IOException("file shrank while being read: " + file);
        }
        pos += n;
      }
    }
    return bytes;
  }

  /** {@code count} newline bytes. */
  private static final class BlankLines extends InputStream {
    private long left;

    BlankLines(long count) {
      this.left = count;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return '\n';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      Arrays.fill(b, off, off + n, (byte) '\n');
      left -= n;
      return n;
    }
  }

  private static final class Collector implements RecordSink {
    final List<Article> articles = new ArrayList<>();
    final List<ErrorRecord> errors = new ArrayList<>();
    final java.util.Map<String, Long> skipped = new java.util.TreeMap<>();

    @Override
    public void article(Article article) {
      articles.add(article);
    }

    @Override
    public void error(ErrorRecord error) {
      errors.add(error);
    }

    @Override
    public void skipped(SkipReason reason) {
      skipped.merge(reason.counter(), 1L, Long::sum);
    }
  }
}
