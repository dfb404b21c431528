package dev.assay.cli;

import dev.assay.core.RunFailedException;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code assay audit ... --server SOCKET}: hands the audit to an {@code assay serve} driver and
 * prints what it prints. No Spark is loaded in the client's JVM; the server reads the spec and the
 * data, resolving relative paths against the client's working directory, and writes the report.
 */
final class ServeClient {

  private ServeClient() {}

  /**
   * Runs the audit of {@code args} (the whole command line, {@code --server} left out) on the
   * server at {@code socket}.
   *
   * @return the audit's exit code
   * @throws RunFailedException when no server listens there, or it went away before the verdict
   */
  static int run(
      Path socket,
      List<String> args,
      Path workingDirectory,
      boolean terminal,
      OutputStream out,
      OutputStream err) {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    } catch (IOException | UnsupportedOperationException e) {
      throw new RunFailedException(
          "--server "
              + socket
              + ": no Assay server listens there ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "). Start one with: ./submit.sh serve --socket "
              + socket,
          e);
    }
    try (channel) {
      ServeWire.write(
          new ServeWire.Request(workingDirectory.toAbsolutePath(), terminal, args),
          Channels.newOutputStream(channel));
      return ServeWire.relay(Channels.newInputStream(channel), out, err);
    } catch (EOFException e) {
      throw new RunFailedException(
          "--server " + socket + ": the server stopped before the audit ended (see its console).",
          e);
    } catch (IOException e) {
      throw new RunFailedException("--server " + socket + ": " + e.getMessage(), e);
    }
  }

  /** {@code args} without {@code --server SOCKET} (or {@code --server=SOCKET}). */
  static List<String> withoutServer(List<String> args) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--server")) {
        i++; // and its value
      } else if (!arg.startsWith("--server=")) {
        kept.add(arg);
      }
    }
    return kept;
  }
}
