package dev.assay.metrics.privacy;

import dev.assay.spark.MergeableAggregate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The second level of re-identification: an aggregate over the equivalence classes (one row per
 * class with its size {@code n} and, with a sensitive attribute, its distinct values {@code d}, its
 * entropy-l {@code el} and its distance {@code tv} to the overall distribution) into {@link
 * EquivalenceClasses}, with built-in {@code count}, {@code sum}, {@code min} and {@code max}. The
 * first level — the classes themselves, which may be millions — stays on the executors ({@link
 * ReidentificationAnalysis}); only this one row reaches the driver.
 *
 * @param k the class size below which records are at risk
 * @param sensitive whether the classes carry the sensitive-attribute columns
 */
public record ClassesAggregate(int k, boolean sensitive)
    implements MergeableAggregate<EquivalenceClasses> {

  @Override
  public List<Column> aggregates() {
    Column n = functions.col("n");
    List<Column> aggs =
        new ArrayList<>(
            List.of(
                functions.count(functions.lit(1)),
                functions.coalesce(functions.sum(n), functions.lit(0L)),
                functions.coalesce(functions.min(n), functions.lit(0L)),
                functions.coalesce(
                    functions.sum(functions.when(n.equalTo(1), n)), functions.lit(0L)),
                functions.coalesce(functions.sum(functions.when(n.lt(k), n)), functions.lit(0L))));
    if (sensitive) {
      aggs.add(functions.min("d"));
      aggs.add(functions.min("el"));
      aggs.add(functions.max("tv"));
    }
    return aggs;
  }

  @Override
  public EquivalenceClasses read(Row r, int offset) {
    return new EquivalenceClasses(
        r.getLong(offset + 1),
        r.getLong(offset),
        r.getLong(offset + 2),
        r.getLong(offset + 3),
        r.getLong(offset + 4),
        !sensitive || r.isNullAt(offset + 5) ? null : r.getLong(offset + 5),
        !sensitive || r.isNullAt(offset + 6) ? null : r.getDouble(offset + 6),
        !sensitive || r.isNullAt(offset + 7) ? null : r.getDouble(offset + 7));
  }
}
