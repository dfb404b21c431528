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
 *   <li>the scored rows (finite score) grouped by (every sensitive column, score) with the count of
 *       positive labels and of rows — the finest cells, so data with few distinct scores shrinks
 *       here;
 *   <li>each cell exploded into one row per grouping: the grouping's number and every sensitive
 *       column, its value where the grouping uses it and null elsewhere (as {@code GROUPING SETS}
 *       does), then summed per (grouping, key columns, score), with a map-side partial aggregation:
 *       pos_s and neg_s of each distinct score s of the group;
 *   <li>a window per (grouping, key columns) ordered by score gives neg_{&lt;s}, the negatives
 *       strictly below (each score is one row, so the running sum minus the row's own);
 *   <li>one sum per (grouping, key columns): 2·U = Σ_s pos_s · (2 · neg_{&lt;s} + neg_s), with P
 *       and N; on the driver AUC = 2·U ÷ (2·P·N), the same rational rounded once as {@link
 *       MannWhitneyAuc}'s U ÷ (P·N).
 * </ol>
 *
 * Three shuffles (the finest cells, the per-score sums, the window's partitioning; the last sum
 * reuses the window's). The key columns hold the values themselves, not an array or a joined
 * string: measured 25–30 % less executor CPU than an {@code array<string>} key hashed once
 * (docs/fairness.md). The terms are integers summed as doubles: exact while 2·U stays below 2⁵³
 * (about 9·10¹⁵, i.e. P · N below 4.5·10¹⁵), and each group's rows are summed in score order within
 * one task, so the result does not depend on the cluster's layout.
 */
final class ExactAuc {

  private static final String GROUPING = "__assay_auc_grouping";
  private static final String KEY = "__assay_auc_key";
  private static final String SCORE = "__assay_auc_score";
  private static final String POS = "__assay_auc_pos";
  private static final String NEG = "__assay_auc_neg";
  private static final String ROWS = "__assay_auc_rows";
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
                functions.count(functions.lit(1)).as(ROWS));

    List<String> names = new ArrayList<>();
    List<List<Integer>> positions = new ArrayList<>();
    List<Column> groupings = new ArrayList<>();
    for (Slice slice : in.slices()) {
      List<String> used = cells.cellColumns(slice);
      groupings.add(grouping(names.size(), cellColumns, used));
      names.add(slice.name());
      positions.add(used.stream().map(cellColumns::indexOf).toList());
    }
    groupings.add(grouping(names.size(), cellColumns, List.of()));
    names.add(FairnessJob.WHOLE);
    positions.add(List.of());

    List<Column> keys = new ArrayList<>(List.of(Columns.named(GROUPING)));
    for (int i = 0; i < cellColumns.size(); i++) {
      keys.add(Columns.named(key(i)));
    }
    List<Column> keysAndScore = new ArrayList<>(keys);
    keysAndScore.add(Columns.named(SCORE));
    WindowSpec byScore =
        Window.partitionBy(keys.toArray(new Column[0]))
            .orderBy(SCORE)
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column neg = Columns.named(ROWS).minus(Columns.named(POS));
    Column below = functions.sum(neg).over(byScore).minus(neg);
    Column term =
        Columns.named(POS).cast("double").multiply(below.multiply(2).plus(neg).cast("double"));
    List<Row> rows =
        finest
            .select(
                functions.explode(functions.array(groupings.toArray(new Column[0]))).as("g"),
                Columns.named(SCORE),
                Columns.named(POS),
                Columns.named(ROWS))
            .select(
                functions.col("g.*"), Columns.named(SCORE), Columns.named(POS), Columns.named(ROWS))
            .groupBy(keysAndScore.toArray(new Column[0]))
            .agg(functions.sum(POS).as(POS), functions.sum(ROWS).as(ROWS))
            .withColumn(TWICE_U, term)
            .groupBy(keys.toArray(new Column[0]))
            .agg(
                functions.sum(POS).as(POS),
                functions.sum(neg).as(NEG),
                functions.sum(TWICE_U).as(TWICE_U))
            .collectAsList();

    int width = cellColumns.size();
    Map<String, Map<String, MannWhitneyAuc.Exact>> out = new HashMap<>();
    for (Row row : rows) {
      int grouping = row.getInt(0);
      String slice = names.get(grouping);
      // The slice's values in its own column order (an intersection may name them in another).
      List<String> key = positions.get(grouping).stream().map(i -> row.getString(1 + i)).toList();
      out.computeIfAbsent(slice, k -> new HashMap<>())
          .put(
              SliceColumns.group(key),
              new MannWhitneyAuc.Exact(
                  row.getLong(width + 1), row.getLong(width + 2), row.getDouble(width + 3)));
    }
    return out;
  }

  /** The key column of the {@code i}-th cell column in the exploded rows. */
  private static String key(int i) {
    return KEY + "_" + i;
  }

  /**
   * The struct of grouping {@code number}: its number, then each cell column's value where the
   * grouping uses it and null elsewhere (a cell column is never null: a missing value is its own
   * group), so the key columns identify the group without building a key per row.
   */
  private static Column grouping(int number, List<String> cellColumns, List<String> used) {
    List<Column> fields = new ArrayList<>();
    fields.add(functions.lit(number).as(GROUPING));
    for (int i = 0; i < cellColumns.size(); i++) {
      String c = cellColumns.get(i);
      fields.add(
          (used.contains(c) ? Columns.named(c) : functions.lit(null).cast("string")).as(key(i)));
    }
    return functions.struct(fields.toArray(new Column[0]));
  }
}
