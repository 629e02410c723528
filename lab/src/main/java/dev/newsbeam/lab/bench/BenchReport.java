package dev.newsbeam.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown report of {@code ./newsbeam-lab bench}: medians per corpus size and engine,
 * throughput as a ratio of the plain-Java baseline, the near-duplicate stage against Spark MLlib,
 * scaling from 100k to 1M, the targets with whether each is met, and the JMH
 * microbenchmarks.
 */
final class BenchReport {
  static final long RATIO_SIZE = 100_000;
  static final long LARGE_SIZE = 1_000_000;

  private static final Map<String, String> NAMES =
      Map.of(
          "baseline", "plain Java, thread pool (no Beam)",
          "flink", "Beam, Flink embedded",
          "direct", "Beam, DirectRunner",
          "dedup-flink", "newsbeam dedup, Flink embedded",
          "dedup-direct", "newsbeam dedup, DirectRunner",
          "mllib", "Spark MLlib MinHashLSH, local[n]");
  private static final List<String> PIPELINE = List.of("baseline", "flink", "direct");
  private static final List<String> DEDUP = List.of("dedup-flink", "dedup-direct", "mllib");

  /**
   * The runs of one engine on one corpus size (dedup engines: with one LSH setting, {@code lsh},
   * e.g. "37x3 bands, chain guard" or MLlib's "37 one-hash tables"; empty for the pipeline
   * engines).
   */
  record Cell(long size, String engine, String lsh, List<JsonNode> runs) {
    /** Bands (ours) or one-hash tables (MLlib): what pairs a run of ours with MLlib's. */
    int tables() {
      return runs.get(0).path("lsh_tables").asInt(-1);
    }

    double median(ToDoubleFunction<JsonNode> f) {
      double[] v = runs.stream().mapToDouble(f).sorted().toArray();
      return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    double min(String field) {
      return runs.stream().mapToDouble(r -> r.path(field).asDouble()).min().orElse(Double.NaN);
    }

    double max(String field) {
      return runs.stream().mapToDouble(r -> r.path(field).asDouble()).max().orElse(Double.NaN);
    }

    double wall() {
      return median(r -> r.path("wall_s").asDouble());
    }

    long articles() {
      return runs.get(0).path("articles").asLong();
    }

    double articlesPerSecond() {
      return articles() / wall();
    }

    double f1() {
      return median(r -> r.path("f1").asDouble());
    }

    /** Whether some run was stopped at the time limit: then the wall time is only a lower bound. */
    boolean timedOut() {
      return runs.stream().anyMatch(r -> r.path("timed_out").asBoolean());
    }

    /** A run that ended without measurements (out of memory, an exception), or null. */
    JsonNode failure() {
      return runs.stream().filter(r -> r.path("failed").asBoolean()).findFirst().orElse(null);
    }

    /** Whether every run finished: only then are the medians measurements rather than bounds. */
    boolean finished() {
      return !timedOut() && failure() == null;
    }

    /** A note recorded with a run (how it was measured, if not by {@code bench} itself). */
    String note() {
      return runs.stream()
          .map(r -> r.path("note").asText(""))
          .filter(n -> !n.isEmpty())
          .findFirst()
          .orElse("");
    }

    String wallColumn() {
      JsonNode failed = failure();
      if (failed != null) {
        return String.format(
            Locale.ROOT,
            "failed after %.0f (%s; `%s`)",
            failed.path("wall_s").asDouble(),
            failed.path("java_opts").asText("JVM options not recorded"),
            failed.path("reason").asText("no reason recorded"));
      }
      return timedOut()
          ? String.format(Locale.ROOT, "> %.0f (stopped at the time limit)", min("wall_s"))
          : String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", wall(), min("wall_s"), max("wall_s"));
    }

    /** articles/s, or its upper bound ("< N") when a run was stopped, or "–" when one failed. */
    String rateColumn() {
      if (failure() != null) {
        return "–";
      }
      return timedOut()
          ? String.format(Locale.ROOT, "< %,.0f", articles() / min("wall_s"))
          : String.format(Locale.ROOT, "%,.0f", articlesPerSecond());
    }
  }

