package dev.assay.io;

import dev.assay.core.BadInputException;
import dev.assay.core.RunFailedException;
import dev.assay.core.Secrets;
import dev.assay.core.SourceEvidence;
import dev.assay.spec.DataFormat;
import dev.assay.spec.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Opens the data sets that are not plain files: a catalog table, a Delta table at one snapshot, a
 * database table or query over JDBC, and a Spark SQL query over the named inputs (each registered
 * as a temporary view under its name). Each records what it read in the {@link SourceLedger} for
 * the manifest. A missing table, an unknown view or a query that does not parse is exit 2 naming
 * the spec key; the JDBC password is read from the environment, remembered as a secret (so no
 * message or output can show it) and never stored.
 */
final class SourceReader {

  private SourceReader() {}

  /** Opens {@code source} (a kind other than plain files, or Delta files). */
  static Dataset<Row> open(
      SparkSession spark, DataSource source, UnaryOperator<Dataset<Row>> check) {
    switch (source.kind()) {
      case TABLE:
        return check.apply(table(spark, source));
      case JDBC:
        return check.apply(jdbc(spark, source));
      case QUERY:
        return check.apply(query(spark, source, check));
      default:
        return check.apply(delta(spark, source));
    }
  }

  private static Dataset<Row> table(SparkSession spark, DataSource source) {
    boolean exists;
    try {
      exists = spark.catalog().tableExists(source.table());
    } catch (Exception e) {
      throw new BadInputException(
          source.key()
              + ".table '"
              + source.table()
              + "' cannot be looked"
              + " up in the session's catalog: "
              + DatasetReader.firstLine(String.valueOf(e.getMessage()))
              + ". Check the name ([catalog.][database.]table).",
          e);
    }
    if (!exists) {
      throw new BadInputException(
          source.key()
              + ".table: no table '"
              + source.table()
              + "' in the"
              + " session's catalog (current database '"
              + spark.catalog().currentDatabase()
              + "'). Check"
              + " the name and the database, or the catalog settings given to spark-submit.");
    }
    if (source.format() == DataFormat.DELTA) {
      long version = DeltaSnapshot.resolve(spark, source);
      Dataset<Row> df = analysed(source, "table", () -> DeltaSnapshot.read(spark, source, version));
      record(spark, source, "delta", null, version, null);
      return df;
    }
    Dataset<Row> df =
        analysed(
            source, "table", () -> spark.read().options(source.options()).table(source.table()));
    record(spark, source, "table", null, null, null);
    return df;
  }

  private static Dataset<Row> delta(SparkSession spark, DataSource source) {
    long version;
    try {
      version = DeltaSnapshot.resolve(spark, source);
    } catch (BadInputException e) {
      throw e;
    } catch (Exception e) {
      throw new BadInputException(
          "cannot read "
              + source.key()
              + " ("
              + source.uri()
              + ") as a Delta"
              + " table: "
              + DatasetReader.firstLine(String.valueOf(e.getMessage()))
              + ". Is it a folder"
              + " with a _delta_log?",
          e);
    }
    Dataset<Row> df = analysed(source, "path", () -> DeltaSnapshot.read(spark, source, version));
    record(spark, source, "delta", source.uri(), version, null);
    return df;
  }

  private static Dataset<Row> jdbc(SparkSession spark, DataSource source) {
    DataFrameReader reader =
        spark.read().format("jdbc").options(source.options()).option("url", source.uri());
    if (source.table() != null) {
      reader = reader.option("dbtable", source.table());
    } else {
      reader = reader.option("query", source.query());
    }
    if (source.user() != null) {
      reader = reader.option("user", source.user());
    }
    if (source.passwordEnv() != null) {
      String password = System.getenv(source.passwordEnv());
      if (password == null) {
        throw new BadInputException(
            source.key()
                + ".password_env: the environment variable "
                + source.passwordEnv()
                + " is not set; export the database password in it.");
      }
      Secrets.remember(password);
      reader = reader.option("password", password);
    }
    try {
      Dataset<Row> df = reader.load();
      record(spark, source, "jdbc", source.uri(), null, source.query());
      return df;
    } catch (Exception e) {
      throw jdbcFailure(source, e);
    }
  }

  /**
   * A database's refusal (no such table, bad SQL, wrong password: SQL states 42 and 28, or no
   * driver for the URL) is exit 2 naming the key; an unreachable server is exit 3.
   */
  private static RuntimeException jdbcFailure(DataSource source, Exception e) {
    String what = source.key() + " (" + source.where() + ")";
    SQLException sql = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        sql = s;
        break;
      }
    }
    String reason =
        Secrets.scrub(
            DatasetReader.firstLine(String.valueOf((sql != null ? sql : e).getMessage())));
    if (sql != null
        && sql.getMessage() != null
        && sql.getMessage().contains("No suitable driver")) {
      return new BadInputException(
          "cannot read "
              + what
              + ": no JDBC driver for this URL on the"
              + " classpath; add the database's driver with spark-submit's --jars or --packages.",
          e);
    }
    String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
    if (state.startsWith("42")
        || state.startsWith("28")
        || state.startsWith("3D")
        || e instanceof AnalysisException) {
      return new BadInputException(
          "cannot read "
              + what
              + ": "
              + reason
              + ". Check "
              + source.key()
              + (source.table() != null ? ".table" : ".query")
              + ", the user and the"
              + " password in "
              + source.key()
              + ".password_env.",
          e);
    }
    return new RunFailedException("reading " + what + " failed: " + reason, e);
  }

  private static Dataset<Row> query(
      SparkSession spark, DataSource source, UnaryOperator<Dataset<Row>> check) {
    for (Map.Entry<String, DataSource> view : source.views().entrySet()) {
      DatasetReader.open(spark, view.getValue()).createOrReplaceTempView(view.getKey());
    }
    Dataset<Row> df = analysed(source, "query", () -> spark.sql(source.query()));
    record(spark, source, "query", null, null, source.query());
    return df;
  }

  /**
   * Builds the plan (no job runs): a parse error, an unknown table, view or column is exit 2 naming
   * {@code source.key() + "." + field}.
   */
  private static Dataset<Row> analysed(
      DataSource source, String field, java.util.function.Supplier<Dataset<Row>> plan) {
    try {
      return plan.get();
    } catch (Exception e) {
      if (e instanceof AnalysisException) {
        String more =
            field.equals("query")
                ? " The query reads the named data.inputs ("
                    + String.join(", ", source.views().keySet())
                    + ") as views."
                : "";
        throw new BadInputException(
            source.key()
                + "."
                + field
                + ": "
                + DatasetReader.firstLine(String.valueOf(e.getMessage())).strip()
                + "."
                + more,
            e);
      }
      throw e;
    }
  }

  private static void record(
      SparkSession spark,
      DataSource source,
      String kind,
      String location,
      Long version,
      String query) {
    List<String> inputs = new ArrayList<>(source.views().keySet());
    SourceLedger.record(
        spark,
        new SourceEvidence(
            source.key(),
            kind,
            location,
            source.table(),
            version,
            source.timestamp(),
            query,
            inputs));
  }
}
