package dev.assay.core;

/**
 * How a report finding words a metric's value for a reader who is not an engineer, and whether a
 * rule's threshold on it reads as a percentage ("at least 80 %" rather than "at least 0.8").
 *
 * <p>A metric either has its own clause ("3 % of responses contain a refusal phrase ..."), from a
 * {@link #template} or, where the words depend on the value, a {@link Clause} function; or it uses
 * the report's {@link #GENERAL} sentence, which names the metric, its scope and its value and, for
 * a between-group disparity, the highest and lowest groups from its note.
 *
 * @param phrase the metric's own clause, or null for the general sentence
 * @param percentThreshold whether a rule's threshold on the metric is written as a percentage
 */
public record Wording(Clause phrase, boolean percentThreshold) {

  /** The report's general sentence: "for the group X of race, selection rate is 0.41". */
  public static final Wording GENERAL = new Wording(null, false);

  /** The metric's own clause for one observed value. */
  @FunctionalInterface
  public interface Clause {
    String of(Observation observation);
  }

  /**
   * A clause from a template: {@code {value}} is the value as the report writes numbers, {@code
   * {percent}} the value as a percentage, {@code {complement_percent}} 1 − value as one.
   */
  public static Wording template(String template) {
    return new Wording(
        o ->
            template
                .replace("{value}", o.number())
                .replace("{complement_percent}", o.complementPercent())
                .replace("{percent}", o.percent()),
        false);
  }

  /** A clause computed from the observation, for words that depend on the value or the note. */
  public static Wording of(Clause clause) {
    return new Wording(clause, false);
  }

  /** This wording with a rule's threshold written as a percentage. */
  public Wording asPercent() {
    return new Wording(phrase, true);
  }

  /** Whether the metric has its own clause rather than the general sentence. */
  public boolean hasClause() {
    return phrase != null;
  }

  /** The clause for {@code observation}, or null when the metric uses the general sentence. */
  public String clause(Observation observation) {
    return phrase == null ? null : phrase.of(observation);
  }
}