  private final Map<Long, Map<String, Cell>> cells = new TreeMap<>();
  private final JsonNode jmh;
  private final List<String> commands;
  private final String machine;

  BenchReport(List<JsonNode> rows, JsonNode jmh, List<String> commands, String machine) {
    for (JsonNode r : rows) {
      String engine = r.path("engine").asText();
      String lsh = r.path("lsh").asText("");
      cells
          .computeIfAbsent(r.path("size").asLong(), k -> new TreeMap<>())
          .computeIfAbsent(
              lsh.isEmpty() ? engine : engine + " · " + lsh,
              k -> new Cell(r.path("size").asLong(), engine, lsh, new ArrayList<>()))
          .runs()
          .add(r);
    }
    this.jmh = jmh;
    this.commands = commands;
    this.machine = machine;
  }

  /** A pipeline engine's cell (one without an LSH setting). */
  Cell cell(long size, String engine) {
    return cells.getOrDefault(size, Map.of()).get(engine);
  }

  /** The cells of one engine at one size, one per LSH setting. */
  List<Cell> cells(long size, String engine) {
    return cells.getOrDefault(size, Map.of()).values().stream()
        .filter(c -> c.engine().equals(engine))
        .toList();
  }

  /** The MLlib cell at this size with as many tables as {@code ours} has bands, or null. */
  Cell mllibFor(Cell ours) {
    return cells(ours.size(), "mllib").stream()
        .filter(m -> m.tables() == ours.tables())
        .findFirst()
        .orElse(null);
  }

  /** " on D" or " from D1 to D2": the days of the runs' {@code at} times (none recorded: empty). */
  String runDates() {
    List<String> days =
        cells.values().stream()
            .flatMap(m -> m.values().stream())
            .flatMap(c -> c.runs().stream())
            .map(r -> r.path("at").asText(""))
            .filter(at -> at.length() >= 10)
            .map(at -> at.substring(0, 10))
            .sorted()
            .toList();
    if (days.isEmpty()) {
      return "";
    }
    String first = days.get(0);
    String last = days.get(days.size() - 1);
    return first.equals(last) ? " on " + first : " from " + first + " to " + last;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# newsbeam benchmarks\n\n");
    md.append("Written by `./newsbeam-lab bench` on ").append(LocalDate.now()).append(".\n\n");
    md.append("- Machine: ").append(machine).append('\n');
    md.append(
            "- Each row is the **median** of its runs; every run is a fresh JVM (`bench-run`) over the same")
        .append(
            " seeded generated corpus (`generate`, seed in the corpus name). articles/s = articles ÷")
        .append(
            " median wall time. CPU = process CPU seconds, all threads. Heap = largest heap occupancy")
        .append(
            " right after a garbage collection; RSS = peak resident set (VmHWM), both the worst run.\n");
    md.append("- All runs on this machine")
        .append(runDates())
        .append("; ratios never use figures")
        .append(" measured elsewhere. Raw measurements: `results.jsonl` in bench's `--work`.\n");
    if (!commands.isEmpty()) {
      md.append("- Invocations that produced the measurements:\n");
      for (String c : commands) {
        md.append("  - `").append(c.trim()).append("`\n");
      }
    }
    md.append('\n');

    md.append("## Full pipeline\n\n");
    md.append(
            "ingest → bylines/datelines → dedup → topics → word statistics → Avro, on the same files. The")
        .append(
            " baseline runs the same pure cores on a thread pool of the same size, without Beam.\n\n");
    md.append(
            "| articles | engine | runs | wall s, median (min–max) | CPU s | articles/s | × baseline |")
        .append(" heap MB | RSS MB |\n");
    md.append("|---:|---|---:|---|---:|---:|---:|---:|---:|\n");
    cells.forEach(
        (size, bySize) -> {
          Cell base = bySize.get("baseline");
          for (String engine : PIPELINE) {
            Cell c = bySize.get(engine);
            if (c == null) {
              continue;
            }
            if (!c.finished()) {
              // stopped at the time limit: its rate, and so its ratio, is an upper bound
              String ratio =
                  c.failure() != null || base == null || !base.finished()
                      ? "–"
                      : String.format(
                          Locale.ROOT,
                          "< %.2f×",
                          c.articles() / c.min("wall_s") / base.articlesPerSecond());
              md.append(
                  String.format(
                      Locale.ROOT,
                      "| %,d | %s | %d | %s | – | %s | %s | – | – |%n",
                      size,
                      NAMES.get(engine) + noteMark(c),
                      c.runs().size(),
                      c.wallColumn(),
                      c.rateColumn(),
                      ratio));
              continue;
            }
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %,d | %s | %d | %s | %.1f | %,.0f | %s | %,.0f | %,.0f |%n",
                    size,
                    NAMES.get(engine) + noteMark(c),
                    c.runs().size(),
                    c.wallColumn(),
                    c.median(r -> r.path("cpu_s").asDouble()),
                    c.articlesPerSecond(),
                    base == null || !base.finished()
                        ? "–"
                        : String.format(
                            Locale.ROOT, "%.2f×", c.articlesPerSecond() / base.articlesPerSecond()),
                    c.max("heap_after_gc_mb"),
                    c.max("peak_rss_mb")));
          }
        });
    appendNotes(md);
    md.append('\n');

