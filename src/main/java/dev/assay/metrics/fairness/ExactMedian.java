package dev.assay.metrics.fairness;

import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The LL 144 scoring rate's sample median and every group's rows strictly above it, exact, for data
 * whose exact score cells are too many for the driver (the family then has binned keys): the binned
 * histogram of the whole data set brackets the median (the 1e-3 keys holding its two middle rows,
 * and the rows below them), and one Spark job fetches only the rows inside that bracket, as counts
 * per (every sensitive column, score). On the driver:
 *
 * <pre>
 *   ranks of the two middle rows: ⌈n/2⌉ and ⌊n/2⌋ + 1 (the same row for odd n)
 *   s_low, s_high = the scores at those ranks = the bracket's scores in order, counted on from
 *                   the rows below the bracket
 *   above(g)      = rows of g in keys above the bracket + rows of g in the bracket with score &gt; s_low
 * </pre>
 *
 * — the definition the exact keys use ({@link ScoringRate.Median#isAbove}: the two middle rows are
 * neighbours in rank, so a score is above their mean exactly when it is above s_low). The keys are
 * a monotone map of the score (floor(10³ s + 10⁻⁹), {@link ScoreKey#BINNED}), so every row of a key
 * above the bracket scores above every row inside it. Built-in SQL only, one row per (cell, score)
 * inside the bracket collected, at most {@link FairnessJob#EXACT_MAX_CELLS} + 1 of them: with more
 * (scores piled up in one key) the median is left to the binned keys and their printed bound.
 */
final class ExactMedian {

  private static final String SCORE = "__assay_median_score";
  private static final String ROWS = "__assay_median_rows";

  /**
   * The exact median and the rows above it.
   *
   * @param low the score of the lower middle row
   * @param high the score of the upper middle row (equal to {@code low} for an odd count)
   * @param above per slice (and {@link FairnessJob#WHOLE}), per group: its scored rows strictly
   *     above the median
   */
  record Result(double low, double high, Map<String, Map<String, Long>> above) {

    /** The rows of {@code group} of {@code slice} above the median (0 when it has none). */
    long above(String slice, String group) {
      return above.getOrDefault(slice, Map.of()).getOrDefault(group, 0L);
    }
  }

  private ExactMedian() {}

  /**
   * The exact median of the scored rows and each group's rows above it, from {@code cells} (the
   * binned pass) and one Spark job over the rows inside the median's bracket; null when the data
   * set has no scored row or the bracket holds more than {@code maxCells} (cell, score)
   * combinations.
   */
  static Result of(FairnessInput in, FairnessCells cells, long maxCells) {
    ScoreHistogram whole = cells.histogram(FairnessJob.WHOLE, FairnessJob.WHOLE);
    ScoringRate.Median binned = ScoringRate.median(whole);
    if (binned == null) {
      return null;
    }
    SliceColumns sliceColumns = SliceColumns.of(in.slices());
    List<String> cellColumns = new ArrayList<>();
    for (int i = 0; i < sliceColumns.columns().size(); i++) {
      cellColumns.add(GroupLimit.groupColumn(i));
    }
    Column score = FiniteNumbers.of(Columns.named(in.score()));
    Column key = ScoreKey.BINNED.column(score);
    List<Column> by = new ArrayList<>(cellColumns.stream().map(Columns::named).toList());
    by.add(score.as(SCORE));
    List<Row> rows =
        sliceColumns
            .addTo(in.data())
            .where(score.isNotNull().and(key.between(binned.low(), binned.high())))
            .groupBy(by.toArray(new Column[0]))
            .agg(functions.count(functions.lit(1)).as(ROWS))
            .limit((int) Math.min(Integer.MAX_VALUE - 1, maxCells) + 1)
            .coalesce(1)
            .collectAsList();
    if (rows.size() > maxCells) {
      return null;
    }
    int width = cellColumns.size();
    NavigableMap<Double, Long> bracket = new TreeMap<>();
    for (Row row : rows) {
      bracket.merge(row.getDouble(width), row.getLong(width + 1), Long::sum);
    }
    long below = 0;
    for (Map.Entry<Long, ConfusionState> e : whole.keys().headMap(binned.low()).entrySet()) {
      below += e.getValue().n();
    }
    long n = whole.rows();
    Double low = null;
    Double high = null;
    long seen = below;
    for (Map.Entry<Double, Long> e : bracket.entrySet()) {
      seen += e.getValue();
      if (low == null && seen >= (n + 1) / 2) {
        low = e.getKey();
      }
      if (seen >= n / 2 + 1) {
        high = e.getKey();
        break;
      }
    }
    if (low == null || high == null) {
      throw new IllegalStateException("the median's bracket lacks its middle rows");
    }
    Map<String, Map<String, Long>> above = new HashMap<>();
    for (Slice slice : in.slices()) {
      List<Integer> positions =
          sliceColumns.cellColumns(slice).stream().map(cellColumns::indexOf).toList();
      Map<String, Long> groups = new HashMap<>();
      for (String group : cells.groups(slice.name()).keySet()) {
        groups.put(group, aboveBracket(cells.histogram(slice.name(), group), binned.high()));
      }
      for (Row row : rows) {
        if (row.getDouble(width) > low) {
          String group = SliceColumns.group(positions.stream().map(i -> row.getString(i)).toList());
          groups.merge(group, row.getLong(width + 1), Long::sum);
        }
      }
      above.put(slice.name(), groups);
    }
    long wholeAbove = aboveBracket(whole, binned.high());
    for (Map.Entry<Double, Long> e : bracket.tailMap(low, false).entrySet()) {
      wholeAbove += e.getValue();
    }
    above.put(FairnessJob.WHOLE, Map.of(FairnessJob.WHOLE, wholeAbove));
    return new Result(low, high, above);
  }

  /** The rows of {@code h} in keys above {@code key}. */
  private static long aboveBracket(ScoreHistogram h, long key) {
    long rows = 0;
    for (ConfusionState s : h.keys().tailMap(key, false).values()) {
      rows += s.n();
    }
    return rows;
  }
}
