package dev.assay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code assay --version}: Assay's version and commit, and the Spark, Scala and Java it runs on.
 */
class VersionTest {

  @Test
  void namesSparkScalaAndJavaFoundOnTheClasspath() {
    // The test classpath has the pom's Spark (spark.version) and Spark's Scala 2.13 library.
    assertEquals(System.getProperty("assay.test.spark.version", "4.2.0"), Version.spark());
    assertTrue(Version.scala().startsWith("2.13."), Version.scala());
    String line = Version.describe();
    assertTrue(
        line.startsWith(
            "assay "
                + Version.tool()
                + " (commit "
                + Version.commit()
                + "), Spark "
                + Version.spark()
                + ", Scala "
                + Version.scala()
                + ", Java "
                + System.getProperty("java.version")),
        line);
  }

  @Test
  void commitIsTheCheckoutsHeadWhenBuiltFromGit() throws IOException, InterruptedException {
    String head = gitHead();
    String commit = Version.commit().replace("-dirty", "");
    if (head == null) {
      assertEquals("unknown", commit, "a build outside a git checkout has no commit");
    } else {
      assertTrue(
          commit.matches("[0-9a-f]{7,}") && head.startsWith(commit),
          "commit " + commit + " vs HEAD " + head);
    }
  }

  /** HEAD of the checkout the tests run in, or null when this is not a git checkout. */
  private static String gitHead() throws IOException, InterruptedException {
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.waitFor() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
    } catch (IOException e) {
      return null;
    }
  }
}
