package dev.assay.metrics.drift;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A piece of a family's work run on a thread of its own beside the family's thread, so that its
 * Spark job and driver work overlap the family's other jobs. The thread is started from the
 * family's thread, so it inherits Spark's local properties (the family's job group and
 * description). {@link #join} returns the result, or rethrows the work's exception as it was
 * thrown, as a serial run would have at the same point.
 */
final class Beside<T> {

  private final FutureTask<T> task;

  private Beside(FutureTask<T> task) {
    this.task = task;
  }

  /** Starts {@code work} on a new daemon thread named {@code name}. */
  static <T> Beside<T> start(String name, Supplier<T> work) {
    FutureTask<T> task = new FutureTask<>(work::get);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return new Beside<>(task);
  }

  /** Waits for the work and returns its result. */
  T join() {
    try {
      return task.get();
    } catch (ExecutionException e) {
      throw Beside.<RuntimeException>sneaky(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + task, e);
    }
  }

  // Spark throws its checked SparkException undeclared: rethrown as it is, for ReadFailure.
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
