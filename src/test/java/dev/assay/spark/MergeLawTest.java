package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.metrics.llm.LlmStateLaws;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deequ's merge law for every mergeable state type: merge is associative and commutative and has
 * an identity, on random states. Sample generators use values whose sums are exact in floating
 * point (small multiples of 1/8), so the laws hold bit for bit; merge order matters for real
 * sums, which is why the runners merge in a fixed order.
 */
public class MergeLawTest {

  /**
   * One state type's law: its merge, its identity (the state of no rows) and a generator of random
   * states (as a fold of a few rows would give).
   */
  public record Law<S>(String name, BinaryOperator<S> merge, S identity, Function<Random, S> sample) {
  }

  /** The registry: one line per state type. */
  static Stream<Arguments> laws() {
    return Stream.of(
        LlmStateLaws.overlap(),
        LlmStateLaws.safety(),
        LlmStateLaws.lengths(),
        LlmStateLaws.format(),
        LlmStateLaws.scans(),
        LlmStateLaws.retrieval(),
        LlmStateLaws.support(),
        LlmStateLaws.variants(),
        LlmStateLaws.all()
    ).map(law -> Arguments.of(law.name(), law));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("laws")
  void associativeCommutativeWithIdentity(String name, Law<?> law) {
    check(law);
  }

  private static <S> void check(Law<S> law) {
    Random random = new Random(law.name().hashCode());
    BinaryOperator<S> m = law.merge();
    for (int i = 0; i < 50; i++) {
      S a = law.sample().apply(random);
      S b = law.sample().apply(random);
      S c = law.sample().apply(random);
      assertEquals(m.apply(m.apply(a, b), c), m.apply(a, m.apply(b, c)), law.name() + ": associative");
      assertEquals(m.apply(a, b), m.apply(b, a), law.name() + ": commutative");
      assertEquals(a, m.apply(a, law.identity()), law.name() + ": right identity");
      assertEquals(a, m.apply(law.identity(), a), law.name() + ": left identity");
    }
  }
}
