package dev.assay.metrics.privacy;

import dev.assay.spark.BinaryColumn;
import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The columns both membership attacks read, checked against the schema by {@link PrivacyPlan}.
 *
 * @param member the member flag (positive = in training)
 * @param label the label, or null (the signal is then max(p, 1 − p))
 * @param score the score column: the probability of the positive class, in [0, 1]
 * @param slices the sensitive attributes whose groups get the threshold attack too (privacy risk by
 *     group); empty for the data set only
 */
public record MembershipColumns(
    BinaryColumn member, BinaryColumn label, String score, List<String> slices) {

  public MembershipColumns {
    slices = List.copyOf(slices);
  }

  /** The columns without slices. */
  public MembershipColumns(BinaryColumn member, BinaryColumn label, String score) {
    this(member, label, score, List.of());
  }

  /** The score as a double, NaN and ±Infinity as null. */
  Column probability() {
    return FiniteNumbers.of(Columns.named(score));
  }

  /**
   * The attack signal: the model's confidence in the record's true label (p when the label is
   * positive, 1 − p otherwise); without a label, max(p, 1 − p).
   */
  Column confidence() {
    Column p = probability();
    return label == null
        ? functions.greatest(p, functions.lit(1.0).minus(p))
        : functions.when(label.isPositive(), p).otherwise(functions.lit(1.0).minus(p));
  }
}
