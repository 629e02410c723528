package dev.newsbeam.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --runner=DataflowRunner --templateLocation=<file>} builds the complete Dataflow job
 * offline: no credentials, no network, artifacts staged to a local directory instead of Cloud
 * Storage.
 */
class DataflowTemplateIT {

  @Test
  void writesACompleteJobSpecWithoutCredentials() throws Exception {
    Path dir = Reference.runs().resolve("dataflow");
    Files.createDirectories(dir);
    Path template = dir.resolve("newsbeam-template.json");
    Files.deleteIfExists(template);
    Path staging = dir.resolve("staging");
    Engine.Run run =
        Engine.newsbeam(
            dir.resolve("template.log"),
            10,
            "--runner=DataflowRunner",
            "--project=newsbeam-offline",
            "--region=europe-west1",
            "--tempLocation=gs://newsbeam-offline/tmp",
            "--gcpTempLocation=gs://newsbeam-offline/tmp",
            "--stagingLocation=" + staging,
            "--templateLocation=" + template,
            "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
            "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
            "--input=gs://newsbeam-offline/articles/*.txt",
            "--output=gs://newsbeam-offline/out");
    assertThat(run.output(), run.exitCode(), equalTo(0));

    JsonNode job = new ObjectMapper().readTree(template.toFile());
    JsonNode env = job.path("environment");
    assertThat(env.path("tempStoragePrefix").asText(), startsWith("gs://newsbeam-offline/tmp"));
    JsonNode options = env.path("sdkPipelineOptions").path("options");
    assertThat(options.path("project").asText(), equalTo("newsbeam-offline"));
    assertThat(options.path("input").asText(), equalTo("gs://newsbeam-offline/articles/*.txt"));
    assertThat(options.path("output").asText(), equalTo("gs://newsbeam-offline/out"));
    assertThat(job.path("type").asText(), equalTo("JOB_TYPE_BATCH"));

    // every stage of the pipeline, by the names the graph gives them
    List<String> stepNames = new ArrayList<>();
    job.path("steps")
        .forEach(s -> stepNames.add(s.path("properties").path("user_name").path("value").asText()));
    assertThat(
        stepNames.stream().map(n -> n.split("/")[0]).distinct().toList(),
        hasItems(
            "PlanReads",
            "Enrich",
            "ClusterDuplicates",
            "ComputeTermTable",
            "WriteArticles",
            "WriteErrors",
            "WriteManifest"));

    // the pipeline's jar is among the worker packages, and was really staged where the spec says
    JsonNode pool = env.path("workerPools").get(0);
    List<String> packages = new ArrayList<>();
    pool.path("packages").forEach(p -> packages.add(p.path("location").asText()));
    assertThat(packages.stream().anyMatch(p -> p.contains("newsbeam-runners")), equalTo(true));
    for (String p : packages) {
      assertThat(p, Files.exists(Path.of(p)), equalTo(true));
    }
    assertThat(Files.exists(Path.of(options.path("pipelineUrl").asText())), equalTo(true));
  }
}
