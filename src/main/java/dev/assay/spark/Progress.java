package dev.assay.spark;

import dev.assay.core.SafeText;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;

/**
 * The audit's steps, visible where the engineer looks. Each step runs its Spark jobs under a job
 * group whose description names the family and the step ("fairness: per-group counts ..."), so the
 * Spark UI and the event log say which family a job belongs to; when the step ends one console line
 * gives its elapsed time and its number of Spark jobs, so a CI log shows where the minutes went.
 * With {@code live} (a terminal, or {@code --progress}), a step that runs longer than the interval
 * also prints, every interval, the completed and total tasks of its active stages, read from
 * Spark's status tracker. Descriptions are fixed words chosen by the caller: no data value, path or
 * URI goes into them (a URI can carry a SAS token).
 */
public final class Progress {

  /** How often a long step reports its tasks when live. */
  static final long INTERVAL_SECONDS = 10;

  private static final AtomicInteger GROUPS = new AtomicInteger();

  private final PrintStream out;
  private final boolean live;
  private final long intervalMillis;
  // where a finished step's line goes: out, or a buffer replayed later (see deferring)
  private final PrintStream ends;
  private final StepTimes times;

  private Progress(PrintStream out, boolean live, long intervalMillis) {
    this(out, live, intervalMillis, out, null);
  }

  private Progress(
      PrintStream out, boolean live, long intervalMillis, PrintStream ends, StepTimes times) {
    this.out = out;
    this.live = live;
    this.intervalMillis = intervalMillis;
    this.ends = ends;
    this.times = times;
  }

  /** A copy that also records every step's wall time and job count in {@code value}. */
  public Progress withTimes(StepTimes value) {
    return new Progress(out, live, intervalMillis, ends, value);
  }

  /**
   * A copy whose finished-step lines go to {@code buffer} instead of the console (live task counts
   * still go to the console), to be {@link #replay replayed} later: steps run concurrently then
   * print their lines in a fixed order.
   */
  public Progress deferring(ByteArrayOutputStream buffer) {
    PrintStream deferred =
        out == null ? null : new PrintStream(buffer, true, StandardCharsets.UTF_8);
    return new Progress(out, live, intervalMillis, deferred, times);
  }

  /** Prints the lines a {@link #deferring} copy kept in {@code buffer}. */
  public void replay(ByteArrayOutputStream buffer) {
    if (ends != null && buffer.size() > 0) {
      ends.print(buffer.toString(StandardCharsets.UTF_8));
      ends.flush();
    }
  }

  /** Prints {@code line} (prefixed {@code assay: }) where finished steps' lines go, if anywhere. */
  public void note(String line) {
    if (ends != null) {
      ends.println("assay: " + line);
      ends.flush();
    }
  }

  /** Runs {@code work}, Spark-free, recording its time as step "{@code family}: {@code what}". */
  public <T> T timed(String family, String what, Supplier<T> work) {
    return times == null ? work.get() : times.time(family + ": " + what, work);
  }

  /** Job groups and descriptions only: nothing printed (tests, library use). */
  public static Progress silent() {
    return new Progress(null, false, 0);
  }

  /**
   * One line per finished step on {@code out}; with {@code live}, task counts of long steps too.
   */
  public static Progress to(PrintStream out, boolean live) {
    return new Progress(out, live, TimeUnit.SECONDS.toMillis(INTERVAL_SECONDS));
  }

  /** As {@link #to}, live with the given interval (tests). */
  static Progress every(PrintStream out, long intervalMillis) {
    return new Progress(out, true, intervalMillis);
  }

  /**
   * Runs {@code work} as one step: its Spark jobs carry the group and the description "{@code
   * family}: {@code what}"; its end is printed with the elapsed time and the job count.
   */
  public <T> T step(SparkSession spark, String family, String what, Supplier<T> work) {
    String group = "assay-" + GROUPS.incrementAndGet() + "-" + family;
    String description = family + ": " + what;
    var context = spark.sparkContext();
    context.setJobGroup(group, description, false);
    long start = System.nanoTime();
    ScheduledExecutorService ticker = live && out != null ? ticker(family) : null;
    ScheduledFuture<?> ticks =
        ticker == null
            ? null
            : ticker.scheduleAtFixedRate(
                () -> printTasks(context.statusTracker(), group, family, start),
                intervalMillis,
                intervalMillis,
                TimeUnit.MILLISECONDS);
    try {
      T result = work.get();
      int jobs = context.statusTracker().getJobIdsForGroup(group).length;
      if (times != null) {
        times.add(description, System.nanoTime() - start, jobs);
      }
      if (ends != null) {
        ends.println(
            "assay: "
                + SafeText.line(description)
                + " — "
                + seconds(start)
                + ", "
                + jobs
                + (jobs == 1 ? " Spark job" : " Spark jobs"));
        ends.flush();
      }
      return result;
    } finally {
      if (ticks != null) {
        ticks.cancel(false);
        ticker.shutdownNow();
      }
      context.clearJobGroup();
    }
  }

  /** A step without a result. */
  public void step(SparkSession spark, String family, String what, Runnable work) {
    step(
        spark,
        family,
        what,
        () -> {
          work.run();
          return null;
        });
  }

  private void printTasks(SparkStatusTracker tracker, String group, String family, long start) {
    StringBuilder line = new StringBuilder();
    Set<Integer> active = new HashSet<>();
    for (int id : tracker.getActiveStageIds()) {
      active.add(id);
    }
    for (int jobId : tracker.getJobIdsForGroup(group)) {
      var job = tracker.getJobInfo(jobId);
      if (job.isEmpty()) {
        continue;
      }
      for (int stageId : job.get().stageIds()) {
        var stage = tracker.getStageInfo(stageId);
        if (active.contains(stageId) && stage.isDefined()) {
          SparkStageInfo s = stage.get();
          line.append(line.length() == 0 ? "" : "; ")
              .append("stage ")
              .append(stageId)
              .append(' ')
              .append(s.numCompletedTasks())
              .append('/')
              .append(s.numTasks())
              .append(" tasks");
        }
      }
    }
    out.println(
        "assay:   "
            + family
            + " running "
            + seconds(start)
            + (line.length() == 0 ? "" : ": " + line));
    out.flush();
  }

  private static ScheduledExecutorService ticker(String family) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "assay-progress-" + family);
          t.setDaemon(true);
          return t;
        });
  }

  private static String seconds(long startNanos) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }
}
