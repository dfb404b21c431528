package dev.assay.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule's {@code must} demands of a metric value: a comparison with one threshold ({@code >=
 * 0.8}) or an inclusive range ({@code between 0.8 and 1.25}). Kept as data, not code, so the report
 * can print exactly what was checked.
 */
public sealed interface Condition permits Condition.Comparison, Condition.Between {

  /** A plain decimal number, optionally signed, with an optional exponent. No NaN, no infinity. */
  String NUMBER = "[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?";

  /** True when {@code value} satisfies the condition. */
  boolean holds(double value);

  /**
   * Which way is better for a value under this condition: +1 when higher values are better ({@code
   * >}, {@code >=}), -1 when lower are ({@code <}, {@code <=}), 0 when the condition says neither
   * ({@code ==}, {@code between}). Rules over the change from a baseline need it.
   */
  int betterDirection();

  /**
   * How far {@code value} is from meeting the condition: positive when it fails (the larger, the
   * further), zero or negative when it holds. With {@code >=} or {@code >} the threshold minus the
   * value, with {@code <=} or {@code <} the value minus the threshold, with {@code ==} the
   * distance, with {@code between} the distance outside the range (negative inside). It ranks
   * values, e.g. the time chunks of {@code chunks: worst}.
   */
  default double shortfall(double value) {
    java.util.List<Double> t = thresholds();
    if (betterDirection() != 0) {
      return -betterDirection() * (value - t.get(0));
    }
    return t.size() == 2
        ? Math.max(t.get(0) - value, value - t.get(1))
        : Math.abs(value - t.get(0));
  }

  /** The numbers the condition compares with, for drawing (one, or the two bounds). */
  java.util.List<Double> thresholds();

  /**
   * Parses a {@code must} text.
   *
   * @throws IllegalArgumentException saying what is wrong and what is allowed, when the text is not
   *     a comparator followed by a number or {@code between A and B} with {@code A <= B}
   */
  static Condition parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    Matcher between =
        Pattern.compile("between\\s+(\\S+)\\s+and\\s+(\\S+)", Pattern.CASE_INSENSITIVE)
            .matcher(trimmed);
    if (between.matches()) {
      double low = number(between.group(1), trimmed);
      double high = number(between.group(2), trimmed);
      if (low > high) {
        throw new IllegalArgumentException(
            "'"
                + trimmed
                + "' has its bounds reversed; write 'between "
                + between.group(2)
                + " and "
                + between.group(1)
                + "'");
      }
      return new Between(low, high);
    }
    for (Operator operator : Operator.byLongestSymbol()) {
      if (trimmed.startsWith(operator.symbol())) {
        String rest = trimmed.substring(operator.symbol().length()).trim();
        return new Comparison(operator, number(rest, trimmed));
      }
    }
    throw new IllegalArgumentException(
        "'"
            + trimmed
            + "' is not a condition; write a comparator "
            + "(<, <=, >, >=, ==) followed by a number, such as '>= 0.8', or 'between A and B'");
  }

  private static double number(String text, String whole) {
    if (!text.matches(NUMBER)) {
      throw new IllegalArgumentException(
          "'"
              + whole
              + "': threshold '"
              + text
              + "' is not a number; "
              + "write a decimal number such as 0.8");
    }
    return Double.parseDouble(text);
  }

  /** A comparator between the metric value (on the left) and a threshold. */
  enum Operator {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("==");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    boolean test(double value, double threshold) {
      return switch (this) {
        case LESS -> value < threshold;
        case LESS_OR_EQUAL -> value <= threshold;
        case GREATER -> value > threshold;
        case GREATER_OR_EQUAL -> value >= threshold;
        case EQUAL -> value == threshold;
      };
    }

    /**
     * Two-character symbols first, so {@code >=} is not read as {@code >} followed by {@code =}.
     */
    static Operator[] byLongestSymbol() {
      return new Operator[] {LESS_OR_EQUAL, GREATER_OR_EQUAL, EQUAL, LESS, GREATER};
    }
  }

  /** {@code value <op> threshold}. */
  record Comparison(Operator operator, double threshold) implements Condition {

    @Override
    public boolean holds(double value) {
      return operator.test(value, threshold);
    }

    @Override
    public java.util.List<Double> thresholds() {
      return java.util.List.of(threshold);
    }

    @Override
    public int betterDirection() {
      return switch (operator) {
        case GREATER, GREATER_OR_EQUAL -> 1;
        case LESS, LESS_OR_EQUAL -> -1;
        case EQUAL -> 0;
      };
    }
  }

  /** {@code low <= value <= high}, both bounds inclusive. */
  record Between(double low, double high) implements Condition {

    @Override
    public boolean holds(double value) {
      return value >= low && value <= high;
    }

    @Override
    public java.util.List<Double> thresholds() {
      return java.util.List.of(low, high);
    }

    @Override
    public int betterDirection() {
      return 0;
    }
  }
}
