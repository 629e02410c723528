package dev.newsbeam.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real standalone Flink session cluster (scripts/flink-cluster.sh: a JobManager and two
 * TaskManagers, separate JVMs): the pipeline submitted to it writes the DirectRunner's records, and
 * still does when a TaskManager is killed mid-job and a replacement joins.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkClusterIT {
  static final String REST_PORT = System.getProperty("newsbeam.flinkRestPort", "8081");
  static final String MASTER = "127.0.0.1:" + REST_PORT;

  /**
   * Copies of testdata/ in the generated corpus: enough for a job that runs for a while on 2 slots.
   */
  static final int COPIES = Integer.getInteger("newsbeam.faultCorpusCopies", 150);

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static Path clusterDir;

  @BeforeAll
  static void startCluster() throws Exception {
    clusterDir = Reference.runs().resolve("flink-cluster");
    cluster("stop");
    Script start = cluster("start");
    assertThat(start.output, start.exitCode, equalTo(0));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster("stop");
  }

  @Test
  @Order(1)
  void testdataOnTheClusterMatchesTheDirectRunner() throws Exception {
    Path direct = Reference.direct(Engine.testdata());
    Path out = Reference.runs().resolve("flink-cluster-testdata");
    Set<String> jobsBefore = jobIds();
    Engine.Run run =
        Engine.newsbeam(
            Reference.runs().resolve("flink-cluster-testdata.log"),
            20,
            "--runner=FlinkRunner",
            "--flinkMaster=" + MASTER,
            "--parallelism=2",
            "--input=" + Engine.testdata(),
            "--output=" + out,
            "--overwrite");
    assertThat(run.output(), run.exitCode(), equalTo(0));
    assertThat(Engine.manifest(out).path("runner").asText(), equalTo("FlinkRunner"));
    Parity.assertSameOutput("flink-cluster", direct, out);
    // a job that only finished after failing over for network buffers is a misconfigured cluster
    // that
    // passes by luck: with ten restarts it did, until one run needed eleven. (Other failovers, e.g.
    // a
    // heartbeat missed on a busy 2-core machine, are what the restart strategy is for.)
    Set<String> jobs = jobIds();
    jobs.removeAll(jobsBefore);
    assertThat(jobs.size(), equalTo(1));
    JsonNode failures =
        get("/jobs/" + jobs.iterator().next() + "/exceptions")
            .path("exceptionHistory")
            .path("entries");
    for (JsonNode failure : failures) {
      assertThat(
          failure.path("stacktrace").asText(),
          not(containsString("Insufficient number of network buffers")));
    }
  }

  @Test
  @Order(2)
  void losingATaskManagerMidJobLosesAndDoublesNothing() throws Exception {
    Path corpus = generateCorpus(Reference.runs().resolve("fault-corpus"), COPIES);
    // the clean run is on this cluster too: the DirectRunner is too slow for thousands of files,
    // and the
    // cross-runner comparison is the testdata test's job
    Path clean = Reference.runs().resolve("flink-cluster-clean");
    Engine.Run cleanRun =
        Engine.newsbeam(
            Reference.runs().resolve("flink-cluster-clean.log"),
            20,
            "--runner=FlinkRunner",
            "--flinkMaster=" + MASTER,
            "--parallelism=2",
            "--input=" + corpus,
            "--output=" + clean,
            "--overwrite");
    assertThat(cleanRun.output(), cleanRun.exitCode(), equalTo(0));
    assertThat(
        Engine.manifest(clean).path("counts").path("input_records").asLong(),
        equalTo(52L * COPIES));
    Set<String> jobsBefore = jobIds();

    Path out = Reference.runs().resolve("flink-cluster-fault");
    Path log = Reference.runs().resolve("flink-cluster-fault.log");
    List<String> command =
        List.of(
            "bash",
            Engine.home().resolve("newsbeam").toString(),
            "--runner=FlinkRunner",
            "--flinkMaster=" + MASTER,
            "--parallelism=2",
            "--input=" + corpus,
            "--output=" + out,
            "--overwrite");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("NEWSBEAM_JAR", System.getProperty("newsbeam.runnersJar"));
    Process submit = pb.start();
    try {
      String job = awaitRunningJob(jobsBefore, submit);
      // let the tasks get going, then take a TaskManager away while the job is still running
      awaitRecordsFlowing(job, submit);
      assertThat(
          "job finished before the TaskManager could be killed; raise newsbeam.faultCorpusCopies",
          jobState(job),
          equalTo("RUNNING"));
      Script kill = cluster("kill-taskmanager", "1");
      assertThat(kill.output, kill.exitCode, equalTo(0));
      Script replace = cluster("add-taskmanager");
      assertThat(replace.output, replace.exitCode, equalTo(0));

      assertThat("submission did not finish", submit.waitFor(20, TimeUnit.MINUTES), is(true));
      assertThat(Files.readString(log), submit.exitValue(), equalTo(0));
      assertThat(settledJobState(job), equalTo("FINISHED"));
      JsonNode failures =
          get("/jobs/" + job + "/exceptions").path("exceptionHistory").path("entries");
      assertThat("the job never saw the lost TaskManager", failures.size(), greaterThan(0));
    } finally {
      submit.destroyForcibly();
    }
    Parity.assertSameOutput("flink-cluster after losing a TaskManager", clean, out);
  }

  /**
   * {@code copies} copies of testdata/ (text and JSONL, good and malformed) under distinct
   * directories.
   */
  static Path generateCorpus(Path dir, int copies) throws IOException {
    if (Files.exists(dir.resolve(".complete-" + copies))) {
      return dir;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(Engine.testdata())) {
      files =
          s.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .toList();
    }
    for (int i = 0; i < copies; i++) {
      Path copy = dir.resolve(String.format("copy-%03d", i));
      for (Path f : files) {
        Path target = copy.resolve(Engine.testdata().relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.createFile(dir.resolve(".complete-" + copies));
    return dir;
  }

  private static String awaitRunningJob(Set<String> before, Process submit) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline && submit.isAlive()) {
      for (JsonNode j : get("/jobs/overview").path("jobs")) {
        if (!before.contains(j.path("jid").asText())
            && j.path("state").asText().equals("RUNNING")) {
          return j.path("jid").asText();
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no new job reached RUNNING on the cluster (submission alive: " + submit.isAlive() + ")");
  }

  /** Waits until the job's sources have emitted records, so the failure hits work in progress. */
  private static void awaitRecordsFlowing(String job, Process submit) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline && submit.isAlive()) {
      long written = 0;
      for (JsonNode v : get("/jobs/" + job).path("vertices")) {
        written += v.path("metrics").path("write-records").asLong();
      }
      if (written > 0) {
        return;
      }
      Thread.sleep(200);
    }
  }

  private static String jobState(String job) throws Exception {
    return get("/jobs/" + job).path("state").asText();
  }

  /**
   * The job's state once the REST API has caught up: it serves job details from a cache refreshed
   * every few seconds, so right after the client has its result (and the launcher, polling the
   * job's accumulators for progress, has just had it cached) it can still say RUNNING.
   */
  private static String settledJobState(String job) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String state = jobState(job);
    while (state.equals("RUNNING") && System.nanoTime() < deadline) {
      Thread.sleep(500);
      state = jobState(job);
    }
    return state;
  }

  private static Set<String> jobIds() throws Exception {
    Set<String> ids = new HashSet<>();
    get("/jobs/overview").path("jobs").forEach(j -> ids.add(j.path("jid").asText()));
    return ids;
  }

  private static JsonNode get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + MASTER + path))
            .timeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  record Script(int exitCode, String output) {}

  static Script cluster(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("bash", Engine.home().resolve("scripts/flink-cluster.sh").toString()));
    command.addAll(List.of(args));
    Path log = Reference.runs().resolve("flink-cluster-" + args[0] + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("FLINK_CLUSTER_DIR", clusterDir.toString());
    pb.environment().put("FLINK_REST_PORT", REST_PORT);
    pb.environment()
        .put(
            "FLINK_CLUSTER_CLASSPATH",
            Path.of("target", "flink-cluster.classpath").toAbsolutePath().toString());
    Process p = pb.start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly().waitFor();
    }
    return new Script(done ? p.exitValue() : -1, Files.readString(log));
  }
}
