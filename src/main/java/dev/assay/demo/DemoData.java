package dev.assay.demo;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import dev.assay.core.BadInputException;
import dev.assay.spark.Columns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code assay demo-data DIR}: writes the demo lending data, {@code DIR/current.parquet} and {@code
 * DIR/reference.parquet}, each one plain Parquet file of {@code rows} applicants. The injected bias
 * (Black applicants' scores lowered by {@value LendingApplicants#BIAS_LOGIT_PENALTY} on the logit
 * scale, see {@link LendingApplicants}) makes the EEOC four-fifths rule fail on race and pass on
 * sex; the injected drift ({@link Cohort}) lowers the reference's income by 20 % and changes its
 * employment mix. The same {@code rows} and {@code seed} give the same rows, in the same order, on
 * any number of partitions or executors. Defaults: {@value #DEFAULT_ROWS} rows, seed {@value
 * #DEFAULT_SEED}.
 */
public final class DemoData {

  /** The number of rows of each file when {@code --rows} is not given. */
  public static final long DEFAULT_ROWS = 200_000;

  /** The seed when {@code --seed} is not given. */
  public static final long DEFAULT_SEED = 42;

  /** The sensitive attributes the summary reports rates for, in the demo spec's order. */
  public static final List<String> SENSITIVE = List.of("sex", "race", "age_band");

  private DemoData() {}

  /**
   * Generates both files into {@code dir} (created if missing; existing demo files are replaced)
   * and returns what was written with the current data's approval rates.
   *
   * @throws BadInputException when {@code rows} is below 1 or {@code dir} cannot be created
   * @throws dev.assay.core.RunFailedException when Spark or the file system fails while writing
   */
  public static DemoSummary generate(SparkSession spark, Path dir, long rows, long seed) {
    if (rows < 1) {
      throw new BadInputException("--rows must be at least 1, got " + rows);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BadInputException(
          "cannot create the demo data folder " + dir + ": " + e + "; give a writable folder");
    }
    Path current = dir.resolve(Cohort.CURRENT.fileName());
    Path reference = dir.resolve(Cohort.REFERENCE.fileName());
    // Disjoint ids, so the two cohorts draw independent rows from the same seed.
    SingleParquetFile.write(
        LendingApplicants.of(spark.range(0, rows), seed, Cohort.CURRENT), current);
    SingleParquetFile.write(
        LendingApplicants.of(spark.range(rows, 2 * rows), seed, Cohort.REFERENCE), reference);
    Dataset<Row> written = spark.read().parquet(current.toAbsolutePath().toUri().toString());
    return new DemoSummary(current, reference, rows, seed, approvalRates(written));
  }

  /** Approval rate per group of each {@link #SENSITIVE} attribute, in one aggregation. */
  static List<GroupApprovalRate> approvalRates(Dataset<Row> applicants) {
    List<Column> pairs = new ArrayList<>();
    for (String attribute : SENSITIVE) {
      pairs.add(struct(lit(attribute).as("attribute"), Columns.named(attribute).as("grp")));
    }
    List<Row> rows =
        applicants
            .select(explode(array(pairs.toArray(Column[]::new))).as("g"), col("approved"))
            .groupBy(col("g.attribute"), col("g.grp"))
            .agg(count(lit(1)).as("n"), avg(col("approved")).as("rate"))
            .orderBy("attribute", "grp")
            .collectAsList();
    List<GroupApprovalRate> rates = new ArrayList<>();
    for (Row r : rows) {
      rates.add(
          new GroupApprovalRate(r.getString(0), r.getString(1), r.getLong(2), r.getDouble(3)));
    }
    return rates;
  }
}
