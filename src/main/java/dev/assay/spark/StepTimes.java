package dev.assay.spark;

import dev.assay.core.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where an audit's wall time went, step by step (spec load, session start, input read, each family,
 * the rules, each output), for the table {@code audit -v} prints. Steps of different families may
 * run at the same time, so their seconds can add up to more than the total. Thread-safe: concurrent
 * family steps record into one instance.
 */
public final class StepTimes {

  /**
   * One timed step: its name ("family: what"), wall nanoseconds and Spark jobs (-1: not counted).
   */
  public record Step(String name, long nanos, int jobs) {}

  private final List<Step> steps = new ArrayList<>();
  private final long start = System.nanoTime();

  /** Runs {@code work} and records its wall time under {@code name}. */
  public <T> T time(String name, Supplier<T> work) {
    long begin = System.nanoTime();
    try {
      return work.get();
    } finally {
      add(name, System.nanoTime() - begin, -1);
    }
  }

  /** Records a step measured elsewhere. */
  public synchronized void add(String name, long nanos, int jobs) {
    steps.add(new Step(name, nanos, jobs));
  }

  /** The steps recorded so far, in the order they ended. */
  public synchronized List<Step> steps() {
    return List.copyOf(steps);
  }

  /** The table: a header, one line per step, and the total since this instance was made. */
  public List<String> table() {
    List<Step> all = steps();
    List<String> lines = new ArrayList<>();
    lines.add("Step timings (wall seconds; family steps may overlap):");
    lines.add(row("step", "seconds", "Spark jobs"));
    for (Step step : all) {
      lines.add(
          row(
              SafeText.line(step.name()),
              seconds(step.nanos()),
              step.jobs() < 0 ? "" : Integer.toString(step.jobs())));
    }
    lines.add(row("total", seconds(System.nanoTime() - start), ""));
    return lines;
  }

  private static String row(String name, String seconds, String jobs) {
    return String.format(Locale.ROOT, "  %-56s %8s %10s", name, seconds, jobs).stripTrailing();
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
  }
}
