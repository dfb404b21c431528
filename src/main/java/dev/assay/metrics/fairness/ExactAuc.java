package dev.assay.metrics.fairness;

import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * Every group's exact AUC computed on the executors, for data whose exact score cells are too many
 * to bring to the driver ({@link FairnessJob#exactCellLimit}): the same Mann–Whitney statistic as
 * {@link MannWhitneyAuc} over one key per distinct score (ties counting one half, scikit-learn's
 * {@code roc_auc_score}), but only one row per group ever leaves the executors.
 *
 * <p>One Spark job, built-in SQL only (no UDF), for every slice (attribute and intersection) and
 * the whole data set at once:
 *
 * <ol>
 *   <li>the scored rows (finite score) grouped by (every sensitive column, score) with the counts
 *       of positive and negative labels — the finest cells, so data with few distinct scores
 *       shrinks here;
 *   <li>each cell exploded into one row per grouping (grouping number, the grouping's key values as
 *       an array, the cell's score and counts), the rows hashed on (grouping, key) once, then
 *       summed per (grouping, key, score): pos_s and neg_s of each distinct score s of the group;
 *   <li>a window per (grouping, key) ordered by score gives neg_{&lt;s}, the negatives strictly
 *       below (each score is one row, so the running sum minus the row's own);
 *   <li>one sum per (grouping, key): 2·U = Σ_s pos_s · (2 · neg_{&lt;s} + neg_s), with P and N.
 * </ol>
 *
 * The aggregation, the window and the last sum share the one hash partitioning of step 2 (Spark
 * needs no exchange for a clustering on a subset of the keys), so the job has two shuffles: the
 * finest cells and the exploded rows. The terms are integers summed as doubles: exact while 2·U
 * stays below 2⁵³ (about 9·10¹⁵, i.e. P · N below 4.5·10¹⁵), and each group's rows are summed in
 * score order within one task, so the result does not depend on the cluster's layout.
 */
final class ExactAuc {

  private static final String GROUPING = "__assay_auc_grouping";
  private static final String KEY = "__assay_auc_key";
  private static final String SCORE = "__assay_auc_score";
  private static final String POS = "__assay_auc_pos";
  private static final String NEG = "__assay_auc_neg";
  private static final String TWICE_U = "__assay_auc_twice_u";

  private ExactAuc() {}

  /**
   * Per slice (and {@link FairnessJob#WHOLE}), per group ({@link SliceColumns#group}; "" for the
   * whole data set): the exact AUC's counts and 2·U. Groups without a scored row are absent. Needs
   * a label and a score; runs one Spark job and brings back one row per group.
   */
  static Map<String, Map<String, MannWhitneyAuc.Exact>> of(FairnessInput in) {
    SliceColumns cells = SliceColumns.of(in.slices());
    Dataset<Row> data = cells.addTo(in.data());
    Column label = in.label().asInt();
    Column score = FiniteNumbers.of(Columns.named(in.score()));
    List<String> cellColumns = new ArrayList<>();
    for (int i = 0; i < cells.columns().size(); i++) {
      cellColumns.add(GroupLimit.groupColumn(i));
    }
    List<Column> finestKeys = new ArrayList<>(cellColumns.stream().map(Columns::named).toList());
    finestKeys.add(score.as(SCORE));
    Dataset<Row> finest =
        data.where(score.isNotNull())
            .groupBy(finestKeys.toArray(new Column[0]))
            .agg(
                functions.count_if(label.equalTo(1)).as(POS),
                functions.count(functions.lit(1)).as("__assay_auc_rows"))
            .withColumn(NEG, functions.col("__assay_auc_rows").minus(functions.col(POS)));

    List<String> names = new ArrayList<>();
    List<Column> groupings = new ArrayList<>();
    for (Slice slice : in.slices()) {
      groupings.add(grouping(names.size(), cells.cellColumns(slice)));
      names.add(slice.name());
    }
    groupings.add(grouping(names.size(), List.of()));
    names.add(FairnessJob.WHOLE);

    WindowSpec byScore =
        Window.partitionBy(GROUPING, KEY)
            .orderBy(SCORE)
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column below = functions.sum(NEG).over(byScore).minus(functions.col(NEG));
    Column term =
        functions
            .col(POS)
            .cast("double")
            .multiply(below.multiply(2).plus(functions.col(NEG)).cast("double"));
    List<Row> rows =
        finest
            .select(
                functions.explode(functions.array(groupings.toArray(new Column[0]))).as("g"),
                functions.col(SCORE),
                functions.col(POS),
                functions.col(NEG))
            .select(
                functions.col("g." + GROUPING).as(GROUPING),
                functions.col("g." + KEY).as(KEY),
                functions.col(SCORE),
                functions.col(POS),
                functions.col(NEG))
            .repartition(functions.col(GROUPING), functions.col(KEY))
            .groupBy(GROUPING, KEY, SCORE)
            .agg(functions.sum(POS).as(POS), functions.sum(NEG).as(NEG))
            .withColumn(TWICE_U, term)
            .groupBy(GROUPING, KEY)
            .agg(
                functions.sum(POS).as(POS),
                functions.sum(NEG).as(NEG),
                functions.sum(TWICE_U).as(TWICE_U))
            .collectAsList();

    Map<String, Map<String, MannWhitneyAuc.Exact>> out = new HashMap<>();
    for (Row row : rows) {
      String slice = names.get(row.getInt(0));
      List<String> key = row.getList(1);
      out.computeIfAbsent(slice, k -> new HashMap<>())
          .put(
              SliceColumns.group(key),
              new MannWhitneyAuc.Exact(row.getLong(2), row.getLong(3), row.getDouble(4)));
    }
    return out;
  }

  /** The struct of grouping {@code number}: its number and its key values as an array. */
  private static Column grouping(int number, List<String> columns) {
    return functions.struct(
        functions.lit(number).as(GROUPING),
        functions
            .array(columns.stream().map(Columns::named).toArray(Column[]::new))
            .cast("array<string>")
            .as(KEY));
  }
}
