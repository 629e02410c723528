package dev.newsbeam.lab;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import dev.newsbeam.lab.bench.BenchAnalyzerOptions;
import dev.newsbeam.lab.bench.BenchBylinesOptions;
import dev.newsbeam.lab.bench.BenchOptions;
import dev.newsbeam.lab.bench.BenchRunOptions;
import dev.newsbeam.lab.bench.BenchTopicsOptions;
import dev.newsbeam.lab.bench.BenchWordStatsOptions;
import dev.newsbeam.lab.corpus.GenerateOptions;
import dev.newsbeam.lab.eval.EvalBylinesOptions;
import dev.newsbeam.lab.eval.EvalDedupOptions;
import dev.newsbeam.lab.eval.EvalTopicsOptions;
import dev.newsbeam.lab.mllib.MllibDedupOptions;
import dev.newsbeam.pipeline.NewsbeamOptions;
import dev.newsbeam.pipeline.TrainTopicsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * Every options interface of the lab, registered in one JVM with the product's: Beam refuses two
 * interfaces that declare one property with different {@code @Default}s, and the lab's commands,
 * its tests and bench-run (which calls the product's pipeline) register them side by side.
 */
class LabOptionsTest {
  /** The options interfaces compiled into the lab, found on disk so a new one cannot be missed. */
  private static List<Class<? extends PipelineOptions>> labOptions() throws Exception {
    Path classes = Path.of(Lab.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<? extends PipelineOptions>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name = classes.relativize(f).toString().replace('/', '.');
        Class<?> c = Class.forName(name.substring(0, name.length() - ".class".length()));
        if (c.isInterface() && PipelineOptions.class.isAssignableFrom(c)) {
          found.add(c.asSubclass(PipelineOptions.class));
        }
      }
    }
    return found;
  }

  @Test
  void everyLabOptionsInterfaceRegistersWithTheProducts() throws Exception {
    List<Class<? extends PipelineOptions>> lab = labOptions();
    assertThat(
        lab,
        hasItems(
            BaselineOptions.class,
            BenchOptions.class,
            BenchRunOptions.class,
            BenchAnalyzerOptions.class,
            BenchBylinesOptions.class,
            BenchTopicsOptions.class,
            BenchWordStatsOptions.class,
            GenerateOptions.class,
            EvalBylinesOptions.class,
            EvalDedupOptions.class,
            EvalTopicsOptions.class,
            MllibDedupOptions.class));
    List<Class<? extends PipelineOptions>> all = new ArrayList<>(lab);
    all.add(NewsbeamOptions.class);
    all.add(TrainTopicsOptions.class);
    for (Class<? extends PipelineOptions> type : all) {
      PipelineOptionsFactory.register(type);
    }
    for (Class<? extends PipelineOptions> type : all) {
      PipelineOptions options = PipelineOptionsFactory.fromArgs().withoutStrictParsing().as(type);
      assertThat(type.getName(), options, is(notNullValue()));
    }
  }

  @Test
  void aRelativePathIsAlsoLookedForAboveTheWorkingDirectory() {
    // the tests run in lab/, and testdata/ is the repository's
    assertThat(
        LabPaths.resolve("testdata"), is(Path.of("..", "testdata").toAbsolutePath().normalize()));
    assertThat(LabPaths.resolve("pom.xml"), is(Path.of("pom.xml")));
    assertThat(LabPaths.resolve("no/such/file"), is(Path.of("no/such/file")));
  }
}
