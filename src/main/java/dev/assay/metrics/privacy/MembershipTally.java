package dev.assay.metrics.privacy;

import dev.assay.core.Mergeable;
import dev.assay.spark.AggregateState;
import dev.assay.spark.BinaryColumn;
import dev.assay.spark.MergeableAggregate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Members and non-members of one cell of the threshold attack (one slice × one rounded signal),
 * with built-in {@code count_if}s. Merging adds, so it is associative and commutative with {@link
 * #EMPTY} as identity; {@link MembershipCounts} is the histogram these cells form per slice.
 */
public record MembershipTally(long members, long nonMembers) implements Mergeable<MembershipTally> {

  /** No rows. */
  public static final MembershipTally EMPTY = new MembershipTally(0, 0);

  /** The tally of both cells' rows. */
  public MembershipTally merge(MembershipTally o) {
    return new MembershipTally(members + o.members, nonMembers + o.nonMembers);
  }

  /** The rows of the cell, members or not. */
  public long rows() {
    return members + nonMembers;
  }

  /** The aggregate state over rows flagged by {@code member}. */
  public static AggregateState<MembershipTally> of(BinaryColumn member) {
    return new Aggregate(member);
  }

  private record Aggregate(BinaryColumn member) implements MergeableAggregate<MembershipTally> {

    @Override
    public List<Column> aggregates() {
      return List.of(
          functions.count_if(member.isPositive()),
          functions.count_if(member.isPositive().equalTo(false)));
    }

    @Override
    public MembershipTally read(Row row, int offset) {
      return new MembershipTally(row.getLong(offset), row.getLong(offset + 1));
    }
  }
}
