package dev.assay.metrics.drift;

import dev.assay.core.BadInputException;
import dev.assay.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * {@code drift.column_types}: kinds set by hand, checked against the columns' types before any
 * Spark job. {@code numeric} needs numbers; {@code categorical} numbers, strings or booleans
 * (numbers are then compared as categories); {@code text} strings; {@code embedding} an {@code
 * array<float|double>} or an MLlib vector. A name that is not a drift column, or a kind that does
 * not fit the type, is exit 2 naming the spec line.
 */
final class ColumnTypes {

  private ColumnTypes() {}

  /** The columns with the spec's kinds applied. */
  static List<DriftColumn> apply(
      List<DriftColumn> columns, Map<String, String> types, StructType schema, YamlDocument doc) {
    for (String name : types.keySet()) {
      if (columns.stream().noneMatch(c -> c.name().equals(name))) {
        throw new BadInputException(
            doc.at("drift", "column_types", name)
                + ": drift.column_types names column '"
                + name
                + "', which is not a drift column here; drift columns: "
                + columns.stream().map(DriftColumn::name).toList()
                + ".");
      }
    }
    List<DriftColumn> out = new ArrayList<>();
    for (DriftColumn c : columns) {
      String type = types.get(c.name());
      if (type == null) {
        out.add(c);
        continue;
      }
      DataType data = schema.apply(c.name()).dataType();
      DriftColumn.Kind kind = DriftColumn.Kind.valueOf(type.toUpperCase(Locale.ROOT));
      if (!fits(kind, data)) {
        throw new BadInputException(
            doc.at("drift", "column_types", c.name())
                + ": column '"
                + c.name()
                + "' has type "
                + data.simpleString()
                + ", which cannot be compared as "
                + type
                + " (numeric needs numbers; categorical numbers, strings or booleans; text"
                + " strings; embedding array<float|double> or vector). Change its kind in"
                + " drift.column_types, or remove the entry.");
      }
      out.add(
          new DriftColumn(
              c.name(),
              c.role(),
              kind,
              data.simpleString() + " column, " + type + " as set in drift.column_types",
              false));
    }
    return out;
  }

  private static boolean fits(DriftColumn.Kind kind, DataType data) {
    switch (kind) {
      case NUMERIC:
        return data instanceof NumericType;
      case CATEGORICAL:
        return data instanceof NumericType
            || DriftPlan.isString(data)
            || data instanceof BooleanType;
      case TEXT:
        return DriftPlan.isString(data);
      default:
        return DriftPlan.isEmbedding(data);
    }
  }
}
