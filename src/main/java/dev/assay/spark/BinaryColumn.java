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
 * smallest and largest non-positive value, so a column with a third value is reported by name
 * (for example "label 'outcome' has the values 'no', 'unknown' besides the positive 'yes'")
 * without an extra pass over the data.
 *
 * @param role what the column is for, in messages ({@code label} or {@code prediction})
 * @param name the column's name in the data
 * @param source where the data came from, in messages
 */
public record BinaryColumn(String role, String name, DataType type, String positive, String source)
    implements AggregateState<BinaryColumn.Values> {

  /** What the check saw: null count, positives, and the range of the other values (as text). */
  public record Values(long nulls, long positives, String otherMin, String otherMax) {
  }

  /**
   * Builds the normalised column for {@code name} of {@code type}.
   *
   * @throws BadInputException when the type cannot hold {@code positive}
   */
  public static BinaryColumn of(String role, String name, DataType type, String positive, String source) {
    if (type instanceof NumericType) {
      try {
        Double.parseDouble(positive);
      } catch (NumberFormatException e) {
        throw new BadInputException(source + ": column '" + name + "' (" + role + ") is numeric but"
            + " the positive value is '" + positive + "'. Set columns.positive to a number.");
      }
    } else if (!(type instanceof StringType) && !(type instanceof BooleanType)) {
      throw new BadInputException(source + ": column '" + name + "' (" + role + ") has type "
          + type.simpleString() + "; a " + role + " must be numeric, boolean or string.");
    }
    return new BinaryColumn(role, name, type, positive, source);
  }

  /** True where the value equals {@code positive}, false for any other value, null for null. */
  public Column isPositive() {
    Column c = functions.col(name);
    if (type instanceof NumericType) {
      return c.cast("double").equalTo(functions.lit(Double.parseDouble(positive)));
    }
    if (type instanceof BooleanType) {
      boolean p = positive.equalsIgnoreCase("true") || positive.equals("1");
      return c.equalTo(functions.lit(p));
    }
    return c.equalTo(functions.lit(positive));
  }

  /** 1 for positive, 0 for the other value, null for null. */
  public Column asInt() {
    return functions.when(isPositive(), 1).when(functions.col(name).isNotNull(), 0);
  }

  @Override
  public List<Column> aggregates() {
    Column other = functions.when(isPositive().equalTo(false), functions.col(name).cast("string"));
    return List.of(
        functions.count_if(functions.col(name).isNull()),
        functions.count_if(isPositive()),
        functions.min(other),
        functions.max(other));
  }

  @Override
  public Values read(Row row, int offset) {
    return new Values(row.getLong(offset), row.getLong(offset + 1),
        row.isNullAt(offset + 2) ? null : row.getString(offset + 2),
        row.isNullAt(offset + 3) ? null : row.getString(offset + 3));
  }

  /**
   * Checks the values seen over the whole data set.
   *
   * @throws BadInputException on nulls or on more than one non-positive value
   */
  public void check(Values v) {
    if (v.nulls() > 0) {
      throw new BadInputException(source + ": column '" + name + "' (" + role + ") is empty on "
          + v.nulls() + " rows. Drop or fill those rows before the audit.");
    }
    if (v.otherMin() != null && !v.otherMin().equals(v.otherMax())) {
      throw new BadInputException(source + ": column '" + name + "' (" + role + ") is not binary:"
          + " besides the positive value '" + positive + "' it holds '" + v.otherMin() + "' and '"
          + v.otherMax() + "'. Set columns.positive to the value that counts as positive, and map"
          + " the other values to one.");
    }
  }
}