    md.append("## Near-duplicate stage against Spark MLlib\n\n");
    md.append(
            "Ingest + near-duplicate detection only, scored against the generator's truth (pairwise")
        .append(
            " precision/recall/F1, adjusted Rand index). MLlib: `MinHashLSH` + `approxSimilarityJoin`")
        .append(
            " over the same shingles, threshold and number of hash tables (see docs/lab.md), then connected")
        .append(" components.\n\n");
    md.append(
            "| articles | engine | LSH | runs | wall s, median (min–max) | articles/s | precision | recall | F1 |")
        .append(" ARI | MLlib time ÷ this |\n");
    md.append("|---:|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
    cells.forEach(
        (size, bySize) -> {
          for (String engine : DEDUP) {
            for (Cell c : cells(size, engine)) {
              String lsh = c.lsh().isEmpty() ? "–" : c.lsh();
              if (!c.finished()) {
                md.append(
                    String.format(
                        Locale.ROOT,
                        "| %,d | %s | %s | %d | %s | %s | – | – | – | – | – |%n",
                        size,
                        NAMES.get(engine) + noteMark(c),
                        lsh,
                        c.runs().size(),
                        c.wallColumn(),
                        c.rateColumn()));
                continue;
              }
              Cell mllib = engine.equals("mllib") ? null : mllibFor(c);
              String ratio =
                  mllib == null || mllib.failure() != null
                      ? "–"
                      : String.format(
                          Locale.ROOT,
                          mllib.timedOut() ? "> %.1f×" : "%.1f×",
                          (mllib.timedOut() ? mllib.min("wall_s") : mllib.wall()) / c.wall());
              md.append(
                  String.format(
                      Locale.ROOT,
                      "| %,d | %s | %s | %d | %s | %,.0f | %.4f | %.4f | %.4f | %.4f | %s |%n",
                      size,
                      NAMES.get(engine) + noteMark(c),
                      lsh,
                      c.runs().size(),
                      c.wallColumn(),
                      c.articlesPerSecond(),
                      c.median(r -> r.path("precision").asDouble()),
                      c.median(r -> r.path("recall").asDouble()),
                      c.f1(),
                      c.median(r -> r.path("ari").asDouble()),
                      ratio));
            }
          }
        });
    appendNotes(md);
    md.append('\n');

    md.append("## Targets (issue 8)\n\n");
    md.append("| target | measured | met |\n|---|---|---|\n");
    for (Target t : targets()) {
      md.append("| ")
          .append(t.name())
          .append(" | ")
          .append(t.measured())
          .append(" | ")
          .append(t.met() == null ? "not measured" : t.met() ? "yes" : "**no**")
          .append(" |\n");
    }
    md.append('\n');

    if (jmh != null && jmh.isArray() && !jmh.isEmpty()) {
      md.append("## JMH microbenchmarks (pure cores, one thread)\n\n");
      md.append("| benchmark | params | score | ± error | unit |\n|---|---|---:|---:|---|\n");
      for (JsonNode b : jmh) {
        String name = b.path("benchmark").asText().replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1");
        List<String> params = new ArrayList<>();
        b.path("params")
            .fields()
            .forEachRemaining(e -> params.add(e.getKey() + "=" + e.getValue().asText()));
        appendJmhRow(md, name, String.join(", ", params), b.path("primaryMetric"));
        b.path("secondaryMetrics")
            .fields()
            .forEachRemaining(
                e ->
                    appendJmhRow(
                        md, name + " · " + e.getKey(), String.join(", ", params), e.getValue()));
      }
      md.append('\n');
    }
    return md.toString();
  }

