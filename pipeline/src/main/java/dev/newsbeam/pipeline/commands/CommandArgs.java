package dev.newsbeam.pipeline.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --key=value} arguments of a tool command ({@code --flag} alone means {@code true}). A
 * command that also runs a Beam pipeline names its own keys; every other argument is kept in order
 * for Beam's {@code PipelineOptionsFactory} ({@link #pipelineArgs()}, e.g. {@code
 * --runner=FlinkRunner}).
 */
public final class CommandArgs {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> pipelineArgs = new ArrayList<>();

  /** Every argument is the command's own. */
  public CommandArgs(String[] args) {
    this(args, null);
  }

  /** Keys in {@code known} are the command's own; the rest go to {@link #pipelineArgs()}. */
  public CommandArgs(String[] args, Set<String> known) {
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("expected --key=value, got '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      if (known != null && !known.contains(key)) {
        pipelineArgs.add(arg);
      } else {
        values.put(key, eq < 0 ? "true" : arg.substring(eq + 1));
      }
    }
  }

  /** The arguments that are not the command's own, for Beam. */
  public List<String> pipelineArgs() {
    return List.copyOf(pipelineArgs);
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
   * working directory, so {@code ../shared/...} works from the repo root and from a module
   * directory.
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
