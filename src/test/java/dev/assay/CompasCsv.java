package dev.assay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The COMPAS CSV of ../shared/datasets and a plain line splitter (quotes honoured), for oracle
 * tests that compute expected values independently of Spark.
 */
public final class CompasCsv {

  public static final Path CSV = Path.of("../shared/datasets/compas/compas-scores-two-years.csv").toAbsolutePath();

  private CompasCsv() {
  }

  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
