package dev.assay.metrics.drift;

import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.spark.SchemaCheck;
import dev.assay.spec.AuditSpec;
import dev.assay.spec.ColumnRoles;
import dev.assay.spec.DriftOptions;
import dev.assay.spec.ResolvedSpec;
import dev.assay.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;

/**
 * Decides whether the drift family applies (it needs {@code data.reference}) and, when it does,
 * picks the columns to compare and checks them on both sides before any Spark job: the features
 * ({@code columns.features}, by default every column of the current data with no other role), then
 * the label and prediction (categorical) and the score. Numeric columns are compared as numbers,
 * string and boolean ones as categories.
 */
public final class DriftPlan {

  private DriftPlan() {}

  /** The family's outcome line when it cannot run, or null when it can. */
  public static FamilyOutcome notApplicable(ResolvedSpec spec) {
    return spec.reference() == null
        ? FamilyOutcome.notApplicable(
            Family.DRIFT, "no reference data set: add data.reference to compare distributions")
        : null;
  }

  /** Checks the columns on both sides and builds the input. */
  public static DriftInput input(Dataset<Row> reference, Dataset<Row> current, ResolvedSpec spec) {
    YamlDocument doc = spec.document();
    String refSource = "data.reference (" + spec.reference().where() + ")";
    String curSource = "data.current (" + spec.current().where() + ")";
    SchemaCheck refCheck = new SchemaCheck(reference.schema(), refSource);
    SchemaCheck curCheck = new SchemaCheck(current.schema(), curSource);
    ColumnRoles roles = spec.columns();
    List<DriftColumn> columns = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> taken = new LinkedHashSet<>();

    if (!roles.features().isEmpty()) {
      for (int i = 0; i < roles.features().size(); i++) {
        String name = roles.features().get(i);
        String at = doc.at("columns", "features", i);
        DataType cur = curCheck.require(name, "drift feature", at);
        DataType ref = refCheck.require(name, "drift feature", at);
        DriftColumn.Kind kind = kind(name, cur, ref, at, refSource, curSource);
        if (kind == null) {
          throw new BadInputException(
              at
                  + ": column '"
                  + name
                  + "' (drift feature) has type "
                  + cur.simpleString()
                  + "; drift compares numbers, strings, booleans and embeddings"
                  + " (array<float|double> or vector). Remove it from"
                  + " columns.features, or cast it when you write the data.");
        }
        if (taken.add(name)) {
          columns.add(feature(name, cur, kind));
        }
      }
    } else {
      Set<String> roleColumns = roleColumns(spec);
      List<String> skipped = new ArrayList<>();
      for (String name : current.schema().fieldNames()) {
        if (roleColumns.contains(name)) {
          continue;
        }
        String at = doc.at("columns");
        DataType cur = curCheck.require(name, "drift feature", at);
        if (!List.of(reference.schema().fieldNames()).contains(name)) {
          throw new BadInputException(
              at
                  + ": column '"
                  + name
                  + "' of "
                  + curSource
                  + " is a drift"
                  + " feature by default (it has no other role) but is not in "
                  + refSource
                  + ". Add it"
                  + " to the reference, or list the features to compare in columns.features.");
        }
        DriftColumn.Kind kind =
            kind(name, cur, reference.schema().apply(name).dataType(), at, refSource, curSource);
        if (kind == null) {
          skipped.add(name + " (" + cur.simpleString() + ")");
        } else {
          taken.add(name);
          columns.add(feature(name, cur, kind));
        }
      }
      if (!skipped.isEmpty()) {
        notes.add(
            "drift: columns of other types are not compared: "
                + String.join(", ", skipped)
                + ". Drift compares numbers, strings, booleans and embeddings"
                + " (array<float|double> or vector).");
      }
    }
    List<RoleColumn> roleColumns =
        List.of(
            new RoleColumn(roles.label(), "label", DriftColumn.Kind.CATEGORICAL),
            new RoleColumn(roles.prediction(), "prediction", DriftColumn.Kind.CATEGORICAL),
            new RoleColumn(roles.score(), "score", DriftColumn.Kind.NUMERIC));
    for (RoleColumn role : roleColumns) {
      addRole(columns, taken, notes, role, doc, reference, curCheck, refSource);
    }
    columns = ColumnTypes.apply(columns, spec.drift().columnTypes(), current.schema(), doc);
    checkTests(spec.drift(), columns, doc);
    for (int i = 0; i < spec.drift().segmentBy().size(); i++) {
      String name = spec.drift().segmentBy().get(i);
      String at = doc.at("drift", "segment_by", i);
      curCheck.require(name, "drift segment attribute", at);
      refCheck.require(name, "drift segment attribute", at);
    }
    return new DriftInput(reference, current, columns, spec.drift(), notes);
  }

  /** A model column drift also compares: its name (null when absent), role and kind. */
  private record RoleColumn(String name, String role, DriftColumn.Kind kind) {}

