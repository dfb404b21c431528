package dev.assay.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Watches the client of a served audit while the audit runs: when the client goes away (Ctrl-C on a
 * CI job, a killed runner), the audit's running Spark jobs are cancelled and so is every job it
 * starts afterwards, so the server is free for the next client instead of finishing work nobody
 * will read. The audit then ends as a failed run (exit 3, which no one receives).
 *
 * <p>The client sends nothing after its request, so a read on its socket returns only at its end.
 * The server runs one audit at a time, so every job of the Spark context is this audit's.
 */
final class ClientWatch implements AutoCloseable {

  private final SparkContext spark;
  private final SparkListener cancelEveryJob;
  private boolean running = true;
  private boolean clientGone;

  private ClientWatch(SparkContext spark) {
    this.spark = spark;
    this.cancelEveryJob =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart job) {
            spark.cancelJob(job.jobId(), "the client of this served audit went away");
          }
        };
  }

  /** Starts watching {@code client} on a daemon thread. */
  static ClientWatch start(SocketChannel client, SparkContext spark) {
    ClientWatch watch = new ClientWatch(spark);
    Thread thread = new Thread(() -> watch.await(client), "assay-serve-client-watch");
    thread.setDaemon(true);
    thread.start();
    return watch;
  }

  private void await(SocketChannel client) {
    ByteBuffer ignored = ByteBuffer.allocate(64);
    try {
      while (client.read(ignored) >= 0) {
        ignored.clear();
      }
    } catch (IOException closed) {
      // the server closed the socket after the answer, or the client reset it
    }
    goneIfRunning();
  }

  private synchronized void goneIfRunning() {
    if (running) {
      clientGone = true;
      spark.addSparkListener(cancelEveryJob);
      spark.cancelAllJobs();
    }
  }

  /** Whether the client went away while the audit ran. */
  synchronized boolean clientGone() {
    return clientGone;
  }

  /** The audit is over: stop cancelling. */
  @Override
  public synchronized void close() {
    running = false;
    if (clientGone) {
      spark.removeSparkListener(cancelEveryJob);
    }
  }
}
