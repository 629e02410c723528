package dev.newsbeam.ingest;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code --input} entry resolved to a glob and the root that article ids are relative to. A
 * directory means every supported file under it (other files are skipped and counted); a glob or a
 * file name means exactly the files it matches. A {@code file:} URI is a local path.
 */
public record InputSpec(String glob, String root, boolean directory) implements Serializable {
  private static final String REMOTE = "^[a-zA-Z][a-zA-Z0-9+.-]*://.*";

  /** Splits a comma-separated {@code --input} value and resolves each entry. */
  public static List<InputSpec> parseAll(String inputs) {
    List<InputSpec> out = new ArrayList<>();
    for (String entry : entries(inputs)) {
      out.add(resolve(entry));
    }
    return out;
  }

  /** The entries of a comma-separated {@code --input} value, as typed. */
  public static List<String> entries(String inputs) {
    List<String> out = new ArrayList<>();
    for (String part : inputs.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--input names no file, glob or directory");
    }
    return out;
  }

  public static InputSpec resolve(String entry) {
    String spec = entry.replaceFirst("^(?i)file:(//)?", "");
    boolean remote = spec.matches(REMOTE);
    int wildcard = firstWildcard(spec);
    if (wildcard >= 0) {
      String prefix = spec.substring(0, wildcard);
      int slash = prefix.lastIndexOf('/');
      String root = slash < 0 ? "." : prefix.substring(0, slash);
      return new InputSpec(remote ? spec : absolute(spec), remote ? root : absolute(root), false);
    }
    if (spec.endsWith("/") || (!remote && Files.isDirectory(Paths.get(spec)))) {
      String root = spec.replaceAll("/+$", "");
      root = remote ? root : absolute(root);
      return new InputSpec(root + "/**", root, true);
    }
    if (remote) {
      return new InputSpec(spec, spec.substring(0, Math.max(0, spec.lastIndexOf('/'))), false);
    }
    Path p = Paths.get(spec).toAbsolutePath().normalize();
    Path parent = p.getParent();
    return new InputSpec(p.toString(), parent == null ? "/" : parent.toString(), false);
  }

  /** Whether this entry is on the local file system (not {@code gs://} or another scheme). */
  public boolean local() {
    return !glob.matches(REMOTE);
  }

  /**
   * The local file or directory this entry names; empty for a glob and for a remote entry, which
   * Beam's filesystems match.
   */
  public Optional<Path> localPath() {
    if (!local()) {
      return Optional.empty();
    }
    if (directory) {
      return Optional.of(Paths.get(root));
    }
    return firstWildcard(glob) < 0 ? Optional.of(Paths.get(glob)) : Optional.empty();
  }

  /** The path of {@code matched} relative to this spec's root (the whole path if outside it). */
  public String relativize(String matched) {
    String prefix = root.endsWith("/") ? root : root + "/";
    String local = matched.startsWith("file:") ? matched.replaceFirst("^file:(//)?", "") : matched;
    return local.startsWith(prefix) ? local.substring(prefix.length()) : local;
  }

  private static int firstWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return -1;
  }

  private static String absolute(String localPath) {
    if (localPath.startsWith("file:")) {
      localPath = localPath.replaceFirst("^file:(//)?", "");
    }
    // normalise only the part before any wildcard: Paths cannot hold glob characters on every OS
    int w = firstWildcard(localPath);
    if (w < 0) {
      return Paths.get(localPath).toAbsolutePath().normalize().toString();
    }
    int slash = localPath.substring(0, w).lastIndexOf('/');
    String dir = slash < 0 ? "." : localPath.substring(0, slash);
    String rest = slash < 0 ? localPath : localPath.substring(slash + 1);
    String absDir = Paths.get(dir.isEmpty() ? "/" : dir).toAbsolutePath().normalize().toString();
    return (absDir.endsWith("/") ? absDir : absDir + "/") + rest;
  }
}
