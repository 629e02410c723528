package dev.newsbeam.pipeline.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --key=value} arguments of a tool command. */
public final class CommandArgs {
  private final Map<String, String> values = new LinkedHashMap<>();

  public CommandArgs(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("expected --key=value, got '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      if (eq < 0) {
        values.put(arg.substring(2), "true");
      } else {
        values.put(arg.substring(2, eq), arg.substring(eq + 1));
      }
    }
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public String get(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  public String require(String key) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return v;
  }

  public double getDouble(String key, double fallback) {
    return values.containsKey(key) ? Double.parseDouble(values.get(key)) : fallback;
  }

  public long getLong(String key, long fallback) {
    return values.containsKey(key) ? Long.parseLong(values.get(key).replace("_", "")) : fallback;
  }

  public int getInt(String key, int fallback) {
    return (int) getLong(key, fallback);
  }

  public boolean getBoolean(String key, boolean fallback) {
    return values.containsKey(key) ? Boolean.parseBoolean(values.get(key)) : fallback;
  }

  /**
   * A path as given when it exists, else the same relative path tried from each parent of the
   * working directory, so {@code ../shared/...} works from the repo root and from a module directory.
   */
  public static Path resolve(String path) {
    Path given = Path.of(path);
    if (Files.exists(given) || given.isAbsolute()) {
      return given;
    }
    for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(path).normalize();
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return given;
  }

  /** {@link #resolve} of the value of {@code key} (or of {@code fallback}). */
  public Path path(String key, String fallback) {
    return resolve(get(key, fallback));
  }
}
