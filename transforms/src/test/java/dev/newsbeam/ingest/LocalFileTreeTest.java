package dev.newsbeam.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileTreeTest {

  @Test
  void walksSubdirectoriesAndListsInPathOrder(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("in");
    write(root.resolve("b/z.txt"), "z");
    write(root.resolve("a.txt"), "a");
    write(root.resolve("b/c/y.jsonl"), "y");

    LocalFileTree tree = LocalFileTree.list(root);

    assertThat(relative(root, tree), contains("a.txt", "b/c/y.jsonl", "b/z.txt"));
    assertThat(tree.linksSkipped(), equalTo(0L));
    assertThat(tree.files().get(0).sizeBytes(), equalTo(1L));
  }

  @Test
  void aLinkBackToTheParentIsACycleAndSkipped(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("in");
    write(root.resolve("a/x.txt"), "x");
    Files.createSymbolicLink(root.resolve("a/loop"), Path.of(".."));

    LocalFileTree tree = LocalFileTree.list(root);

    assertThat(relative(root, tree), contains("a/x.txt"));
    assertThat(tree.linksSkipped(), equalTo(1L));
  }

  @Test
  void aLinkToItsOwnDirectoryIsACycleAndSkipped(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("in");
    write(root.resolve("x.txt"), "x");
    Files.createSymbolicLink(root.resolve("here"), Path.of("."));

    LocalFileTree tree = LocalFileTree.list(root);

    assertThat(relative(root, tree), contains("x.txt"));
    assertThat(tree.linksSkipped(), equalTo(1L));
  }

  @Test
  void aLinkToItselfLeadsNowhereAndIsSkipped(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("in");
    write(root.resolve("x.txt"), "x");
    Files.createSymbolicLink(root.resolve("self.txt"), Path.of("self.txt"));

    LocalFileTree tree = LocalFileTree.list(root);

    assertThat(relative(root, tree), contains("x.txt"));
    assertThat(tree.linksSkipped(), equalTo(1L));
  }

  @Test
  void linksToAFileOrDirectoryElsewhereAreRead(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("in");
    write(tmp.resolve("elsewhere/e.jsonl"), "{}");
    write(tmp.resolve("shelf/s.txt"), "s");
    Files.createDirectories(root);
    Files.createSymbolicLink(root.resolve("e.jsonl"), tmp.resolve("elsewhere/e.jsonl"));
    Files.createSymbolicLink(root.resolve("shelf"), tmp.resolve("shelf"));

    LocalFileTree tree = LocalFileTree.list(root);

    assertThat(relative(root, tree), contains("e.jsonl", "shelf/s.txt"));
    assertThat(tree.linksSkipped(), equalTo(0L));
    assertThat(tree.files().get(0).sizeBytes(), equalTo(2L));
  }

  @Test
  void twoPathsToOneFileListItOnceUnderTheFirstPath(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("in");
    write(tmp.resolve("elsewhere/e.jsonl"), "{}");
    write(root.resolve("m/x.txt"), "x");
    Files.createSymbolicLink(root.resolve("b.jsonl"), tmp.resolve("elsewhere/e.jsonl"));
    Files.createSymbolicLink(root.resolve("a.jsonl"), tmp.resolve("elsewhere/e.jsonl"));
    Files.createSymbolicLink(root.resolve("z.txt"), Path.of("m/x.txt"));

    LocalFileTree tree = LocalFileTree.list(root);

    assertThat(relative(root, tree), contains("a.jsonl", "m/x.txt"));
    assertThat(tree.linksSkipped(), equalTo(2L));
  }

  @Test
  void aDanglingLinkIsSkipped(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("in");
    write(root.resolve("x.txt"), "x");
    Files.createSymbolicLink(root.resolve("gone.txt"), Path.of("no-such-file.txt"));

    LocalFileTree tree = LocalFileTree.list(root);

    assertThat(relative(root, tree), contains("x.txt"));
    assertThat(tree.linksSkipped(), equalTo(1L));
  }

  @Test
  void aFileListsItselfAndAMissingPathNothing(@TempDir Path tmp) throws IOException {
    write(tmp.resolve("a.txt"), "a");

    assertThat(
        LocalFileTree.list(tmp.resolve("a.txt")).files().get(0).path(),
        equalTo(tmp.resolve("a.txt")));
    assertThat(LocalFileTree.list(tmp.resolve("missing")).files(), is(empty()));
  }

  @Test
  void hasAnyFileFollowsLinksAndSurvivesCycles(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("in");
    Files.createDirectories(root.resolve("a"));
    Files.createSymbolicLink(root.resolve("a/loop"), Path.of(".."));
    assertThat(LocalFileTree.hasAnyFile(root), is(false));
    assertThat(LocalFileTree.hasAnyFile(tmp.resolve("missing")), is(false));

    write(tmp.resolve("elsewhere/e.jsonl"), "{}");
    Files.createSymbolicLink(root.resolve("a/e.jsonl"), tmp.resolve("elsewhere/e.jsonl"));
    assertThat(LocalFileTree.hasAnyFile(root), is(true));
  }

  private static List<String> relative(Path root, LocalFileTree tree) {
    return tree.files().stream().map(f -> root.relativize(f.path()).toString()).toList();
  }

  private static void write(Path p, String s) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }
}
