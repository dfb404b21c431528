package dev.assay.metrics.drift;

import dev.assay.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides, from the first pass ({@link DriftProfile}), which string columns are free text, and
 * checks the embedding columns' vectors; says why each column got its kind.
 *
 * <p>The rule for text (a string feature whose kind {@code drift.column_types} does not set): more
 * than {@value #TEXT_DISTINCT_SHARE} of its non-null values distinct (the distinct estimate of the
 * first pass over both data sets ÷ non-null values) and more than {@value #TEXT_WORDS} words per
 * value on average. Anything else that is a string or boolean is categorical, and so is a string
 * column that {@code drift.tests} gives a categorical test. A text column is never compared as
 * categories: every distinct sentence would be a category, and two samples of the same generator
 * would look disjoint.
 *
 * <p>An embedding column (a fixed-length {@code array<float|double>} or an MLlib vector) must have
 * one length on both sides; vectors of different lengths are bad input (exit 2).
 */
public final class ColumnKinds {

  /** Text needs more than this share of distinct values. */
  public static final double TEXT_DISTINCT_SHARE = 0.5;

  /** Text needs more than this many words per value on average. */
  public static final double TEXT_WORDS = 5;

  private ColumnKinds() {}

  /** The columns with their final kinds, in the same order. */
  public static List<DriftColumn> resolve(
      List<DriftColumn> columns, DriftProfile profile, Set<String> tested) {
    List<DriftColumn> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      DriftColumn c = columns.get(i);
      if (c.textCandidate() && tested.contains(c.name())) {
        out.add(
            c.as(DriftColumn.Kind.CATEGORICAL, c.why() + ", categorical: drift.tests names it"));
      } else if (c.textCandidate()) {
        out.add(textOrCategorical(c, profile, i));
      } else if (c.kind() == DriftColumn.Kind.EMBEDDING) {
        out.add(embedding(c, profile, i));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  /** The vector length of embedding column {@code i} (0 when it has no non-null vector). */
  public static int dimension(DriftProfile profile, int i) {
    return (int) (long) profile.maxSize().get(i);
  }

  private static DriftColumn textOrCategorical(DriftColumn c, DriftProfile profile, int i) {
    long values = profile.nonNull().get(i);
    double distinct = values == 0 ? 0 : Math.min(1.0, (double) profile.distinct().get(i) / values);
    double words = values == 0 ? 0 : (double) profile.words().get(i) / values;
    boolean text = distinct > TEXT_DISTINCT_SHARE && words > TEXT_WORDS;
    String figures =
        "about "
            + percent(distinct)
            + " of its "
            + values
            + " values distinct, "
            + ColumnDrift.fmt(Math.round(words * 10) / 10.0)
            + " words on average";
    return text
        ? c.as(
            DriftColumn.Kind.TEXT,
            "string column with "
                + figures
                + " (text: more than 50 % distinct and more than 5 words)")
        : c.as(
            DriftColumn.Kind.CATEGORICAL,
            "string column with "
                + figures
                + " (text would need more than 50 % distinct and more than 5 words)");
  }

  private static DriftColumn embedding(DriftColumn c, DriftProfile profile, int i) {
    long shortest = profile.minSize().get(i);
    long longest = profile.maxSize().get(i);
    if (profile.nonNull().get(i) > 0 && shortest != longest) {
      throw new BadInputException(
          "embedding column '"
              + c.name()
              + "' has vectors of different lengths ("
              + shortest
              + " to "
              + longest
              + "); embedding drift needs one length on both sides. Check how the column was"
              + " written, or set its kind in drift.column_types.");
    }
    return new DriftColumn(
        c.name(), c.role(), c.kind(), c.why() + ", " + longest + " dimensions", false);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * share);
  }

  /** The run note that says each column's kind and why. */
  public static String note(List<DriftColumn> columns) {
    StringBuilder b = new StringBuilder("drift: column kinds: ");
    for (int i = 0; i < columns.size(); i++) {
      DriftColumn c = columns.get(i);
      b.append(i == 0 ? "" : "; ")
          .append(c.name())
          .append(" ")
          .append(c.kind().id())
          .append(" (")
          .append(c.why())
          .append(")");
    }
    return b.append(".").toString();
  }
}
