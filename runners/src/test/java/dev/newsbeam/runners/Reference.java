package dev.newsbeam.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** DirectRunner runs that the other engines are compared with, made once per input per test JVM. */
final class Reference {
  private static final Map<Path, Path> DIRECT = new HashMap<>();

  private Reference() {}

  /** Where the engine tests keep their runs (kept after the build to inspect failures). */
  static Path runs() throws IOException {
    return Files.createDirectories(Path.of("target", "engine-runs").toAbsolutePath());
  }

  static synchronized Path direct(Path input) throws Exception {
    Path out = DIRECT.get(input);
    if (out == null) {
      out = runs().resolve("direct-" + input.getFileName() + "-" + DIRECT.size());
      Engine.Run run =
          Engine.newsbeam(
              runs().resolve(out.getFileName() + ".log"),
              20,
              "--runner=DirectRunner",
              "--input=" + input,
              "--output=" + out,
              "--overwrite");
      assertThat(run.output(), run.exitCode(), equalTo(0));
      DIRECT.put(input, out);
    }
    return out;
  }
}
