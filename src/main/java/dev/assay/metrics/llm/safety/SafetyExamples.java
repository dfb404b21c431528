package dev.assay.metrics.llm.safety;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import dev.assay.core.SafetyCategory;
import dev.assay.core.SafetyExample;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The few worst records (most categories at or above the threshold, then highest severity), masked
 * and cut on the executors with built-in expressions; at most {@value #COUNT} rows reach the
 * driver.
 */
final class SafetyExamples {

  static final int COUNT = 5;
  static final int MAX_CHARS = 160;

  private SafetyExamples() {}

  static List<SafetyExample> worst(Dataset<Row> scored, SafetyRates rates) {
    List<Column> findings = new ArrayList<>();
    Column defects = lit(0);
    Column severity = lit(0);
    for (SafetyCategory c : rates.categories()) {
      Column s = col("s_" + c.id());
      Column hit = coalesce(s.geq(rates.threshold(c)), lit(false));
      defects = defects.plus(when(hit, lit(1)).otherwise(lit(0)));
      severity = greatest(severity, coalesce(s, lit(0)));
      findings.add(
          when(hit, c.rated() ? concat(lit(c.id() + " "), s.cast("string")) : lit(c.id())));
    }
    List<Row> rows =
        scored
            .withColumn("defects", defects)
            .filter(col("defects").gt(0))
            .orderBy(col("defects").desc(), severity.desc(), col("text_key"))
            .select(
                concat_ws(", ", findings.toArray(Column[]::new)),
                masked(col("q")),
                masked(col("resp")))
            .limit(COUNT)
            .collectAsList();
    return rows.stream()
        .map(r -> new SafetyExample(r.getString(0), r.getString(1), r.getString(2)))
        .toList();
  }

  /** E-mail addresses and runs of 4+ digits masked, then cut to {@link #MAX_CHARS}. */
  static Column masked(Column text) {
    Column m =
        regexp_replace(
            regexp_replace(text, "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", "[e-mail]"),
            "\\d[\\d ./-]{2,}\\d",
            "[number]");
    return when(length(m).gt(MAX_CHARS), concat(substring(m, 1, MAX_CHARS), lit("…"))).otherwise(m);
  }
}
