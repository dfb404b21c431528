package dev.assay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The real data sets the oracle tests read (COMPAS, UCI Adult), committed gzip-compressed under
 * {@code src/test/resources/datasets/} with a SOURCE.md each. Resolved through the test classpath
 * to a file path, because Spark reads paths, not class-path resources.
 */
public final class TestDatasets {

  private TestDatasets() {}

  /** The file of a test data set, e.g. {@code path("adult/adult.data.gz")}. */
  public static Path path(String name) {
    URL url = TestDatasets.class.getResource("/datasets/" + name);
    if (url == null) {
      throw new IllegalStateException(
          "test data set datasets/"
              + name
              + " is not on the test classpath (expected in src/test/resources/datasets/)");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot turn " + url + " into a path", e);
    }
  }

  /** Every line of a gzip-compressed UTF-8 text file, line ends (LF or CRLF) removed. */
  public static List<String> gunzipLines(Path gz) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      return in.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + gz, e);
    }
  }
}
