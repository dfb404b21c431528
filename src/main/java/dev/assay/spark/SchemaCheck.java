package dev.assay.spark;

import dev.assay.core.BadInputException;
import dev.assay.core.EditDistance;
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
          subject(specLocation, column, role)
              + " appears "
              + copies.size()
              + " times in the header of "
              + dataSource
              + "; Spark renamed the copies to "
              + String.join(", ", copies)
              + ". Name one of those in the spec.");
    }
    throw new BadInputException(
        subject(specLocation, column, role)
            + " is not in "
            + dataSource
            + ". Nearest columns: "
            + String.join(", ", nearest(column, 3))
            + ". Fix the name in the spec.");
  }

  /** Like {@link #require}, and the column must be numeric. */
  public DataType requireNumeric(String column, String role, String specLocation) {
    DataType type = require(column, role, specLocation);
    if (!(type instanceof NumericType)) {
      String hint =
          type.typeName().equals("string")
              ? " (a column read as string holds text in some row, or no value in any row)"
              : "";
      throw wrongType(
          column,
          role,
          specLocation,
          type,
          "it must be numeric. For CSV, keep the default option inferSchema: \"true\", or cast"
              + " the column when you write the data"
              + hint
              + ".");
    }
    return type;
  }

  /** Like {@link #require}, and the column must be a plain value (not an array, map or struct). */
  public DataType requireAtomic(String column, String role, String specLocation) {
    DataType type = require(column, role, specLocation);
    String name = type.typeName();
    if (name.equals("array") || name.equals("map") || name.equals("struct")) {
      throw wrongType(column, role, specLocation, type, "it must hold plain values.");
    }
    return type;
  }

  /** Like {@link #require}, and the column must be a date or a timestamp. */
  public DataType requireTemporal(String column, String role, String specLocation) {
    DataType type = require(column, role, specLocation);
    String name = type.typeName();
    if (!name.equals("date") && !name.startsWith("timestamp")) {
      throw wrongType(
          column,
          role,
          specLocation,
          type,
          "it must be a date or a timestamp. For CSV, set the reader option timestampFormat (or"
              + " cast the column when you write the data), or name another column in"
              + " columns.timestamp.");
    }
    return type;
  }

  private BadInputException wrongType(
      String column, String role, String specLocation, DataType type, String rule) {
    return new BadInputException(
        String.format(
            "%s: column '%s' (%s) in %s has type %s; %s",
            specLocation, column, role, dataSource, type.simpleString(), rule));
  }

  /** "spec.yaml:12: column 'x' (label)", how every message starts. */
  private static String subject(String specLocation, String column, String role) {
    return specLocation + ": column '" + column + "' (" + role + ")";
  }

  private List<String> nearest(String column, int n) {
    return Arrays.stream(schema.fieldNames())
        .sorted(
            Comparator.comparingInt(
                    (String c) -> EditDistance.between(column.toLowerCase(), c.toLowerCase()))
                .thenComparing(Comparator.naturalOrder()))
        .limit(n)
        .toList();
  }
}
