package dev.newsbeam.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The regular files under a local path (a directory, walked recursively, or a single file), each
 * real file once.
 *
 * <p>Symbolic links are followed, to files and directories inside or outside the tree. A link that
 * leads back to a directory being walked (a cycle), a link that leads nowhere, and a second path to
 * a real file already listed are skipped and counted in {@link #linksSkipped()}. Of several paths
 * to one real file the first in path order is kept, so ids derived from it are stable.
 *
 * @param files the files, in path order
 * @param linksSkipped cycles, dangling links and duplicate paths to a real file
 */
public record LocalFileTree(List<LocalFileTree.File> files, long linksSkipped) {

  /** A regular file: its path as reached from the root, and its size and mtime (links followed). */
  public record File(Path path, long sizeBytes, long lastModifiedMillis) {}

  private static final EnumSet<FileVisitOption> FOLLOW_LINKS =
      EnumSet.of(FileVisitOption.FOLLOW_LINKS);

  /**
   * Lists {@code root}: a missing root lists nothing; unreadable directories under it are passed
   * over, as Beam's local match does.
   */
  public static LocalFileTree list(Path root) throws IOException {
    List<Found> found = new ArrayList<>();
    long[] skipped = {0};
    Files.walkFileTree(
        root,
        FOLLOW_LINKS,
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              found.add(
                  new Found(
                      new File(file, attrs.size(), attrs.lastModifiedTime().toMillis()),
                      file.toRealPath()));
            } else if (attrs.isSymbolicLink()) {
              // FOLLOW_LINKS reports a link's own attributes only when its target cannot be read
              skipped[0]++;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              skipped[0]++;
            }
            return FileVisitResult.CONTINUE;
          }
        });
    found.sort(Comparator.comparing(f -> f.file().path().toString()));
    Set<Path> seen = new HashSet<>();
    List<File> files = new ArrayList<>();
    for (Found f : found) {
      if (seen.add(f.realPath())) {
        files.add(f.file());
      } else {
        skipped[0]++;
      }
    }
    return new LocalFileTree(List.copyOf(files), skipped[0]);
  }

  /** Whether {@code root} is, or holds, at least one regular file; stops at the first. */
  public static boolean hasAnyFile(Path root) throws IOException {
    boolean[] any = {false};
    Files.walkFileTree(
        root,
        FOLLOW_LINKS,
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            any[0] = attrs.isRegularFile();
            return any[0] ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    return any[0];
  }

  private record Found(File file, Path realPath) {}
}
