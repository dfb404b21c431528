package dev.assay.metrics.llm;

import dev.assay.spark.MergeLawTest.Law;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

/**
 * The llm family's states for {@code MergeLawTest}: merge, identity and a random sample each.
 * Doubles are multiples of 1/8 so their sums are exact; variant samples stay below {@link
 * VariantState#MAX_VARIANTS} (past it the kept values depend on the merge order, but the run then
 * stops as bad input).
 */
public final class LlmStateLaws {

  private LlmStateLaws() {}

  private static long n(Random r) {
    return r.nextInt(20);
  }

  private static double x(Random r) {
    return r.nextInt(64) / 8.0;
  }

  private static long[] longs(Random r, int size) {
    return LongStream.generate(() -> n(r)).limit(size).toArray();
  }

  private static double[] doubles(Random r, int size) {
    return DoubleStream.generate(() -> x(r)).limit(size).toArray();
  }

  public static Law<?> overlap() {
    return Law.of(
        "llm.OverlapState", OverlapState::merge, OverlapState.EMPTY, LlmStateLaws::overlap);
  }

  public static Law<?> safety() {
    return Law.of("llm.SafetyState", SafetyState::merge, SafetyState.EMPTY, LlmStateLaws::safety);
  }

  public static Law<?> lengths() {
    return Law.of("llm.LengthState", LengthState::merge, LengthState.EMPTY, LlmStateLaws::lengths);
  }

  public static Law<?> format() {
    return Law.of("llm.FormatState", FormatState::merge, FormatState.EMPTY, LlmStateLaws::format);
  }

  public static Law<?> scans() {
    return Law.of("llm.ScanState", ScanState::merge, ScanState.EMPTY, LlmStateLaws::scans);
  }

  public static Law<?> retrieval() {
    return Law.of(
        "llm.RetrievalState", RetrievalState::merge, RetrievalState.EMPTY, LlmStateLaws::retrieval);
  }

  public static Law<?> support() {
    return Law.of(
        "llm.SupportState", SupportState::merge, SupportState.EMPTY, LlmStateLaws::support);
  }

  public static Law<?> variants() {
    return Law.of(
        "llm.VariantState", VariantState::merge, VariantState.EMPTY, LlmStateLaws::variants);
  }

  public static Law<?> semantic() {
    return Law.of(
        "llm.SemanticState", SemanticState::merge, SemanticState.EMPTY, LlmStateLaws::semantic);
  }

  public static Law<?> all() {
    return Law.of(
        "llm.LlmState",
        LlmState::merge,
        LlmState.EMPTY,
        r ->
            new LlmState(
                n(r),
                overlap(r),
                safety(r),
                lengths(r),
                format(r),
                scans(r),
                retrieval(r),
                support(r),
                variants(r),
                semantic(r)));
  }

  private static OverlapState overlap(Random r) {
    return new OverlapState(
        n(r), longs(r, Bleu.SIZE), longs(r, Chrf.SIZE), x(r), x(r), x(r), x(r), n(r), x(r));
  }

  private static SafetyState safety(Random r) {
    return new SafetyState(n(r), n(r), n(r), n(r));
  }

  private static LengthState lengths(Random r) {
    long a = n(r);
    long b = a + n(r);
    return new LengthState(1 + n(r), a + b + n(r), a, b);
  }

  private static FormatState format(Random r) {
    return new FormatState(n(r), n(r), n(r), n(r));
  }

  private static ScanState scans(Random r) {
    return new ScanState(n(r), longs(r, 3), n(r), n(r));
  }

  private static RetrievalState retrieval(Random r) {
    return new RetrievalState(n(r), n(r), n(r), doubles(r, Retrieval.NAMES.size()));
  }

  private static SupportState support(Random r) {
    return new SupportState(doubles(r, 4), longs(r, 4), n(r), n(r), n(r), n(r), n(r));
  }

  private static SemanticState semantic(Random r) {
    TreeMap<String, java.util.List<SemanticState.Moments>> map = new TreeMap<>();
    for (String v : new String[] {"he", "she"}) {
      if (r.nextBoolean()) {
        map.put(v, moments(r));
      }
    }
    return new SemanticState(moments(r), map);
  }

  private static java.util.List<SemanticState.Moments> moments(Random r) {
    return java.util.stream.Stream.generate(() -> new SemanticState.Moments(n(r), x(r), x(r)))
        .limit(SemanticState.NAMES.size())
        .toList();
  }

  private static VariantState variants(Random r) {
    TreeMap<String, VariantState.Sums> map = new TreeMap<>();
    for (String v : new String[] {"he", "she", "they"}) {
      if (r.nextBoolean()) {
        map.put(v, new VariantState.Sums(n(r), n(r), n(r), n(r), x(r), n(r), x(r)));
      }
    }
    return new VariantState(map, false, n(r));
  }
}
