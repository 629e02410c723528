package dev.newsbeam.pipeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.DuplicateCorpusGenerator;
import dev.newsbeam.pipeline.commands.CommandArgs;
import dev.newsbeam.pipeline.commands.EvalDedupCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./newsbeam bench}: generates seeded corpora, runs every engine on each a few times, each
 * run in a fresh JVM ({@link BenchRunCommand}), appends the measurements to {@code
 * <work>/results.jsonl} and writes {@link BenchReport the Markdown report} from all measurements
 * there.
 *
 * <pre>
 * ./newsbeam bench [--sizes=10000,100000] [--runs=3] [--engines=baseline,flink,direct,dedup-flink,mllib]
 *     [--directMax=100000] [--mllibMax=100000] [--threads=2] [--javaOpts=-Xmx4g] [--seed=42]
 *     [--lshBands=BxR] [--chainGuard=false] [--verify=exact]
 *         (and eval-dedup's other dedup options, for dedup-* and mllib)
 *     [--base=../shared/corpora/reuters21578-train.jsonl] [--work=target/bench] [--report=BENCHMARKS.md]
 *     [--jar=runners/target/newsbeam-runners.jar] [--jmh=true] [--reportOnly=true] [--fresh=true]
 *     [--timeoutMinutes=60] [--suite=issue8]
 * </pre>
 */
public final class BenchCommand {
  /**
   * Dedup options passed to the dedup engines and MLlib (as eval-dedup's; MLlib takes the threshold
   * and bands).
   */
  static final List<String> DEDUP_OPTIONS =
      List.of("similarity", "numPerm", "shingle", "keep", "lshBands", "chainGuard", "verify");

  static final List<String> ENGINES =
      List.of("baseline", "flink", "direct", "dedup-flink", "dedup-direct", "mllib");

  /** Lines of a run's output kept to say why it failed. */
  private static final int TAIL_LINES = 200;

  private static final int REASON_CHARS = 160;
  private static final Pattern EXCEPTION = Pattern.compile("\\b\\w+(Exception|Error)\\b");

  /**
   * {@code --suite=issue8}: every measurement of BENCHMARKS.md in one command, as the invocations
   * that made them (about 7 hours on a 2-core machine). The defaults at 10k and 100k on every
   * engine (MLlib's 37-table run at 100k stopped at 20 minutes); near-duplicates clustered as MLlib
   * does, against MLlib with as many tables, and verified by exact Jaccard; the 1M rows (the
   * baseline holds the corpus in memory: {@code -Xmx20g}; the DirectRunner once, stopped at 45
   * minutes).
   */
  static final Map<String, List<List<String>>> SUITES =
      Map.of(
          "issue8",
          List.of(
              List.of(
                  "--sizes=10000,100000",
                  "--engines=baseline,flink,direct,dedup-flink,mllib",
                  "--timeoutMinutes=20"),
              List.of(
                  "--sizes=10000,100000",
                  "--engines=dedup-flink,mllib",
                  "--lshBands=32x2",
                  "--chainGuard=false",
                  "--timeoutMinutes=100"),
              List.of(
                  "--sizes=10000,100000",
                  "--engines=dedup-flink",
                  "--lshBands=32x2",
                  "--chainGuard=false",
                  "--verify=exact"),
              List.of("--sizes=1000000", "--engines=flink", "--timeoutMinutes=75"),
              List.of(
                  "--sizes=1000000",
                  "--engines=baseline",
                  "--javaOpts=-Xmx20g",
                  "--timeoutMinutes=40"),
              List.of(
                  "--sizes=1000000",
                  "--engines=direct",
                  "--directMax=1000000",
                  "--runs=1",
                  "--javaOpts=-Xmx20g -XX:+ExitOnOutOfMemoryError",
                  "--timeoutMinutes=45")));

  private BenchCommand() {}

  /**
   * What one {@code bench} command measures: its own arguments, or with {@code --suite=NAME} each
   * of the suite's invocations followed by the command's other arguments (which win: {@code
   * --runs=1} makes a quick pass, {@code --jar=} picks the jar).
   */
  static List<String[]> invocations(String[] argv) {
    CommandArgs args = new CommandArgs(argv);
    if (!args.has("suite")) {
      return List.<String[]>of(argv);
    }
    List<List<String>> suite = SUITES.get(args.get("suite", ""));
    if (suite == null) {
      throw new IllegalArgumentException(
          "unknown suite '" + args.get("suite", "") + "'; suites: " + SUITES.keySet());
    }
    List<String> rest =
        Arrays.stream(argv).filter(a -> !a.startsWith("--suite=") && !a.equals("--suite")).toList();
    return suite.stream()
        .map(step -> Stream.concat(step.stream(), rest.stream()).toArray(String[]::new))
        .toList();
  }

  public static int run(String[] argv) throws Exception {
    CommandArgs args = new CommandArgs(argv);
    Path work = Path.of(args.get("work", "target/bench"));
    Path results = work.resolve("results.jsonl");
    Path report = Path.of(args.get("report", "BENCHMARKS.md"));
    Files.createDirectories(work);
    if (args.getBoolean("fresh", false)) {
      Files.deleteIfExists(results);
      Files.deleteIfExists(work.resolve("commands.txt"));
      Files.deleteIfExists(work.resolve("jmh.json"));
    }
    Path commands = work.resolve("commands.txt");
    if (!args.getBoolean("reportOnly", false)) {
      for (String[] invocation : invocations(argv)) {
        Files.writeString(
            commands,
            Instant.now() + "  " + commandLine(invocation) + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        measure(new CommandArgs(invocation), work, results);
      }
    }
    Path jmh = work.resolve("jmh.json");
    if (args.getBoolean("jmh", true) && !args.getBoolean("reportOnly", false)) {
      runJmh(args, work, jmh);
    }
    List<JsonNode> rows = readResults(results);
    String markdown =
        new BenchReport(
                rows,
                Files.exists(jmh) ? new ObjectMapper().readTree(jmh.toFile()) : null,
                Files.exists(commands)
                    ? Files.readAllLines(commands, StandardCharsets.UTF_8)
                    : List.of(),
                Machine.describe())
            .markdown();
    Files.writeString(report, markdown, StandardCharsets.UTF_8);
    System.out.println(
        "bench: " + rows.size() + " measurements in " + results + "; report written to " + report);
    return 0;
  }

  private static void measure(CommandArgs args, Path work, Path results) throws Exception {
    long[] sizes =
        Arrays.stream(args.get("sizes", "10000,100000").split(","))
            .mapToLong(x -> Long.parseLong(x.trim().replace("_", "")))
            .toArray();
    List<String> engines =
        Arrays.stream(args.get("engines", "baseline,flink,direct,dedup-flink,mllib").split(","))
            .map(String::trim)
            .toList();
    for (String e : engines) {
      if (!ENGINES.contains(e)) {
        throw new IllegalArgumentException("unknown engine '" + e + "'; engines: " + ENGINES);
      }
    }
    int runs = args.getInt("runs", 3);
    long directMax = args.getLong("directMax", 100_000);
    long mllibMax = args.getLong("mllibMax", 100_000);
    long seed = args.getLong("seed", 42);
    Path base = args.path("base", "../shared/corpora/reuters21578-train.jsonl");
    Path jar = jar(args);

    for (long size : sizes) {
      Path corpus = work.resolve("corpus-" + size + "-" + seed);
      if (!Files.exists(corpus.resolve("truth.tsv"))) {
        System.out.printf("bench: generating %,d articles (seed %d) into %s%n", size, seed, corpus);
        new DuplicateCorpusGenerator(seed).generate(base, corpus, size);
      }
      List<String> here =
          engines.stream()
              .filter(e -> !e.endsWith("direct") || size <= directMax)
              .filter(e -> !e.equals("mllib") || size <= mllibMax)
              .toList();
      // run k of every engine before run k+1 of any, so drift on a shared machine spreads over all
      for (int run = 1; run <= runs; run++) {
        for (String engine : here) {
          JsonNode r = runChild(args, jar, work, corpus, engine, size, run);
          Files.writeString(
              results,
              r + "\n",
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        }
      }
    }
  }

  /**
   * The LSH a dedup engine ran with: {@code lsh} ("37x3 bands, chain guard"; MLlib: "37 one-hash
   * tables") and {@code lsh_tables} (bands, or MLlib's tables), by which the report pairs our runs
   * with MLlib's.
   */
  static void putLsh(ObjectNode row, CommandArgs args, String engine) {
    if (!engine.startsWith("dedup-") && !engine.equals("mllib")) {
      return;
    }
    DedupSettings settings = EvalDedupCommand.settings(args);
    int tables = settings.bands().bands();
    row.put(
        "lsh",
        engine.equals("mllib")
            ? tables + " one-hash tables"
            : EvalDedupCommand.describeLsh(settings));
    row.put("lsh_tables", tables);
  }

  /**
   * One run in a fresh JVM: its measurements, or a row marked {@code timed_out} or {@code failed}
   * (with the exit code and {@link #failureReason the reason}) when it did not finish.
   */
  private static JsonNode runChild(
      CommandArgs args, Path jar, Path work, Path corpus, String engine, long size, int run)
      throws IOException, InterruptedException {
    int threads = args.getInt("threads", 2);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // this JVM's module openings and logging properties (from the launcher), not its heap settings
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Dorg.slf4j")) {
        cmd.add(a);
      }
    }
    cmd.addAll(Arrays.asList(args.get("javaOpts", "-Xmx4g").trim().split("\\s+")));
    cmd.addAll(
        List.of(
            "-cp",
            jar.toString(),
            "dev.newsbeam.pipeline.Main",
            "bench-run",
            "--engine=" + engine,
            "--corpus=" + corpus.toAbsolutePath(),
            "--output=" + work.resolve("out-" + engine).toAbsolutePath(),
            "--threads=" + threads));
    boolean dedupEngine = engine.startsWith("dedup-") || engine.equals("mllib");
    if (dedupEngine) {
      for (String key : DEDUP_OPTIONS) {
        if (args.has(key)) {
          cmd.add("--" + key + "=" + args.require(key));
        }
      }
    }
    Path log = work.resolve("logs").resolve(size + "-" + engine + "-" + run + ".log");
    Files.createDirectories(log.getParent());
    System.out.printf("bench: %,d articles, %s, run %d ... ", size, engine, run);
    System.out.flush();
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    long timeoutSeconds = args.getLong("timeoutMinutes", 60) * 60;
    long started = System.nanoTime();
    AtomicBoolean timedOut = new AtomicBoolean();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                  timedOut.set(true);
                  p.descendants().forEach(ProcessHandle::destroyForcibly);
                  p.destroyForcibly();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    watchdog.setDaemon(true);
    watchdog.start();
    JsonNode result = null;
    Deque<String> tail = new ArrayDeque<>();
    try (BufferedReader in =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        out.println(line);
        if (line.startsWith(BenchRunCommand.RESULT_PREFIX)) {
          result =
              new ObjectMapper().readTree(line.substring(BenchRunCommand.RESULT_PREFIX.length()));
        }
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
          tail.removeFirst();
        }
      }
    }
    int code = p.waitFor();
    double wall = (System.nanoTime() - started) / 1e9;
    if (timedOut.get() || code != 0 || result == null) {
      // a run that did not finish is still a measurement: the report shows "> N s" or why it failed
      ObjectNode row = new ObjectMapper().createObjectNode();
      row.put("engine", engine);
      row.put("corpus", corpus.getFileName().toString());
      row.put("articles", size);
      if (timedOut.get()) {
        row.put("timed_out", true);
        System.out.printf("timed out after %d s, see %s%n", timeoutSeconds, log);
      } else {
        row.put("failed", true);
        row.put("exit_code", code);
        row.put("reason", failureReason(new ArrayList<>(tail), code));
        System.out.printf(
            "FAILED after %.1f s (exit %d: %s), see %s%n",
            wall, code, row.path("reason").asText(), log);
      }
      row.put("wall_s", wall);
      row.put("size", size);
      row.put("run", run);
      row.put("at", Instant.now().toString());
      row.put("java_opts", args.get("javaOpts", "-Xmx4g"));
      putLsh(row, args, engine);
      return row;
    }
    ObjectNode row = (ObjectNode) result;
    row.put("size", size);
    row.put("run", run);
    row.put("at", Instant.now().toString());
    row.put("java_opts", args.get("javaOpts", "-Xmx4g"));
    putLsh(row, args, engine);
    System.out.printf(
        "%.1f s wall, %.1f s CPU, %,d articles, heap %d MB, RSS %d MB%s%n",
        row.path("wall_s").asDouble(),
        row.path("cpu_s").asDouble(),
        row.path("articles").asLong(),
        row.path("heap_after_gc_mb").asLong(),
        row.path("peak_rss_mb").asLong(),
        row.has("f1") ? String.format(", F1 %.4f", row.path("f1").asDouble()) : "");
    return row;
  }

  /**
   * Why a run failed, from the last lines of its output: the JVM's out-of-memory line if there is
   * one (what a run too large for its heap ends with), else the root cause (the last "Caused by:"),
   * else the first exception or error line, else the last line; at most {@value #REASON_CHARS}
   * characters.
   */
  static String failureReason(List<String> lastLines, int exitCode) {
    List<String> lines = lastLines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    String reason =
        lines.stream()
            .filter(l -> l.contains("OutOfMemoryError"))
            .findFirst()
            .or(() -> lines.stream().filter(l -> l.startsWith("Caused by:")).reduce((a, b) -> b))
            .or(
                () ->
                    lines.stream()
                        .filter(l -> !l.startsWith("at ") && EXCEPTION.matcher(l).find())
                        .findFirst())
            .or(() -> lines.stream().reduce((a, b) -> b))
            .orElse("exit code " + exitCode + ", no output");
    return reason.length() <= REASON_CHARS ? reason : reason.substring(0, REASON_CHARS - 1) + "…";
  }

  /** The runners jar (Flink, Spark and the pipeline), which every engine can run from. */
  private static Path jar(CommandArgs args) {
    if (args.has("jar")) {
      return Path.of(args.get("jar", ""));
    }
    String home = System.getenv().getOrDefault("NEWSBEAM_HOME", ".");
    Path jar = Path.of(home, "runners", "target", "newsbeam-runners.jar");
    if (!Files.exists(jar)) {
      throw new IllegalArgumentException(
          "bench needs "
              + jar
              + " (Flink and Spark): build it with mvn -B -Prunners -DskipTests package, or pass --jar=");
    }
    return jar;
  }

  /**
   * The JMH microbenchmarks, short settings (the figures are per-operation rates, not the point of
   * the run).
   */
  private static void runJmh(CommandArgs args, Path work, Path jmhJson)
      throws IOException, InterruptedException {
    String home = System.getenv().getOrDefault("NEWSBEAM_HOME", ".");
    Path jar =
        Path.of(
            args.get("jmhJar", Path.of(home, "benchmarks", "target", "benchmarks.jar").toString()));
    if (!Files.exists(jar)) {
      System.out.println("bench: no " + jar + " (mvn -B package builds it); JMH skipped");
      return;
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    cmd.addAll(
        Arrays.asList(args.get("jmhArgs", "-f 1 -wi 3 -w 2s -i 5 -r 2s").trim().split("\\s+")));
    cmd.addAll(List.of("-rf", "json", "-rff", jmhJson.toAbsolutePath().toString()));
    Path log = work.resolve("logs").resolve("jmh.log");
    Files.createDirectories(log.getParent());
    System.out.println(
        "bench: JMH microbenchmarks (" + String.join(" ", cmd.subList(1, cmd.size())) + ")");
    int code =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start()
            .waitFor();
    if (code != 0) {
      System.out.println("bench: JMH failed (exit " + code + "), see " + log);
    }
  }

  private static List<JsonNode> readResults(Path results) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    if (Files.exists(results)) {
      ObjectMapper json = new ObjectMapper();
      for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          rows.add(json.readTree(line));
        }
      }
    }
    return rows;
  }

  static String commandLine(String[] argv) {
    // quoted where the shell would need it (--javaOpts="-Xmx20g -XX:+ExitOnOutOfMemoryError")
    return ("./newsbeam bench "
            + Arrays.stream(argv)
                .map(a -> a.contains(" ") ? a.replaceFirst("=(.*)$", "=\"$1\"") : a)
                .collect(Collectors.joining(" ")))
        .trim();
  }
}
