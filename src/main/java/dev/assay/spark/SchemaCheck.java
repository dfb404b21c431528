package dev.assay.spark;

import dev.assay.core.BadInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Checks the columns a spec names against a loaded schema before any job runs, with messages that
 * name the spec line, the column and the data file, and suggest the nearest existing name. Spark's
 * CSV reader renames duplicate header names by appending their position ({@code decile_score}
 * becomes {@code decile_score11} and {@code decile_score39}); such a name gets its own message.
 */
public record SchemaCheck(StructType schema, String dataSource) {

  /**
   * Returns the type of {@code column}.
   *
   * @param specLocation {@code file:line} of the spec key that names the column
   * @param role what the column is for (label, score, sensitive attribute ...)
   */
  public DataType require(String column, String role, String specLocation) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(column)) {
        return f.dataType();
      }
    }
    Pattern renamed = Pattern.compile(Pattern.quote(column) + "\\d+");
    List<String> copies =
        Arrays.stream(schema.fieldNames()).filter(n -> renamed.matcher(n).matches()).toList();
    if (copies.size() > 1) {
      throw new BadInputException(
          specLocation
              + ": column '"
              + column
              + "' ("
              + role
              + ") appears "
              + copies.size()
              + " times in the header of "
              + dataSource
              + "; Spark renamed the copies to "
              + String.join(", ", copies)
              + ". Name one of those in the spec.");
    }
    throw new BadInputException(
        specLocation
            + ": column '"
            + column
            + "' ("
            + role
            + ") is not in "
            + dataSource
            + ". Nearest columns: "
            + String.join(", ", nearest(column, 3))
            + ". Fix the name in the spec.");
  }

  /** Like {@link #require}, and the column must be numeric. */
  public DataType requireNumeric(String column, String role, String specLocation) {
    DataType type = require(column, role, specLocation);
    if (!(type instanceof NumericType)) {
      throw new BadInputException(
          specLocation
              + ": column '"
              + column
              + "' ("
              + role
              + ") in "
              + dataSource
              + " has type "
              + type.simpleString()
              + "; it must be numeric. For CSV, keep"
              + " the default option inferSchema: \"true\", or cast the column when you write the data"
              + (type.typeName().equals("string")
                  ? " (a column read as string holds text in some row," + " or no value in any row)"
                  : "")
              + ".");
    }
    return type;
  }

  /** Like {@link #require}, and the column must be a plain value (not an array, map or struct). */
  public DataType requireAtomic(String column, String role, String specLocation) {
    DataType type = require(column, role, specLocation);
    String name = type.typeName();
    if (name.equals("array") || name.equals("map") || name.equals("struct")) {
      throw new BadInputException(
          specLocation
              + ": column '"
              + column
              + "' ("
              + role
              + ") in "
              + dataSource
              + " has type "
              + type.simpleString()
              + "; it must hold plain values.");
    }
    return type;
  }

  private List<String> nearest(String column, int n) {
    return Arrays.stream(schema.fieldNames())
        .sorted(
            Comparator.comparingInt((String c) -> distance(column.toLowerCase(), c.toLowerCase()))
                .thenComparing(Comparator.naturalOrder()))
        .limit(n)
        .toList();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
