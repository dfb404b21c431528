package dev.assay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ProPublica's COMPAS two-year CSV (test resource {@code datasets/compas}, gzip-compressed, the
 * name and birth-date columns emptied; see its SOURCE.md) and a plain line splitter (quotes
 * honoured), for oracle tests that compute expected values independently of Spark. Specs that read
 * it need {@code format: csv}: the name ends in {@code .gz}, which Spark decompresses itself.
 */
public final class CompasCsv {

  public static final Path CSV = TestDatasets.path("compas/compas-scores-two-years.csv.gz");

  private CompasCsv() {}

  /** Every line of the file, the header first. */
  public static List<String> lines() {
    return TestDatasets.gunzipLines(CSV);
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
