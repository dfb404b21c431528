package dev.assay.spark;

import dev.assay.core.BadInputException;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;

/**
 * A label or prediction column normalised to 1 (the {@code positive} value) or 0 (the one other
 * value), with a check that rides along in the same aggregation: it counts nulls and keeps the
 * smallest and largest 64-bit hash of the non-positive values, so a third value shows as two
 * different hashes without an extra pass over the data. Only when the check fails does a small
 * query fetch a few of the offending values to name them. (Hashes rather than the values
 * themselves: min/max over strings would force Spark off its fast hash aggregation.)
 *
 * @param role what the column is for, in messages ({@code label} or {@code prediction})
 * @param name the column's name in the data
 * @param source where the data came from, in messages
 */
public record BinaryColumn(String role, String name, DataType type, String positive, String source)
    implements AggregateState<BinaryColumn.Values> {

  /** What the check saw: null count, positives, and the range of the other values' hashes. */
  public record Values(long nulls, long positives, Long otherHashMin, Long otherHashMax) {}

  /**
   * Builds the normalised column for {@code name} of {@code type}.
   *
   * @throws BadInputException when the type cannot hold {@code positive}
   */
  public static BinaryColumn of(
      String role, String name, DataType type, String positive, String source) {
    if (type instanceof NumericType) {
      try {
        Double.parseDouble(positive);
      } catch (NumberFormatException e) {
        throw mismatch(
            role,
            name,
            source,
            "is numeric but the positive value is '"
                + positive
                + "'. Set columns.positive to a number.");
      }
    } else if (type instanceof BooleanType) {
      if (!List.of("true", "false", "1", "0")
          .contains(positive.toLowerCase(java.util.Locale.ROOT))) {
        throw mismatch(
            role,
            name,
            source,
            "is boolean but the positive value is '"
                + positive
                + "'. Set columns.positive to true or false.");
      }
    } else if (!(type instanceof StringType)) {
      throw mismatch(
          role,
          name,
          source,
          "has type "
              + type.simpleString()
              + "; a "
              + role
              + " must be numeric, boolean or string.");
    }
    return new BinaryColumn(role, name, type, positive, source);
  }

  private static BadInputException mismatch(
      String role, String name, String source, String problem) {
    return new BadInputException(source + ": column '" + name + "' (" + role + ") " + problem);
  }

  /** True where the value equals {@code positive}, false for any other value, null for null. */
  public Column isPositive() {
    Column c = value();
    if (type instanceof NumericType) {
      return c.equalTo(functions.lit(Double.parseDouble(positive)));
    }
    if (type instanceof BooleanType) {
      boolean p = positive.equalsIgnoreCase("true") || positive.equals("1");
      return c.equalTo(functions.lit(p));
    }
    return c.equalTo(functions.lit(positive));
  }

  /**
   * The column's values; for a numeric column as doubles with NaN and ±Infinity as null ({@link
   * FiniteNumbers}: non-finite values count as missing).
   */
  public Column value() {
    Column c = Columns.named(name);
    return type instanceof NumericType ? FiniteNumbers.of(c) : c;
  }

  /** 1 for positive, 0 for the other value, null for null (and NaN or ±Infinity). */
  public Column asInt() {
    return functions.when(isPositive(), 1).when(value().isNotNull(), 0);
  }

  @Override
  public List<Column> aggregates() {
    Column other = functions.when(isPositive().equalTo(false), functions.xxhash64(value()));
    return List.of(
        functions.count_if(value().isNull()),
        functions.count_if(isPositive()),
        functions.min(other),
        functions.max(other));
  }

  @Override
  public Values read(Row row, int offset) {
    return new Values(
        row.getLong(offset),
        row.getLong(offset + 1),
        row.isNullAt(offset + 2) ? null : row.getLong(offset + 2),
        row.isNullAt(offset + 3) ? null : row.getLong(offset + 3));
  }

  @Override
  public Values merge(Values a, Values b) {
    return new Values(
        a.nulls() + b.nulls(),
        a.positives() + b.positives(),
        minOf(a.otherHashMin(), b.otherHashMin()),
        maxOf(a.otherHashMax(), b.otherHashMax()));
  }

  private static Long minOf(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
  }

  private static Long maxOf(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
  }

  /**
   * Checks the values seen over the whole data set; on failure, names a few offending values read
   * from {@code data} (a small query on the error path only).
   *
   * @throws BadInputException on nulls or on more than one non-positive value
   */
  public void check(Values v, org.apache.spark.sql.Dataset<Row> data) {
    if (v.nulls() > 0) {
      throw mismatch(
          role,
          name,
          source,
          "is empty on "
              + v.nulls()
              + " rows"
              + (type instanceof NumericType ? " (null, NaN or ±Infinity)" : "")
              + ". Drop or fill those rows before the audit.");
    }
    if (v.otherHashMin() != null && !v.otherHashMin().equals(v.otherHashMax())) {
      List<String> values =
          data
              .where(isPositive().equalTo(false))
              .select(Columns.named(name).cast("string"))
              .distinct()
              .orderBy(Columns.named(name).cast("string"))
              .limit(5)
              .collectAsList()
              .stream()
              .map(r -> "'" + r.getString(0) + "'")
              .toList();
      throw mismatch(
          role,
          name,
          source,
          "is not binary:"
              + " besides the positive value '"
              + positive
              + "' it holds "
              + String.join(" and ", values)
              + (values.size() == 5 ? " (and maybe more)" : "")
              + ". Set columns.positive to the value"
              + " that counts as positive, and map the other values to one.");
    }
  }
}
