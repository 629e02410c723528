package dev.newsbeam.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbeam.dedup.DedupOptions;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.lab.Lab;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import dev.newsbeam.lab.corpus.DuplicateCorpusGenerator;
import dev.newsbeam.lab.eval.EvalDedupCommand;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./newsbeam-lab bench}: generates seeded corpora, runs every engine on each a few times,
 * each run in a fresh JVM ({@link BenchRunCommand}), appends the measurements to {@code
 * <work>/results.jsonl} and writes {@link BenchReport the Markdown report} from all measurements
 * there. Options: {@link BenchOptions} ({@code ./newsbeam-lab bench --help}).
 */
public final class BenchCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab bench [--sizes=N,...] [--engines=E,...] [--runs=N] [--suite=NAME]"
          + " [dedup options] [options]";

  /** Lines of a run's output kept to say why it failed. */
  private static final int TAIL_LINES = 200;

  private static final int REASON_CHARS = 160;
  private static final Pattern EXCEPTION = Pattern.compile("\\b\\w+(Exception|Error)\\b");

  private BenchCommand() {}

  /**
   * What one {@code bench} command measures: its own arguments, or with {@code --suite=NAME} each
   * of the suite's invocations with the command's other arguments, which replace the suite's of the
   * same name ({@code --runs=1} makes a quick pass).
   */
  static List<String[]> invocations(String[] argv) {
    Suite suite = LabCli.parse(argv, BenchOptions.class).getSuite();
    if (suite == null) {
      return List.<String[]>of(argv);
    }
    List<String> rest = Arrays.stream(argv).filter(a -> !key(a).equals("suite")).toList();
    Set<String> given = rest.stream().map(BenchCommand::key).collect(Collectors.toSet());
    return suite.steps().stream()
        .map(
            step ->
                Stream.concat(step.stream().filter(a -> !given.contains(key(a))), rest.stream())
                    .toArray(String[]::new))
        .toList();
  }

  /** The option an argument sets: {@code runs} of {@code --runs=1}. */
  private static String key(String arg) {
    int eq = arg.indexOf('=');
    return arg.substring(arg.startsWith("--") ? 2 : 0, eq < 0 ? arg.length() : eq);
  }

  public static int run(String[] argv) throws Exception {
    if (LabCli.help(argv, System.out, USAGE, BenchOptions.class)) {
      return 0;
    }
    BenchOptions options = LabCli.parse(argv, BenchOptions.class);
    Path work = Path.of(options.getWork());
    Path results = work.resolve("results.jsonl");
    Path report = Path.of(options.getReport());
    Files.createDirectories(work);
    if (options.getFresh()) {
      Files.deleteIfExists(results);
      Files.deleteIfExists(work.resolve("commands.txt"));
      Files.deleteIfExists(work.resolve("jmh.json"));
    }
    Path commands = work.resolve("commands.txt");
    if (!options.getReportOnly()) {
      for (String[] invocation : invocations(argv)) {
        Files.writeString(
            commands,
            Instant.now() + "  " + commandLine(invocation) + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        measure(LabCli.parse(invocation, BenchOptions.class), work, results);
      }
    }
    Path jmh = work.resolve("jmh.json");
    if (options.getJmh() && !options.getReportOnly()) {
      runJmh(options, work, jmh);
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

  private static void measure(BenchOptions options, Path work, Path results) throws Exception {
    long seed = options.getSeed();
    Path base = LabPaths.resolve(options.getBase());
    for (long size : options.getSizes()) {
      Path corpus = work.resolve("corpus-" + size + "-" + seed);
      if (!Files.exists(corpus.resolve("truth.tsv"))) {
        System.out.printf("bench: generating %,d articles (seed %d) into %s%n", size, seed, corpus);
        new DuplicateCorpusGenerator(seed).generate(base, corpus, size);
      }
      List<Engine> here =
          options.getEngines().stream()
              .filter(e -> !e.onDirectRunner() || size <= options.getDirectMax())
              .filter(e -> e != Engine.MLLIB || size <= options.getMllibMax())
              .toList();
      // run k of every engine before run k+1 of any, so drift on a shared machine spreads over all
      for (int run = 1; run <= options.getRuns(); run++) {
        for (Engine engine : here) {
          JsonNode r = runChild(options, work, corpus, engine, size, run);
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
   * The dedup options of {@code options} as arguments, for the runs of the dedup engines: each
   * value as in effect here, so a run's settings are {@link DedupSettings#from} the same values.
   */
  static List<String> dedupArgs(DedupOptions options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--similarity=" + options.getSimilarity(),
                "--numPerm=" + options.getNumPerm(),
                "--shingle=" + options.getShingle(),
                "--containment=" + options.getContainment(),
                "--minContainmentShingles=" + options.getMinContainmentShingles(),
                "--figureAgreement=" + options.getFigureAgreement(),
                "--keep=" + options.getKeep().code(),
                "--chainGuard=" + options.getChainGuard(),
                "--verify=" + options.getVerify().code()));
    if (options.getLshBands() != null) {
      args.add("--lshBands=" + options.getLshBands());
    }
    return args;
  }

  /**
   * The LSH a dedup engine ran with: {@code lsh} ("37x3 bands, chain guard"; MLlib: "37 one-hash
   * tables") and {@code lsh_tables} (bands, or MLlib's tables), by which the report pairs our runs
   * with MLlib's.
   */
  static void putLsh(ObjectNode row, DedupOptions options, Engine engine) {
    if (!engine.dedupOnly()) {
      return;
    }
    DedupSettings settings = DedupSettings.from(options);
    int tables = settings.bands().bands();
    row.put(
        "lsh",
        engine == Engine.MLLIB
            ? tables + " one-hash tables"
            : EvalDedupCommand.describeLsh(settings));
    row.put("lsh_tables", tables);
  }

  /**
   * One run in a fresh JVM: its measurements, or a row marked {@code timed_out} or {@code failed}
   * (with the exit code and {@link #failureReason the reason}) when it did not finish.
   */
  private static JsonNode runChild(
      BenchOptions options, Path work, Path corpus, Engine engine, long size, int run)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // this JVM's module openings and logging properties (from the launcher), not its heap settings
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Dorg.slf4j")) {
        cmd.add(a);
      }
    }
    cmd.addAll(Arrays.asList(options.getJavaOpts().trim().split("\\s+")));
    cmd.addAll(
        List.of(
            "-cp",
            options.getClassPath(),
            Lab.class.getName(),
            "bench-run",
            "--engine=" + engine.code(),
            "--corpus=" + corpus.toAbsolutePath(),
            "--output=" + work.resolve("out-" + engine.code()).toAbsolutePath(),
            "--overwrite=true",
            "--threads=" + options.getThreads()));
    if (engine.dedupOnly()) {
      cmd.addAll(dedupArgs(options));
    }
    Path log = work.resolve("logs").resolve(size + "-" + engine.code() + "-" + run + ".log");
    Files.createDirectories(log.getParent());
    System.out.printf("bench: %,d articles, %s, run %d ... ", size, engine.code(), run);
    System.out.flush();
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    long timeoutSeconds = options.getTimeoutMinutes() * 60;
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
      row.put("engine", engine.code());
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
      row.put("java_opts", options.getJavaOpts());
      putLsh(row, options, engine);
      return row;
    }
    ObjectNode row = (ObjectNode) result;
    row.put("size", size);
    row.put("run", run);
    row.put("at", Instant.now().toString());
    row.put("java_opts", options.getJavaOpts());
    putLsh(row, options, engine);
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

  /**
   * The JMH microbenchmarks, short settings (the figures are per-operation rates, not the point of
   * the run).
   */
  private static void runJmh(BenchOptions options, Path work, Path jmhJson)
      throws IOException, InterruptedException {
    Path jar = LabPaths.resolve(options.getJmhJar());
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
    cmd.addAll(Arrays.asList(options.getJmhArgs().trim().split("\\s+")));
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
    return ("./newsbeam-lab bench "
            + Arrays.stream(argv)
                .map(a -> a.contains(" ") ? a.replaceFirst("=(.*)$", "=\"$1\"") : a)
                .collect(Collectors.joining(" ")))
        .trim();
  }
}
