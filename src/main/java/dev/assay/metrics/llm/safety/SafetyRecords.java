package dev.assay.metrics.llm.safety;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.assay.core.SafetyCategory;
import dev.assay.metrics.llm.LlmInput;
import dev.assay.metrics.llm.LlmRecords;
import dev.assay.spark.Columns;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The per-record safety columns of {@code --records}: one {@code assay_safety_<category>} per
 * category, the severity 0–7 of a harm category (integer) or whether a detection fired (boolean).
 *
 * <p>The values are the cache's verdicts joined back by the same SHA-256 keys the classifiers used
 * ({@link SafetyAnalysis#keys}), with built-in expressions only: a left join on the response's key
 * for the response categories and on the prompt-with-contexts' key for the shield categories. Null
 * when safety did not run, the category was not evaluated, the record has no response, or the text
 * has no verdict yet (failed, or left out by {@code max_requests}).
 */
public final class SafetyRecords implements LlmRecords.MoreColumns {

  private static final String PREFIX = "assay_safety_";

  private final LlmInput input;
  private final SafetyRun run;

  private SafetyRecords(LlmInput input, SafetyRun run) {
    this.input = input;
    this.run = run;
  }

  /** The columns of a run with safety: its verdicts joined back to the records. */
  public static SafetyRecords of(LlmInput input, SafetyRun run) {
    return new SafetyRecords(input, run);
  }

  /** The columns of a run without safety: present, and null in every record. */
  public static SafetyRecords absent(LlmInput input) {
    return new SafetyRecords(input, null);
  }

  /** The column name of a category. */
  public static String column(SafetyCategory c) {
    return PREFIX + c.id();
  }

  @Override
  public List<String> names() {
    return Arrays.stream(SafetyCategory.values()).map(SafetyRecords::column).toList();
  }

  @Override
  public Dataset<Row> addTo(Dataset<Row> records) {
    if (run == null) {
      Dataset<Row> out = records;
      for (SafetyCategory c : SafetyCategory.values()) {
        out = out.withColumn(column(c), lit(null).cast(type(c)));
      }
      return out;
    }
    Set<SafetyCategory> categories = SafetyAnalysis.applicable(input, run.options().categories());
    SafetyBackend backend = SafetyAnalysis.backend(run.options(), categories, run.key());
    Column[] keys = SafetyAnalysis.keys(input, backend, categories);
    Column answered = Columns.named(input.response()).isNotNull();
    Dataset<Row> keyed =
        records
            .withColumn("__assay_text_key", when(answered, keys[0]))
            .withColumn("__assay_shield_key", when(answered, keys[1]));
    Dataset<Row> verdicts =
        SafetyCache.verdictsOrNone(records.sparkSession(), run.options().cache());
    Dataset<Row> text = verdicts.toDF(prefixed(verdicts, "__assay_t_"));
    Dataset<Row> shield = verdicts.toDF(prefixed(verdicts, "__assay_p_"));
    Dataset<Row> joined =
        keyed
            .join(text, col("__assay_text_key").equalTo(col("__assay_t_v_key")), "left")
            .join(shield, col("__assay_shield_key").equalTo(col("__assay_p_v_key")), "left");
    List<Column> out = new java.util.ArrayList<>();
    for (String name : records.columns()) {
      out.add(Columns.named(name));
    }
    for (SafetyCategory c : SafetyCategory.values()) {
      out.add(value(c, categories.contains(c)).as(column(c)));
    }
    return joined.select(out.toArray(Column[]::new));
  }

  private static Column value(SafetyCategory c, boolean evaluated) {
    if (!evaluated) {
      return lit(null).cast(type(c));
    }
    String from = (c.unit() == SafetyCategory.Unit.RESPONSE ? "__assay_t_v_" : "__assay_p_v_");
    Column v = Columns.named(from + c.id());
    return c.rated() ? v.cast(DataTypes.IntegerType) : v.geq(1);
  }

  private static DataType type(SafetyCategory c) {
    return c.rated() ? DataTypes.IntegerType : DataTypes.BooleanType;
  }

  private static String[] prefixed(Dataset<Row> d, String prefix) {
    return Arrays.stream(d.columns()).map(n -> prefix + n).toArray(String[]::new);
  }
}