  private static void addRole(
      List<DriftColumn> columns,
      Set<String> taken,
      List<String> notes,
      RoleColumn column,
      YamlDocument doc,
      Dataset<Row> reference,
      SchemaCheck curCheck,
      String refSource) {
    String name = column.name();
    String role = column.role();
    DriftColumn.Kind kind = column.kind();
    if (name == null || taken.contains(name)) {
      return;
    }
    DataType cur = curCheck.require(name, role, doc.at("columns", role));
    if (!List.of(reference.schema().fieldNames()).contains(name)) {
      notes.add(
          "drift: the "
              + role
              + " column '"
              + name
              + "' is not in "
              + refSource
              + ", so "
              + role
              + " drift is not measured.");
      return;
    }
    DataType ref = reference.schema().apply(name).dataType();
    if (kind == DriftColumn.Kind.NUMERIC) {
      if (!(cur instanceof NumericType) || !(ref instanceof NumericType)) {
        throw new BadInputException(
            doc.at("columns", role)
                + ": "
                + role
                + " column '"
                + name
                + "' must be numeric on both sides for drift; it is "
                + cur.simpleString()
                + " in data.current and "
                + ref.simpleString()
                + " in data.reference.");
      }
    }
    taken.add(name);
    columns.add(new DriftColumn(name, role, kind));
  }

  /**
   * A feature column with the kind its type gives; a string feature may still turn out to be text
   * ({@link ColumnKinds}).
   */
  private static DriftColumn feature(String name, DataType type, DriftColumn.Kind kind) {
    String why = type.simpleString() + " column";
    return new DriftColumn(
        name, "feature", kind, why, kind == DriftColumn.Kind.CATEGORICAL && isString(type));
  }

  static boolean isString(DataType type) {
    return type instanceof StringType;
  }

  /**
   * NUMERIC, CATEGORICAL or EMBEDDING when both sides agree; null for a type drift cannot compare.
   */
  private static DriftColumn.Kind kind(
      String name, DataType cur, DataType ref, String at, String refSource, String curSource) {
    DriftColumn.Kind c = kindOf(cur);
    DriftColumn.Kind r = kindOf(ref);
    if (c != r) {
      throw new BadInputException(
          at
              + ": column '"
              + name
              + "' has type "
              + cur.simpleString()
              + " in "
              + curSource
              + " but "
              + ref.simpleString()
              + " in "
              + refSource
              + "; drift needs"
              + " the same kind of values on both sides (numbers, strings/booleans, or"
              + " embeddings). Cast one side"
              + " when you write the data.");
    }
    return c;
  }

  static DriftColumn.Kind kindOf(DataType type) {
    if (type instanceof NumericType) {
      return DriftColumn.Kind.NUMERIC;
    }
    if (isEmbedding(type)) {
      return DriftColumn.Kind.EMBEDDING;
    }
    if (type instanceof StringType || type instanceof BooleanType) {
      return DriftColumn.Kind.CATEGORICAL;
    }
    return null;
  }

  /** An {@code array<float>}, {@code array<double>} or MLlib vector column. */
  static boolean isEmbedding(DataType type) {
    if (type instanceof ArrayType a) {
      return a.elementType() instanceof DoubleType || a.elementType() instanceof FloatType;
    }
    return type instanceof VectorUDT;
  }

  /** Columns with a role other than feature: never drift features by default. */
  private static Set<String> roleColumns(ResolvedSpec spec) {
    ColumnRoles roles = spec.columns();
    Set<String> out = new LinkedHashSet<>();
    Stream.of(roles.label(), roles.prediction(), roles.score())
        .filter(Objects::nonNull)
        .forEach(out::add);
    out.addAll(roles.sensitive());
    roles.intersections().forEach(out::addAll);
    AuditSpec.Columns c = spec.raw().columns();
    if (c != null) {
      Stream.of(
              c.member(),
              c.prompt(),
              c.response(),
              c.referenceAnswer(),
              c.contexts(),
              c.retrievedIds(),
              c.relevantIds(),
              c.latencyMs(),
              c.promptTokens(),
              c.completionTokens(),
              c.variant())
          .filter(Objects::nonNull)
          .forEach(out::add);
    }
    return out;
  }

  private static void checkTests(
      DriftOptions options, List<DriftColumn> columns, YamlDocument doc) {
    for (Map.Entry<String, DriftOptions.Test> e : options.tests().entrySet()) {
      DriftColumn column =
          columns.stream()
              .filter(c -> c.name().equals(e.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new BadInputException(
                          doc.at("drift", "tests", e.getKey())
                              + ": drift.tests"
                              + " names column '"
                              + e.getKey()
                              + "', which is not a drift column here; drift columns: "
                              + columns.stream().map(DriftColumn::name).toList()
                              + "."));
      DriftOptions.Method m = e.getValue().method();
      boolean numericOnly = m == DriftOptions.Method.KS || m == DriftOptions.Method.WASSERSTEIN;
      boolean categoricalOnly = m == DriftOptions.Method.CHI2;
      boolean embeddingOnly = m.embedding();
      DriftColumn.Kind kind = column.kind();
      if ((numericOnly && kind != DriftColumn.Kind.NUMERIC)
          || (categoricalOnly && kind != DriftColumn.Kind.CATEGORICAL)
          || (embeddingOnly != (kind == DriftColumn.Kind.EMBEDDING))
          || ((m == DriftOptions.Method.TEXT_CLASSIFIER) != (kind == DriftColumn.Kind.TEXT))) {
        throw new BadInputException(
            doc.at("drift", "tests", e.getKey(), "method")
                + ": method '"
                + m.id()
                + "' does not fit the "
                + column.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " column '"
                + e.getKey()
                + "'; ks and wasserstein are for numbers, chi2 for"
                + " categories, psi, jensen_shannon, hellinger and total_variation for both,"
                + " mmd, embedding_classifier and drifted_components for embeddings,"
                + " text_classifier for text.");
      }
    }
  }
}
