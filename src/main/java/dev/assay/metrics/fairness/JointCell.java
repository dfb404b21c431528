package dev.assay.metrics.fairness;

import dev.assay.spark.BinaryColumn;
import dev.assay.spark.CellCodedState;
import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import dev.assay.spark.SinglePassRunner;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The joint-histogram cell of the fairness family (issue 21): the finest cells are grouped by one
 * more small long, the cell code, that packs the row's label code, prediction code ({@link
 * BinaryColumn#code}: positive, missing, the expected other value, any other value) and whether its
 * score is finite or non-finite. Everything that is constant within a cell then comes from the code
 * and the cell's row count instead of an aggregate per row: the confusion counts, the score count,
 * the label and prediction checks (a third value is a third code, or for strings a second hash) and
 * the non-finite scores. Only the score sums (Σs, Σs², min, max) stay aggregates.
 *
 * <p>Measured against the 19 aggregates it replaces in docs/fairness.md ("The joint-histogram
 * cell"). The states are the family's existing ones ({@link ConfusionState}, {@link
 * BinaryColumn.Values}, a count), merged as before, so every metric reads them unchanged.
 */
final class JointCell {

  private JointCell() {}

  /** The cell code column. */
  static final String COLUMN = "__assay_cell_code";

  /** Where the label's two bits sit in the code. */
  static final int LABEL_SHIFT = 0;

  /** Where the prediction's two bits sit in the code. */
  static final int PREDICTION_SHIFT = 2;

  /** The bit of a finite score. */
  static final long SCORED = 1L << 4;

  /** The bit of a non-finite (NaN, ±Infinity) score value. */
  static final long NON_FINITE = 1L << 5;

  /**
   * The most codes a cell of valid data takes: label × prediction, each positive or its one other
   * value (whether a score is finite is mostly fixed by the score key).
   */
  static final int CODES_PER_CELL = 4;

  /** The runner's view of the code column. */
  static final SinglePassRunner.CellCode CELL_CODE =
      new SinglePassRunner.CellCode(COLUMN, CODES_PER_CELL);

  /**
   * The code of a row: the label's code (missing without a label), the prediction's (from the
   * 1/0/null {@code prediction} column when there is no prediction column: threshold or none), the
   * score bits.
   *
   * @param prediction the prediction as 1/0/null, used when {@code in} has no prediction column
   * @param score the finite score, or a null literal
   */
  static Column code(FairnessInput in, Column prediction, Column score) {
    Column label = in.label() == null ? functions.lit(BinaryColumn.MISSING) : in.label().code();
    Column predicted =
        in.prediction() != null
            ? in.prediction().code()
            : functions
                .when(prediction.equalTo(1), BinaryColumn.POSITIVE)
                .when(prediction.isNotNull(), BinaryColumn.EXPECTED_OTHER)
                .otherwise(BinaryColumn.MISSING);
    Column code =
        label
            .cast("long")
            .multiply(1L << LABEL_SHIFT)
            .plus(predicted.cast("long").multiply(1L << PREDICTION_SHIFT));
    if (in.score() == null) {
      return code;
    }
    Column raw = Columns.named(in.score());
    return code.plus(
        functions
            .when(score.isNotNull(), SCORED)
            .when(FiniteNumbers.isNonFinite(raw), NON_FINITE)
            .otherwise(0L));
  }

  private static int bits(long code, int shift) {
    return (int) (code >>> shift) & 3;
  }

  /**
   * A cell's {@link ConfusionState}: counts from the code and the row count, the score sums and
   * range aggregated (built-ins only, as {@link ConfusionAggregate}).
   *
   * @param score the finite score, or a null literal
   */
  record Confusion(Column score) implements CellCodedState<ConfusionState> {

    @Override
    public List<Column> aggregates() {
      return List.of(
          functions.coalesce(functions.sum(score), functions.lit(0.0)),
          functions.coalesce(functions.sum(score.multiply(score)), functions.lit(0.0)),
          functions.min(score),
          functions.max(score));
    }

    @Override
    public ConfusionState read(Row row, int offset, long code, long rows) {
      boolean label = bits(code, LABEL_SHIFT) == BinaryColumn.POSITIVE;
      boolean predicted = bits(code, PREDICTION_SHIFT) == BinaryColumn.POSITIVE;
      double scoreSum = row.getDouble(offset);
      return new ConfusionState(
          rows,
          predicted ? rows : 0,
          label ? rows : 0,
          label && predicted ? rows : 0,
          scoreSum,
          (code & SCORED) != 0 ? rows : 0,
          row.getDouble(offset + 1),
          label ? scoreSum : 0.0,
          row.isNullAt(offset + 2) ? Double.POSITIVE_INFINITY : row.getDouble(offset + 2),
          row.isNullAt(offset + 3) ? Double.NEGATIVE_INFINITY : row.getDouble(offset + 3));
    }

    @Override
    public ConfusionState merge(ConfusionState a, ConfusionState b) {
      return a.merge(b);
    }
  }

  /** A cell's non-finite score values, from the code: no aggregate. */
  record NonFinite() implements CellCodedState<Long> {

    @Override
    public List<Column> aggregates() {
      return List.of();
    }

    @Override
    public Long read(Row row, int offset, long code, long rows) {
      return (code & NON_FINITE) != 0 ? rows : 0L;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** The check of the label ({@code shift} {@link #LABEL_SHIFT}) or prediction from the code. */
  static BinaryColumn.CodedCheck check(BinaryColumn column, int shift) {
    return column == null
        ? null
        : new BinaryColumn.CodedCheck(
            column, functions.shiftright(functions.col(COLUMN), shift).bitwiseAND(3), shift);
  }
}
