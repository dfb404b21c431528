package dev.assay.spark;

import org.apache.spark.sql.Row;

/**
 * An {@link AggregateState} that reads part of its state from the cell's code instead of
 * aggregating it: {@link SinglePassRunner} groups the finest cells by a code column too (a small
 * long that packs row facts such as "label positive"), so everything constant within a cell is
 * known from the code and its row count ({@code count(*)}, which the runner aggregates anyway)
 * without an aggregate buffer per fact. Fairness's joint-histogram cell (docs/fairness.md).
 *
 * @param <S> the state, still mergeable by {@link #merge}: the code only says how to read a cell
 */
public interface CellCodedState<S> extends AggregateState<S> {

  /**
   * Reads the state of one cell from its code, its row count and this state's aggregates, which
   * start at {@code offset} in {@code row}.
   */
  S read(Row row, int offset, long code, long rows);

  /** A coded state is only read with its cell's code. */
  @Override
  default S read(Row row, int offset) {
    throw new IllegalStateException(getClass().getSimpleName() + " is read with its cell code");
  }
}
