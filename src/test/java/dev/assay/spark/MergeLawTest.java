package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.metrics.drift.ColumnCounts;
import dev.assay.metrics.drift.DriftColumn;
import dev.assay.metrics.drift.DriftProfile;
import dev.assay.metrics.drift.SideCounts;
import dev.assay.metrics.fairness.BootstrapState;
import dev.assay.metrics.fairness.ConfusionState;
import dev.assay.metrics.fairness.MulticlassState;
import dev.assay.metrics.fairness.PairedState;
import dev.assay.metrics.fairness.RegressionState;
import dev.assay.metrics.llm.LlmStateLaws;
import dev.assay.metrics.privacy.EquivalenceClasses;
import dev.assay.metrics.privacy.MembershipCounts;
import dev.assay.metrics.privacy.MembershipTally;
import dev.assay.metrics.privacy.PiiFinding;
import dev.assay.metrics.privacy.SensitiveValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The merge law of every analyzer state (Deequ's): merging is associative and commutative, and the
 * state of no rows is its identity, so a state does not depend on how rows were split into cells or
 * partitions, nor on the order they were merged in. Checked on random sample states. Sums of
 * doubles are exact only for integers, so the generators draw integer-valued doubles.
 *
 * <p>To register a state, add one line to {@link #laws()}: its name, its merge (an {@link
 * AggregateState} or a method reference), its empty state and a generator of samples.
 */
public class MergeLawTest {

  private static final int TRIALS = 200;

  static Stream<Law<?>> laws() {
    return Stream.of(
        Law.of(
            "ConfusionState", ConfusionState::merge, ConfusionState.EMPTY, MergeLawTest::confusion),
        Law.of(
            "RegressionState",
            RegressionState::merge,
            RegressionState.EMPTY,
            MergeLawTest::regression),
        Law.of(
            "MulticlassState",
            MulticlassState::merge,
            MulticlassState.EMPTY,
            MergeLawTest::multiclass),
        Law.of(
                "BootstrapState",
                BootstrapState::merge,
                new BootstrapState(new long[12]),
                MergeLawTest::bootstrap)
            .comparedBy((a, b) -> Arrays.equals(a.counts(), b.counts())),
        Law.of("PairedState", PairedState::merge, PairedState.EMPTY, MergeLawTest::paired),
        Law.of("FiniteNumbers.Count", new FiniteNumbers.Count(null), 0L, r -> (long) r.nextInt(50)),
        Law.of(
            "BinaryColumn.Values",
            BinaryColumn.of("label", "y", DataTypes.StringType, "yes", "test"),
            new BinaryColumn.Values(0, 0, null, null),
            MergeLawTest::binaryValues),
        Law.of("drift SideCounts", SideCounts::merge, SideCounts.EMPTY, MergeLawTest::sideCounts),
        Law.of(
            "drift DriftProfile",
            DriftProfile::merge,
            DriftProfile.empty(3, 2),
            MergeLawTest::profile),
        Law.of(
                "drift ColumnCounts (numeric)",
                ColumnCounts::merge,
                ColumnCounts.empty(NUMBER, true, 0),
                r -> columnCounts(r, NUMBER))
            .comparedBy(MergeLawTest::sameCounts),
        Law.of(
                "drift ColumnCounts (categorical)",
                ColumnCounts::merge,
                ColumnCounts.empty(CATEGORY, true, 0),
                r -> columnCounts(r, CATEGORY))
            .comparedBy(MergeLawTest::sameCounts),
        Law.of("privacy PiiFinding", PiiFinding::merge, PiiFinding.EMPTY, MergeLawTest::piiFinding),
        Law.of(
            "privacy MembershipTally",
            MembershipTally::merge,
            MembershipTally.EMPTY,
            MergeLawTest::tally),
        Law.of(
            "privacy MembershipCounts",
            MembershipCounts::merge,
            MembershipCounts.empty(),
            MergeLawTest::membership),
        Law.of(
            "privacy EquivalenceClasses",
            EquivalenceClasses::merge,
            EquivalenceClasses.EMPTY,
            MergeLawTest::classes),
        Law.of(
            "privacy SensitiveValues",
            SensitiveValues::merge,
            SensitiveValues.empty(4),
            MergeLawTest::sensitiveValues),
        LlmStateLaws.overlap(),
        LlmStateLaws.safety(),
        LlmStateLaws.lengths(),
        LlmStateLaws.format(),
        LlmStateLaws.scans(),
        LlmStateLaws.retrieval(),
        LlmStateLaws.support(),
        LlmStateLaws.variants(),
        LlmStateLaws.semantic(),
        LlmStateLaws.all());
  }

