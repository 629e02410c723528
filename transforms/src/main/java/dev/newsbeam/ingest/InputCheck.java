package dev.newsbeam.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Checks before a run that every {@code --input} entry matches at least one file, and says which
 * entry does not.
 *
 * <p>Beam's local match of a missing path without wildcards walks the nearest existing parent
 * directory recursively: for {@code /no-such-file.jsonl}, the whole disk. So a local file or
 * directory is checked here with {@code java.nio}, and a local glob only reaches the matcher once
 * its fixed prefix directory exists (a wildcard in a real directory may walk that directory). A
 * remote entry goes to the matcher, where a path without wildcards is a direct lookup.
 */
public final class InputCheck {

  /** Whether a path or glob matches at least one file on its filesystem. */
  @FunctionalInterface
  public interface Matcher {
    boolean matchesAny(String glob) throws IOException;
  }

  private InputCheck() {}

  /**
   * Throws {@link IllegalArgumentException} naming the first entry of {@code inputs} (a
   * comma-separated {@code --input} value) that matches no file.
   */
  public static void requireMatches(String inputs, Matcher matcher) throws IOException {
    for (String entry : InputSpec.entries(inputs)) {
      Optional<String> why = whyNothingMatches(InputSpec.resolve(entry), matcher);
      if (why.isPresent()) {
        throw new IllegalArgumentException(
            "no file matches --input entry '" + entry + "': " + why.get());
      }
    }
  }

  /** Why {@code spec} matches no file; empty when it matches one. */
  static Optional<String> whyNothingMatches(InputSpec spec, Matcher matcher) throws IOException {
    Optional<Path> local = spec.localPath();
    if (local.isPresent()) {
      Path path = local.get();
      if (!Files.exists(path)) {
        return Optional.of(path + " does not exist");
      }
      return LocalFileTree.hasAnyFile(path)
          ? Optional.empty()
          : Optional.of(path + " holds no file");
    }
    if (spec.local()) {
      Path prefix = Paths.get(spec.root());
      if (!Files.isDirectory(prefix)) {
        return Optional.of("no directory " + prefix);
      }
    }
    return matcher.matchesAny(spec.glob())
        ? Optional.empty()
        : Optional.of("nothing found at " + spec.glob());
  }
}
