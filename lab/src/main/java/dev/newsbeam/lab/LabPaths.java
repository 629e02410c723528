package dev.newsbeam.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the lab finds the shared data next to the repository ({@code ../shared/...}), from the
 * repository root, from a module directory or from anywhere the launcher is started.
 */
public final class LabPaths {
  /** The Reuters-21578 training split as JSONL (labelled articles with bylines and dates). */
  public static final String REUTERS_TRAIN = "../shared/corpora/reuters21578-train.jsonl";

  /** The hand-labelled byline and credit-line dev set. */
  public static final String BYLINES_DEV = "../shared/bylines/bylines-dev.jsonl";

  private LabPaths() {}

  /**
   * {@code path} as given when it exists or is absolute; else the same relative path tried from
   * each parent of the working directory and then from the repository ({@code NEWSBEAM_HOME}, set
   * by the launcher) and its parents; else as given, so that the caller reports the missing file.
   */
  public static Path resolve(String path) {
    Path given = Path.of(path);
    if (given.isAbsolute() || Files.exists(given)) {
      return given;
    }
    List<Path> anchors = new ArrayList<>();
    anchors.add(Path.of("").toAbsolutePath().getParent());
    String home = System.getenv("NEWSBEAM_HOME");
    if (home != null) {
      anchors.add(Path.of(home).toAbsolutePath());
    }
    for (Path anchor : anchors) {
      for (Path dir = anchor; dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve(path).normalize();
        if (Files.exists(candidate)) {
          return candidate;
        }
      }
    }
    return given;
  }
}