  /**
   * One registered state type.
   *
   * @param merge the state of the union of two row sets
   * @param identity the state of no rows
   * @param sample a random state
   * @param same when two states are equal (by default {@link Objects#equals})
   */
  public record Law<S>(
      String name,
      BinaryOperator<S> merge,
      S identity,
      Function<Random, S> sample,
      BiPredicate<S, S> same) {

    public static <S> Law<S> of(
        String name, BinaryOperator<S> merge, S identity, Function<Random, S> sample) {
      return new Law<>(name, merge, identity, sample, Objects::equals);
    }

    public static <S> Law<S> of(
        String name, AggregateState<S> state, S identity, Function<Random, S> sample) {
      return of(name, state::merge, identity, sample);
    }

    public Law<S> comparedBy(BiPredicate<S, S> equality) {
      return new Law<>(name, merge, identity, sample, equality);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("laws")
  void mergeIsAssociative(Law<?> law) {
    associative(law);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("laws")
  void mergeIsCommutative(Law<?> law) {
    commutative(law);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("laws")
  void theEmptyStateIsTheIdentity(Law<?> law) {
    identity(law);
  }

  private static <S> void associative(Law<S> law) {
    Random r = new Random(law.name().hashCode());
    for (int t = 0; t < TRIALS; t++) {
      S a = law.sample().apply(r);
      S b = law.sample().apply(r);
      S c = law.sample().apply(r);
      S left = law.merge().apply(law.merge().apply(a, b), c);
      S right = law.merge().apply(a, law.merge().apply(b, c));
      assertTrue(
          law.same().test(left, right),
          law + ": (a+b)+c != a+(b+c) for " + a + ", " + b + ", " + c);
    }
  }

  private static <S> void commutative(Law<S> law) {
    Random r = new Random(law.name().hashCode() + 1);
    for (int t = 0; t < TRIALS; t++) {
      S a = law.sample().apply(r);
      S b = law.sample().apply(r);
      assertTrue(
          law.same().test(law.merge().apply(a, b), law.merge().apply(b, a)),
          law + ": a+b != b+a for " + a + ", " + b);
    }
  }

  private static <S> void identity(Law<S> law) {
    Random r = new Random(law.name().hashCode() + 2);
    for (int t = 0; t < TRIALS; t++) {
      S a = law.sample().apply(r);
      assertTrue(
          law.same().test(law.merge().apply(a, law.identity()), a),
          law + ": a+empty != a for " + a);
      assertTrue(
          law.same().test(law.merge().apply(law.identity(), a), a),
          law + ": empty+a != a for " + a);
    }
    assertTrue(
        law.same().test(law.merge().apply(law.identity(), law.identity()), law.identity()),
        law + ": empty+empty != empty");
  }

  // ---- sample states ----

  private static final DriftColumn NUMBER =
      new DriftColumn("x", "feature", DriftColumn.Kind.NUMERIC);
  private static final DriftColumn CATEGORY =
      new DriftColumn("k", "feature", DriftColumn.Kind.CATEGORICAL);

  private static ConfusionState confusion(Random r) {
    long n = r.nextInt(100);
    long scored = r.nextInt((int) n + 1);
    return new ConfusionState(
        n,
        r.nextInt((int) n + 1),
        r.nextInt((int) n + 1),
        r.nextInt((int) n + 1),
        r.nextInt(1000),
        scored,
        r.nextInt(1000),
        r.nextInt(1000),
        scored == 0 ? Double.POSITIVE_INFINITY : r.nextInt(10),
        scored == 0 ? Double.NEGATIVE_INFINITY : 10 + r.nextInt(10));
  }

  private static RegressionState regression(Random r) {
    return new RegressionState(
        r.nextInt(100),
        r.nextInt(5),
        r.nextInt(1000) - 500,
        r.nextInt(1000),
        r.nextInt(1000),
        r.nextInt(1000),
        r.nextInt(1000),
        r.nextInt(1000));
  }

  private static MulticlassState multiclass(Random r) {
    return new MulticlassState(r.nextInt(100), r.nextInt(5), r.nextInt(5));
  }

  private static BootstrapState bootstrap(Random r) {
    long[] counts = new long[12];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = r.nextInt(100);
    }
    return new BootstrapState(counts);
  }

  private static BinaryColumn.Values binaryValues(Random r) {
    boolean others = r.nextBoolean();
    long low = r.nextLong();
    long high = r.nextLong();
    return new BinaryColumn.Values(
        r.nextInt(10),
        r.nextInt(100),
        others ? Math.min(low, high) : null,
        others ? Math.max(low, high) : null);
  }

  private static SideCounts sideCounts(Random r) {
    return new SideCounts(r.nextInt(1000), r.nextInt(1000));
  }

  private static DriftProfile profile(Random r) {
    List<Long> distinct = new ArrayList<>();
    List<Double> min = new ArrayList<>();
    List<Double> max = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      distinct.add((long) r.nextInt(100));
      boolean values = r.nextInt(4) > 0;
      min.add(values ? r.nextInt(20) - 10.0 : Double.POSITIVE_INFINITY);
      max.add(values ? r.nextInt(20) + 10.0 : Double.NEGATIVE_INFINITY);
    }
    return new DriftProfile(
        r.nextInt(100),
        r.nextInt(100),
        distinct,
        min,
        max,
        List.of((long) r.nextInt(10), (long) r.nextInt(10)),
        // non-null values, words of text columns, smallest and largest vector length
        List.of((long) r.nextInt(50), (long) r.nextInt(50), (long) r.nextInt(50)),
        List.of((long) r.nextInt(500), 0L, (long) r.nextInt(500)),
        List.of(r.nextBoolean() ? Long.MAX_VALUE : 8L, 3L, (long) r.nextInt(4)),
        List.of(r.nextBoolean() ? 0L : 8L, 3L, (long) r.nextInt(4)));
  }

  private static final double[] NUMBERS = {-1.5, 0.0, 0.25, 2.0, 3.0, 7.0};
  private static final String[] CATEGORIES = {"", "a", "b", "ba", "c", "é"};

  /** A state over a random subset of a small value pool, so merged states share some values. */
  private static ColumnCounts columnCounts(Random r, DriftColumn column) {
    boolean numeric = column.kind() == DriftColumn.Kind.NUMERIC;
    List<Integer> picked = new ArrayList<>();
    for (int i = 0; i < NUMBERS.length; i++) {
      if (r.nextBoolean()) {
        picked.add(i);
      }
    }
    int d = picked.size();
    double[] values = new double[d];
    String[] categories = new String[d];
    long[] ref = new long[d];
    long[] cur = new long[d];
    long nullsRef = r.nextInt(5);
    long nullsCur = r.nextInt(5);
    long rowsRef = nullsRef;
    long rowsCur = nullsCur;
    for (int i = 0; i < d; i++) {
      values[i] = NUMBERS[picked.get(i)];
      categories[i] = CATEGORIES[picked.get(i)];
      ref[i] = r.nextInt(20);
      cur[i] = r.nextInt(20);
      rowsRef += ref[i];
      rowsCur += cur[i];
    }
    return new ColumnCounts(
        column,
        rowsRef,
        rowsCur,
        nullsRef,
        nullsCur,
        true,
        0,
        numeric ? values : null,
        numeric ? null : categories,
        ref,
        cur);
  }

  private static boolean sameCounts(ColumnCounts a, ColumnCounts b) {
    return a.column().equals(b.column())
        && a.rowsReference() == b.rowsReference()
        && a.rowsCurrent() == b.rowsCurrent()
        && a.nullsReference() == b.nullsReference()
        && a.nullsCurrent() == b.nullsCurrent()
        && a.exact() == b.exact()
        && Double.compare(a.cellWidth(), b.cellWidth()) == 0
        && Arrays.equals(a.values(), b.values())
        && Arrays.equals(a.categories(), b.categories())
        && Arrays.equals(a.reference(), b.reference())
        && Arrays.equals(a.current(), b.current());
  }

  // ---- privacy sample states ----

  private static final String[] MASKED = {"a***", "b***", "c***", "d***"};

  private static PiiFinding piiFinding(Random r) {
    long records = r.nextInt(100);
    long found = r.nextInt((int) records + 1);
    if (found == 0) {
      return new PiiFinding(records, 0, null, null, null, null);
    }
    String x = MASKED[r.nextInt(MASKED.length)];
    String y = MASKED[r.nextInt(MASKED.length)];
    // a hash names its text, so equal hashes carry equal masks
    int hash = r.nextInt(6) - 3;
    return new PiiFinding(
        records,
        found,
        x.compareTo(y) <= 0 ? x : y,
        x.compareTo(y) <= 0 ? y : x,
        (long) hash,
        MASKED[Math.floorMod(hash, MASKED.length)]);
  }

  private static MembershipTally tally(Random r) {
    return new MembershipTally(r.nextInt(100), r.nextInt(100));
  }

  /** A histogram over a few rounded signals, so merged states share some. */
  private static MembershipCounts membership(Random r) {
    MembershipCounts c = MembershipCounts.empty();
    for (int i = r.nextInt(4); i > 0; i--) {
      c = c.add(r.nextInt(6) / 5.0, r.nextInt(10), r.nextInt(10));
    }
    return c;
  }

  private static EquivalenceClasses classes(Random r) {
    long classes = 1 + r.nextInt(20);
    long smallest = 1 + r.nextInt(5);
    long records = classes * smallest + r.nextInt(100);
    boolean sensitive = r.nextBoolean();
    return new EquivalenceClasses(
        records,
        classes,
        smallest,
        r.nextInt(10),
        r.nextInt(50),
        sensitive ? Long.valueOf(1 + r.nextInt(4)) : null,
        sensitive ? Double.valueOf(1 + r.nextInt(4)) : null,
        sensitive && r.nextBoolean() ? Double.valueOf(r.nextInt(10) / 10.0) : null);
  }

  /** Counts over a pool of six values with a limit of four, so some merges overflow. */
  private static SensitiveValues sensitiveValues(Random r) {
    java.util.TreeMap<String, Long> counts = new java.util.TreeMap<>();
    long records = 0;
    for (int i = r.nextInt(4); i > 0; i--) {
      long n = 1 + r.nextInt(10);
      counts.merge("v" + r.nextInt(6), n, Long::sum);
      records += n;
    }
    return new SensitiveValues(records, counts, 4);
  }

  private static PairedState paired(Random r) {
    return new PairedState(
        r.nextInt(90),
        r.nextInt(20),
        r.nextInt(20),
        r.nextInt(40),
        r.nextInt(10),
        r.nextInt(10),
        r.nextInt(40),
        r.nextInt(10),
        r.nextInt(10));
  }
}
