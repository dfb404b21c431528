package dev.assay.metrics.fairness;

import static dev.assay.metrics.fairness.AnalysisContext.join;
import static dev.assay.metrics.fairness.AnalysisContext.key;

import dev.assay.core.BadInputException;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.spark.Columns;
import dev.assay.spark.FiniteNumbers;
import dev.assay.spark.GroupedStates;
import dev.assay.spark.Grouping;
import dev.assay.spark.SinglePassRunner;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * The fairness family for a label and a prediction with several classes ({@code fairness.task:
 * multiclass}), one-vs-rest, in ONE Spark job: one aggregation ({@link SinglePassRunner}) of a row
 * count per cell (sensitive values × label class × predicted class, a {@link MulticlassState})
 * gives every group's multi-class confusion matrix ({@link ClassConfusion}) on the driver; the rest
 * is plain Java:
 *
 * <ul>
 *   <li>per group (and for the whole data set): {@code count}, {@code accuracy} (exact match, no
 *       class), {@code balanced_accuracy} (mean recall over the labelled classes) and, per class c,
 *       the {@link ClassRate}s of the one-vs-rest problem with Wilson intervals, the class in the
 *       row's {@code class} key;
 *   <li>per attribute and class: the {@link ClassDisparity}s over the groups with at least {@code
 *       min_group_size} rows (Newcombe interval of a difference, Katz of a ratio, for the extreme
 *       pair as in the binary path, the extreme groups in {@code max_group} / {@code min_group});
 *   <li>per attribute: {@code accuracy_difference}, {@code balanced_accuracy_difference} and, per
 *       disparity that has one ({@link ClassDisparity#hasWorstClass()}), its worst class ({@code
 *       worst_class_*}), the class and the groups attaining it named in the note and in {@code
 *       max_group} / {@code min_group};
 *   <li>per intersection: {@code empty_intersection_cells}.
 * </ul>
 *
 * <p>Classes are the label's and the prediction's values as text, discovered from the data (their
 * union, sorted; at most {@value #MAX_CLASSES}). When both columns are numbers of different types
 * and one is fractional, both are read as doubles, so a label 1 and a prediction 1.0 are one class.
 * A null label or prediction makes the run fail (exit 2) with the count: a missing class is not a
 * class, and dropping rows silently would change every rate. The driver state is bounded by cells =
 * sensitive combinations × classes², at most {@link FairnessAnalysis#MAX_CELLS}.
 */
public final class MulticlassAnalysis {

  /** The most distinct classes (label and prediction together) an audit may have. */
  public static final int MAX_CLASSES = 100;

  private static final String LABEL = "__assay_label";
  private static final String PREDICTION = "__assay_prediction";

  private MulticlassAnalysis() {}

  /** Runs the family: one Spark job. */
  public static FairnessOutcome run(MulticlassInput in) {
    SliceColumns cells = SliceColumns.of(in.slices());
    Dataset<Row> data = cells.addTo(in.data());
    Column[] classes = classColumns(data, in.label(), in.prediction());
    data =
        data.withColumn(
                LABEL, functions.coalesce(classes[0], functions.lit(FairnessAnalysis.MISSING)))
            .withColumn(
                PREDICTION,
                functions.coalesce(classes[1], functions.lit(FairnessAnalysis.MISSING)));
    List<Grouping> groupings = new ArrayList<>();
    for (Slice slice : in.slices()) {
      groupings.add(new Grouping(slice.name(), cells.cellColumns(slice, LABEL, PREDICTION)));
    }
    Grouping wholeGrouping = new Grouping("", List.of(LABEL, PREDICTION));
    groupings.add(wholeGrouping);
    Tally tally = Tally.of(aggregate(in, data, groupings, cells), wholeGrouping);
    checkComplete(in, tally.all());
    List<String> classList = tally.classes(in);
    double z = WilsonInterval.z(in.confidence());
    List<String> notes = new ArrayList<>();
    notes.add(classesNote(in, classList));
    List<MetricResult> metrics =
        new ArrayList<>(group(Scope.DATASET, tally.whole(), classList, z, null));
    for (Slice slice : in.slices()) {
      metrics.addAll(
          new Attribute(in, slice.name(), classList, z, level(in), notes)
              .results(tally.groups().getOrDefault(slice.name(), Map.of())));
    }
    metrics.addAll(
        SliceSurvey.emptyCells(
            in.slices(), name -> tally.observedKeys().getOrDefault(name, Set.of()), notes));
    return new FairnessOutcome(metrics, notes);
  }

  /** The one job: per cell (group × label class × predicted class) a {@link MulticlassState}. */
  private static List<GroupedStates> aggregate(
      MulticlassInput in, Dataset<Row> data, List<Grouping> groupings, SliceColumns cells) {
    MulticlassAggregate aggregate =
        new MulticlassAggregate(Columns.named(in.label()), Columns.named(in.prediction()));
    try {
      return SinglePassRunner.run(
          data,
          groupings,
          List.of(aggregate),
          cells.limits(
              in.groups().maxGroups(),
              Map.of(
                  LABEL, in.label() + " (label)", PREDICTION, in.prediction() + " (prediction)")));
    } catch (BadInputException e) {
      if (GroupLimit.exceeded(e)) {
        throw e;
      }
      throw new BadInputException(
          e.getMessage()
              + " With fairness.task: multiclass the label ('"
              + in.label()
              + "', "
              + in.at().label()
              + ") and prediction ('"
              + in.prediction()
              + "', "
              + in.at().prediction()
              + ") classes are part of each cell: check that they hold classes, not"
              + " identifiers or continuous numbers.");
    }
  }

  /**
   * The job's rows folded per attribute and group into {@link ClassConfusion}s, with the data set's
   * totals and the classes the label and the prediction hold.
   */
  private record Tally(
      ClassConfusion whole,
      MulticlassState all,
      Map<String, Map<String, ClassConfusion>> groups,
      Map<String, Set<List<String>>> observedKeys,
      TreeSet<String> labelClasses,
      TreeSet<String> predictionClasses) {

    static Tally of(List<GroupedStates> rows, Grouping wholeGrouping) {
      Tally t =
          new Tally(
              new ClassConfusion(),
              MulticlassState.EMPTY,
              new HashMap<>(),
              new HashMap<>(),
              new TreeSet<>(),
              new TreeSet<>());
      MulticlassState all = MulticlassState.EMPTY;
      for (GroupedStates row : rows) {
        MulticlassState s = row.state(0);
        List<String> key = row.key();
        String label = key.get(key.size() - 2);
        String prediction = key.get(key.size() - 1);
        if (row.grouping().equals(wholeGrouping)) {
          all = all.merge(s);
          t.whole().add(label, prediction, s.n());
          t.labelClasses().add(key.get(0));
          t.predictionClasses().add(key.get(1));
        } else {
          List<String> group = key.subList(0, key.size() - 2);
          t.observedKeys().computeIfAbsent(row.grouping().name(), k -> new HashSet<>()).add(group);
          t.groups()
              .computeIfAbsent(row.grouping().name(), k -> new TreeMap<>())
              .computeIfAbsent(SliceColumns.group(group), k -> new ClassConfusion())
              .add(label, prediction, s.n());
        }
      }
      return new Tally(
          t.whole(), all, t.groups(), t.observedKeys(), t.labelClasses(), t.predictionClasses());
    }

    /** The union of the label's and the prediction's classes, sorted; refused beyond the bound. */
    List<String> classes(MulticlassInput in) {
      TreeSet<String> classSet = new TreeSet<>(labelClasses);
      classSet.addAll(predictionClasses);
      checkClassCount(in, labelClasses, predictionClasses, classSet);
      return List.copyOf(classSet);
    }
  }

  /** Refuses an empty data set and rows without a label or a prediction class. */
  private static void checkComplete(MulticlassInput in, MulticlassState all) {
    if (all.n() == 0) {
      throw new BadInputException(
          "the current data set has no rows: there is nothing to audit."
              + " Check data.current's path and filters.");
    }
    if (all.missingLabel() > 0 || all.missingPrediction() > 0) {
      String which =
          all.missingLabel() > 0
              ? all.missingLabel()
                  + " of "
                  + all.n()
                  + " rows have no"
                  + " label (column '"
                  + in.label()
                  + "', "
                  + in.at().label()
                  + ")"
              : all.missingPrediction()
                  + " of "
                  + all.n()
                  + " rows have no prediction (column '"
                  + in.prediction()
                  + "', "
                  + in.at().prediction()
                  + ")";
      throw new BadInputException(
          in.at().source()
              + ": "
              + which
              + "; with fairness.task: multiclass"
              + " every row needs a class in both. Drop or fill those rows.");
    }
  }

  /** The confidence level as a note says it, e.g. "95 %". */
  private static String level(MulticlassInput in) {
    return new BigDecimal(in.confidence() * 100)
            .round(new MathContext(4))
            .stripTrailingZeros()
            .toPlainString()
        + " %";
  }

  private static String classesNote(MulticlassInput in, List<String> classList) {
    return "fairness.task is multiclass: label '"
        + in.label()
        + "' and prediction '"
        + in.prediction()
        + "' are read as "
        + classList.size()
        + " classes ("
        + listed(classList)
        + "); per group and class the one-vs-rest rates (class c positive, the others negative),"
        + " per attribute and class the parity metrics, and per attribute the worst class"
        + " (worst_class_*). Binary-only metrics (impact_ratio, Clarify, AUC, ...) are not computed.";
  }

  private static void checkClassCount(
      MulticlassInput in, Set<String> labels, Set<String> predictions, Set<String> union) {
    if (union.size() <= MAX_CLASSES) {
      return;
    }
    String where =
        labels.size() > MAX_CLASSES
            ? in.at().label()
                + ": label column '"
                + in.label()
                + "' has "
                + labels.size()
                + " distinct values"
            : predictions.size() > MAX_CLASSES
                ? in.at().prediction()
                    + ": prediction column '"
                    + in.prediction()
                    + "' has "
                    + predictions.size()
                    + " distinct values"
                : in.at().label()
                    + ": label column '"
                    + in.label()
                    + "' and prediction column '"
                    + in.prediction()
                    + "' ("
                    + in.at().prediction()
                    + ") have "
                    + union.size()
                    + " distinct values together";
    throw new BadInputException(
        where
            + " ("
            + listed(List.copyOf(union))
            + "); fairness.task:"
            + " multiclass allows at most "
            + MAX_CLASSES
            + " classes. Name columns that hold classes,"
            + " or bucket the values (use fairness.task: regression for a numeric target).");
  }

  /** The first classes, for messages. */
  private static String listed(List<String> classes) {
    int shown = Math.min(classes.size(), 10);
    return String.join(", ", classes.subList(0, shown))
        + (classes.size() > shown ? ", ... " + (classes.size() - shown) + " more" : "");
  }

  /**
   * The label and prediction as class text: each cast to string, except that two numeric columns of
   * different types with a fractional one are both read as doubles (1 and 1.0 are one class).
   */
  static Column[] classColumns(Dataset<Row> data, String label, String prediction) {
    DataType l = typeOf(data, label);
    DataType p = typeOf(data, prediction);
    boolean asDouble =
        l instanceof NumericType
            && p instanceof NumericType
            && !l.equals(p)
            && (fractional(l) || fractional(p));
    Column lc = Columns.named(label);
    Column pc = Columns.named(prediction);
    if (asDouble) {
      lc = lc.cast("double");
      pc = pc.cast("double");
    }
    // NaN and ±Infinity are missing classes, like null (FiniteNumbers), not classes named "NaN"
    if (l instanceof NumericType) {
      lc = functions.when(functions.not(FiniteNumbers.isNonFinite(lc)), lc);
    }
    if (p instanceof NumericType) {
      pc = functions.when(functions.not(FiniteNumbers.isNonFinite(pc)), pc);
    }
    return new Column[] {lc.cast("string"), pc.cast("string")};
  }

  private static DataType typeOf(Dataset<Row> data, String column) {
    return Arrays.stream(data.schema().fields())
        .filter(f -> f.name().equals(column))
        .map(StructField::dataType)
        .findFirst()
        .orElse(null);
  }

  private static boolean fractional(DataType t) {
    return t instanceof DoubleType || t instanceof FloatType || t instanceof DecimalType;
  }

  /** count, accuracy and the per-class rates of one group (or of the data set). */
  static List<MetricResult> group(
      Scope scope, ClassConfusion m, List<String> classes, double z, String note) {
    List<MetricResult> out = new ArrayList<>();
    out.add(new MetricResult.Computed(key("count", scope), m.n(), m.n(), null, null, null, note));
    Interval acc = WilsonInterval.of(m.correct(), m.n(), z);
    out.add(
        new MetricResult.Computed(
            key("accuracy", scope),
            (double) m.correct() / m.n(),
            m.n(),
            acc.low(),
            acc.high(),
            null,
            note));
    out.add(
        new MetricResult.Computed(
            key("balanced_accuracy", scope),
            m.balancedAccuracy(),
            m.n(),
            null,
            null,
            null,
            join(
                note,
                "mean recall over the "
                    + m.labelledClasses()
                    + " classes"
                    + " labelled in the group (scikit-learn balanced_accuracy_score); no interval")));
    for (String c : classes) {
      for (ClassRate rate : ClassRate.values()) {
        MetricKey k = key(rate.id(), scope.withClass(c));
        long d = rate.denominator(m, c);
        if (d == 0) {
          out.add(new MetricResult.Undefined(k, m.n(), join(rate.undefinedReason(c), note)));
        } else {
          Interval ci = WilsonInterval.of(rate.numerator(m, c), d, z);
          out.add(
              new MetricResult.Computed(
                  k, rate.value(m, c), m.n(), ci.low(), ci.high(), null, note));
        }
      }
    }
    return out;
  }

  /** The results of one attribute (or intersection). */
  private static final class Attribute {

    private final MulticlassInput in;
    private final String attribute;
    private final List<String> classes;
    private final double z;
    private final String level;
    private final List<String> notes;
    private final Map<String, ClassConfusion> eligible = new TreeMap<>();
    private String exclusion;

    Attribute(
        MulticlassInput in,
        String attribute,
        List<String> classes,
        double z,
        String level,
        List<String> notes) {
      this.in = in;
      this.attribute = attribute;
      this.classes = classes;
      this.z = z;
      this.level = level;
      this.notes = notes;
    }

    List<MetricResult> results(Map<String, ClassConfusion> groups) {
      List<MetricResult> out = new ArrayList<>();
      GroupSplit<ClassConfusion> split =
          GroupSplit.of(
              groups, ClassConfusion::n, in.groups().minGroupSize(), "differences and ratios");
      eligible.putAll(split.eligible());
      groups.forEach(
          (g, m) -> out.addAll(group(Scope.group(attribute, g), m, classes, z, split.note(m.n()))));
      split.addNote(attribute, notes);
      exclusion = split.exclusion();
      Map<ClassDisparity, Map<String, MetricResult>> byClass = new LinkedHashMap<>();
      for (String c : classes) {
        for (ClassDisparity d : ClassDisparity.values()) {
          MetricResult r = disparity(d, c);
          byClass.computeIfAbsent(d, k -> new LinkedHashMap<>()).put(c, r);
          out.add(r);
        }
      }
      out.add(accuracyDifference());
      out.add(balancedAccuracyDifference());
      for (ClassDisparity d : ClassDisparity.values()) {
        if (d.hasWorstClass()) {
          out.add(worst(d, byClass.get(d)));
        }
      }
      return out;
    }

    /** {@code d} of class {@code c} has no value because {@code why}; with the groups left out. */
    private MetricResult undefined(
        MetricKey k, ClassDisparity d, String c, String why, String leftOut) {
      String reason = d.id() + " is undefined for class " + c + ": " + why;
      return new MetricResult.Undefined(k, null, join(join(reason, leftOut), exclusion));
    }

    /** One class's disparity, as {@link AttributeResults} computes the binary one. */
    private MetricResult disparity(ClassDisparity d, String c) {
      MetricKey k = key(d.id(), Scope.attribute(attribute).withClass(c));
      MetricResult chosen = null;
      for (ClassRate rate : d.rates()) {
        List<Map.Entry<String, Double>> values = new ArrayList<>();
        List<String> undefined = new ArrayList<>();
        for (Map.Entry<String, ClassConfusion> e : eligible.entrySet()) {
          double v = rate.value(e.getValue(), c);
          if (Double.isNaN(v)) {
            undefined.add(e.getKey());
          } else {
            values.add(Map.entry(e.getKey(), v));
          }
        }
        String leftOut =
            undefined.isEmpty()
                ? null
                : rate.id() + " undefined (left out) for: " + dev.assay.core.NameList.of(undefined);
        if (values.size() < 2) {
          String why =
              "it needs at least two groups with a defined "
                  + rate.id()
                  + " and at least min_group_size rows; found "
                  + values.size();
          return undefined(k, d, c, why, leftOut);
        }
        ExtremePair pair = ExtremePair.distinct(values);
        if (d.ratio() && pair.max().getValue() == 0.0) {
          String why = "every group has " + rate.id() + " 0 (0 ÷ 0)";
          return undefined(k, d, c, why, leftOut);
        }
        ClassConfusion hi = eligible.get(pair.max().getKey());
        ClassConfusion lo = eligible.get(pair.min().getKey());
        double value = pair.value(d.ratio());
        Interval ci =
            ExtremePair.interval(
                d.ratio(),
                rate.numerator(hi, c),
                rate.denominator(hi, c),
                rate.numerator(lo, c),
                rate.denominator(lo, c),
                z);
        String note = pair.note(rate.id(), ExtremePair.method(d.ratio(), level, ci));
        if (ExtremePair.worse(d.ratio(), value, chosen)) {
          chosen = pair.result(k, value, ci, join(join(note, leftOut), exclusion));
        }
      }
      return chosen;
    }

    /** max − min of accuracy over the eligible groups, with Newcombe's interval. */
    private MetricResult accuracyDifference() {
      return spread(
          "accuracy",
          Attribute::accuracy,
          (h, l) -> NewcombeInterval.of(h.correct(), h.n(), l.correct(), l.n(), z),
          level + " Newcombe interval of the difference of these two groups");
    }

    /**
     * balanced_accuracy_difference: max − min of the groups' {@link
     * ClassConfusion#balancedAccuracy()} over the groups with at least min_group_size rows
     * (Fairlearn's {@code difference()} of scikit-learn's {@code balanced_accuracy_score}). Range
     * [0, 1], 0 is parity, lower is better; undefined with fewer than two such groups. No interval:
     * a mean of recalls over classes of different sizes is not a single proportion, so Newcombe's
     * interval does not apply.
     */
    private MetricResult balancedAccuracyDifference() {
      return spread(
          "balanced_accuracy", ClassConfusion::balancedAccuracy, (h, l) -> null, "no interval");
    }

    /**
     * {@code metric}_difference: max − min of a per-group value over the eligible groups, with the
     * interval of the extreme pair when {@code interval} gives one.
     */
    private MetricResult spread(
        String metric,
        ToDoubleFunction<ClassConfusion> value,
        BiFunction<ClassConfusion, ClassConfusion, Interval> interval,
        String method) {
      MetricKey k = key(metric + "_difference", Scope.attribute(attribute));
      if (eligible.size() < 2) {
        return new MetricResult.Undefined(
            k,
            null,
            join(
                metric
                    + "_difference is undefined: it needs at least two groups with at least"
                    + " min_group_size rows; found "
                    + eligible.size(),
                exclusion));
      }
      List<Map.Entry<String, Double>> values = new ArrayList<>();
      eligible.forEach((g, m) -> values.add(Map.entry(g, value.applyAsDouble(m))));
      ExtremePair pair = ExtremePair.distinct(values);
      String hi = pair.max().getKey();
      String lo = pair.min().getKey();
      Interval ci = interval.apply(eligible.get(hi), eligible.get(lo));
      return new MetricResult.Computed(
          k,
          pair.value(false),
          null,
          ci == null ? null : ci.low(),
          ci == null ? null : ci.high(),
          null,
          join(pair.note(metric, method), exclusion),
          hi,
          lo);
    }

    private static double accuracy(ClassConfusion m) {
      return (double) m.correct() / m.n();
    }

    /**
     * The worst class of a disparity: the largest difference or smallest ratio over the classes
     * where it is defined (the first class in order on a tie), with that class's interval, and the
     * class and its groups named in the note.
     */
    private MetricResult worst(ClassDisparity d, Map<String, MetricResult> perClass) {
      MetricKey k = key(d.worstId(), Scope.attribute(attribute));
      String worstClass = null;
      MetricResult.Computed worst = null;
      List<String> undefined = new ArrayList<>();
      for (Map.Entry<String, MetricResult> e : perClass.entrySet()) {
        if (e.getValue() instanceof MetricResult.Computed c) {
          if (worst == null
              || (d.ratio() ? c.value() < worst.value() : c.value() > worst.value())) {
            worst = c;
            worstClass = e.getKey();
          }
        } else {
          undefined.add(e.getKey());
        }
      }
      if (worst == null) {
        return new MetricResult.Undefined(
            k,
            null,
            join(
                d.worstId()
                    + " is undefined: "
                    + d.id()
                    + " is undefined for every class ("
                    + dev.assay.core.NameList.of(undefined)
                    + ")",
                exclusion));
      }
      String note = worst.note();
      int at = note.indexOf(": highest ");
      String named = note.substring(0, at) + " of class " + worstClass + note.substring(at);
      String summary =
          String.format(
                  Locale.ROOT,
                  "worst of %d classes at class %s",
                  perClass.size() - undefined.size(),
                  worstClass)
              + (undefined.isEmpty()
                  ? ""
                  : "; undefined (left out) for class " + dev.assay.core.NameList.of(undefined));
      return new MetricResult.Computed(
          k,
          worst.value(),
          null,
          worst.ciLow(),
          worst.ciHigh(),
          null,
          named + "; " + summary,
          worst.maxGroup(),
          worst.minGroup());
    }
  }
}