  private final List<String> notes = new ArrayList<>();

  private String noteMark(Cell c) {
    if (c.note().isEmpty()) {
      return "";
    }
    notes.add(c.note());
    return " (" + notes.size() + ")";
  }

  private void appendNotes(StringBuilder md) {
    if (!notes.isEmpty()) {
      md.append('\n');
      for (int i = 0; i < notes.size(); i++) {
        md.append(i + 1).append(". ").append(notes.get(i)).append('\n');
      }
      notes.clear();
    }
  }

  private static void appendJmhRow(StringBuilder md, String name, String params, JsonNode metric) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %,.1f | %,.1f | %s |%n",
            name,
            params.isEmpty() ? "–" : params,
            metric.path("score").asDouble(),
            metric.path("scoreError").asDouble(Double.NaN),
            metric.path("scoreUnit").asText()));
  }

  /** A target of the issue: what was measured, and whether it holds (null: not measured). */
  record Target(String name, String measured, Boolean met) {}

  List<Target> targets() {
    List<Target> out = new ArrayList<>();
    out.add(throughputTarget("flink", 0.6));
    out.add(throughputTarget("direct", 0.3));

    String dedupName =
        "near-duplicate stage ≥ 5× faster than Spark MLlib at equal or better F1, 100k";
    List<Cell> oursAll = cells(RATIO_SIZE, "dedup-flink");
    if (oursAll.isEmpty()) {
      out.add(new Target(dedupName, "–", null));
    }
    for (Cell ours : oursAll) {
      String name = dedupName + (ours.lsh().isEmpty() ? "" : " (" + ours.lsh() + ")");
      Cell mllib = mllibFor(ours);
      if (mllib == null) {
        out.add(new Target(name, "no MLlib run with as many tables as these bands", null));
      } else if (!ours.finished() || mllib.failure() != null) {
        out.add(unfinished(name, ours.finished() ? mllib : ours));
      } else if (mllib.timedOut()) {
        out.add(
            new Target(
                name,
                String.format(
                    Locale.ROOT,
                    "MLlib stopped at the time limit (%.0f s): ours at least %.1f× faster, F1 %.4f; MLlib's F1 unknown",
                    mllib.min("wall_s"),
                    mllib.min("wall_s") / ours.wall(),
                    ours.f1()),
                null));
      } else {
        double speedup = mllib.wall() / ours.wall();
        out.add(
            new Target(
                name,
                String.format(
                    Locale.ROOT,
                    "%.1f× faster; F1 %.4f vs MLlib %.4f",
                    speedup,
                    ours.f1(),
                    mllib.f1()),
                speedup >= 5 && ours.f1() >= mllib.f1()));
      }
    }

    Cell mid = cell(RATIO_SIZE, "flink");
    Cell large = cell(LARGE_SIZE, "flink");
    String scaleName = "Flink embedded: articles/s at 1M within 1.5× of 100k";
    if (mid == null || large == null) {
      out.add(new Target(scaleName, "–", null));
    } else if (!mid.finished() || !large.finished()) {
      out.add(unfinished(scaleName, mid.finished() ? large : mid));
    } else {
      double slowdown = mid.articlesPerSecond() / large.articlesPerSecond();
      String per =
          slowdown > 1
              ? String.format(Locale.ROOT, "%.2f× slower per article at 1M", slowdown)
              : String.format(Locale.ROOT, "%.2f× faster per article at 1M", 1 / slowdown);
      out.add(
          new Target(
              scaleName,
              String.format(
                  Locale.ROOT,
                  "%,.0f vs %,.0f articles/s: %s",
                  large.articlesPerSecond(),
                  mid.articlesPerSecond(),
                  per),
              slowdown <= 1.5));
    }
    String heapName = "peak heap ≤ 4 GB at 1M (Flink embedded)";
    if (large == null) {
      out.add(new Target(heapName, "–", null));
    } else if (!large.finished()) {
      out.add(unfinished(heapName, large));
    } else {
      double heap = large.max("heap_after_gc_mb");
      // heap_used_mb sums each pool's own peak (young and old peak at different times): an upper
      // bound
      out.add(
          new Target(
              heapName,
              String.format(
                  Locale.ROOT,
                  "%,.0f MB after GC (pools' peaks summed %,.0f MB; -Xmx %,.0f MB)",
                  heap,
                  large.max("heap_used_mb"),
                  large.max("max_heap_mb")),
              heap <= 4096));
    }
    return out;
  }

  private static boolean finished(Cell c) {
    return c != null && c.finished();
  }

  /** A target a run did not finish for: not measured, and what happened instead. */
  private static Target unfinished(String name, Cell c) {
    return new Target(
        name,
        String.format(
            Locale.ROOT,
            "not measured: %s at %,d %s",
            NAMES.get(c.engine()),
            c.size(),
            c.wallColumn()),
        null);
  }

  private Target throughputTarget(String engine, double ratio) {
    String name =
        String.format(
            Locale.ROOT, "%s ≥ %.1f× the baseline's articles/s, 100k", NAMES.get(engine), ratio);
    Cell c = cell(RATIO_SIZE, engine);
    Cell base = cell(RATIO_SIZE, "baseline");
    if (c != null && base != null && (!c.finished() || !base.finished())) {
      return unfinished(name, c.finished() ? base : c);
    }
    if (c == null || base == null) {
      // fall back to the largest size that has both, stated as such
      Long size =
          cells.keySet().stream()
              .filter(s -> finished(cell(s, engine)) && finished(cell(s, "baseline")))
              .max(Comparator.naturalOrder())
              .orElse(null);
      if (size == null) {
        return new Target(name, "–", null);
      }
      double r =
          cell(size, engine).articlesPerSecond() / cell(size, "baseline").articlesPerSecond();
      return new Target(
          name, String.format(Locale.ROOT, "not run at 100k; %.2f× at %,d", r, size), null);
    }
    double r = c.articlesPerSecond() / base.articlesPerSecond();
    // three decimals: two would print 0.296 as 0.30 next to "not met" for a 0.3 target
    return new Target(
        name,
        String.format(
            Locale.ROOT,
            "%.3f× (%,.0f vs %,.0f articles/s)",
            r,
            c.articlesPerSecond(),
            base.articlesPerSecond()),
        r >= ratio);
  }
}
