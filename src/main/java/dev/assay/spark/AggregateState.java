package dev.assay.spark;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * The Spark half of an analyzer (Deequ's design): built-in aggregate expressions whose results,
 * read back from one output row, form a small mergeable state. The runner fuses the aggregates of
 * every state of a dataset into one job, so adding an analyzer never adds a scan.
 *
 * @param <S> the state: plain Java values whose size does not grow with the number of rows
 */
public interface AggregateState<S> {

  /** The aggregate expressions, evaluated once per grouping (e.g. per group of an attribute). */
  List<Column> aggregates();

  /** Reads the state from {@code row}, whose columns for this state start at {@code offset}. */
  S read(Row row, int offset);

  /**
   * The state of the union of the rows behind {@code a} and {@code b}: associative and commutative,
   * so the runner can roll cells up into groups, and two runs can be combined. A state that merges
   * itself ({@link dev.assay.core.Mergeable}) gets this from {@link MergeableAggregate}.
   */
  S merge(S a, S b);
}
