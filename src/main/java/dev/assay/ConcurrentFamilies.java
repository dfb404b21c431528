package dev.assay;

import dev.assay.spark.Progress;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the families of one audit at the same time and hands their results over in a fixed order.
 * Each family's Spark jobs are independent of the others', so submitting them together lets one
 * family's driver work (planning, code generation, the roll-up) overlap another's tasks instead of
 * leaving the cores idle between jobs. Each family runs on its own thread, so its jobs carry its
 * own job group and description ({@link Progress#step}). Results are added to the {@link
 * FamilyResults} in submission order, and the families' console lines printed in that order, so
 * every output is the same as a serial run's; a failure is rethrown as the serial run would have
 * (the first family in order that failed), after every family has ended.
 */
final class ConcurrentFamilies implements AutoCloseable {

  /** One family's work: given its (deferring) progress, returns how to add its results. */
  @FunctionalInterface
  interface FamilyWork extends Function<Progress, Consumer<FamilyResults>> {}

  private record Pending(Future<Consumer<FamilyResults>> result, ByteArrayOutputStream lines) {}

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Progress progress;
  private final ExecutorService pool;
  private final List<Pending> pending = new ArrayList<>();

  /**
   * @param threads how many families run at once (1: one after the other)
   */
  ConcurrentFamilies(Progress progress, int threads) {
    this.progress = progress;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "assay-family-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts {@code work} on its own thread. */
  void submit(FamilyWork work) {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    Progress deferring = progress.deferring(lines);
    pending.add(new Pending(pool.submit(() -> work.apply(deferring)), lines));
  }

  /**
   * Waits for every family, then adds their results to {@code found} in submission order; rethrows
   * the first failure in that order.
   */
  void addTo(FamilyResults found) {
    List<Consumer<FamilyResults>> done = new ArrayList<>();
    Throwable failure = null;
    for (Pending p : pending) {
      try {
        done.add(p.result().get());
      } catch (ExecutionException e) {
        failure = failure == null ? e.getCause() : failure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = failure == null ? e : failure;
      }
      if (failure == null) {
        progress.replay(p.lines()); // as a serial run: the lines of the families before a failure
      }
    }
    if (failure != null) {
      throw ConcurrentFamilies.<RuntimeException>sneaky(failure);
    }
    done.forEach(add -> add.accept(found));
  }

  // Spark throws its checked SparkException undeclared: rethrown as it is, for ReadFailure.
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
