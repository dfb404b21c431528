package dev.assay.publish;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Azurite blob emulator for the tests: {@code @ExtendWith(Azurite.class)} starts one {@code
 * azurite-blob} (npm package {@value #PACKAGE}, through {@code npx}; {@code .ci/run} installs it
 * beforehand) on 127.0.0.1 at a free port with its data in a temp folder, shared by every test
 * class of the JVM and stopped, with its folder deleted, when the test run ends. Tests are skipped
 * (with the reason) only when {@code npx} is not installed; any other start failure fails them.
 */
public final class Azurite implements BeforeAllCallback {

  public static final String PACKAGE = "azurite@3.35.0";

  /** Azurite's built-in development account, documented by Microsoft (not a secret). */
  public static final String ACCOUNT = "devstoreaccount1";

  public static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static Instance instance;

  /** The running emulator: its port and connection string. */
  public record Instance(int port, Process process, Path folder, boolean tls)
      implements AutoCloseable {

    public Instance(int port, Process process, Path folder) {
      this(port, process, folder, false);
    }

    public String blobEndpoint() {
      return (tls ? "https" : "http") + "://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    public String connectionString() {
      return "DefaultEndpointsProtocol="
          + (tls ? "https" : "http")
          + ";AccountName="
          + ACCOUNT
          + ";AccountKey="
          + KEY
          + ";BlobEndpoint="
          + blobEndpoint()
          + ";";
    }

    @Override
    public void close() {
      List<ProcessHandle> children = process.descendants().toList();
      children.forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      deleteRecursively(folder);
    }
  }

  /** The shared emulator, started on first use. */
  public static synchronized Instance get() {
    if (instance == null) {
      instance = start();
      Instance started = instance;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return instance;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    get();
  }

  /**
   * A TCP port on 127.0.0.1 that nothing listens on (a closed port, for unreachable-storage tests).
   */
  public static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A separate Azurite serving HTTPS with the PEM certificate and key given (Azurite's {@code
   * --cert}/{@code --key}) and any {@code extra} arguments (e.g. {@code --oauth basic}); the caller
   * closes it. Skipped like {@link #get()} without npx.
   */
  public static Instance startTls(Path cert, Path key, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(List.of("--cert", cert.toString(), "--key", key.toString()));
    args.addAll(List.of(extra));
    return start(args, true);
  }

  private static Instance start() {
    return start(List.of(), false);
  }

  private static Instance start(List<String> extra, boolean tls) {
    String npx = onPath("npx");
    Assumptions.assumeTrue(
        npx != null,
        "npx (Node.js) is not installed: the Azurite tests are skipped. Install Node.js 20 and run"
            + " .ci/run's warm-up step (npx -y -p "
            + PACKAGE
            + " azurite-blob --version).");
    int port = closedPort();
    Path folder;
    try {
      folder = Files.createTempDirectory("assay-azurite-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Path log = folder.resolve("azurite.log");
    Process process;
    try {
      List<String> command =
          new java.util.ArrayList<>(
              List.of(
                  npx,
                  "-y",
                  "-p",
                  PACKAGE,
                  "azurite-blob",
                  "--blobHost",
                  "127.0.0.1",
                  "--blobPort",
                  Integer.toString(port),
                  "--location",
                  folder.resolve("data").toString(),
                  "--skipApiVersionCheck",
                  "--loose",
                  "--disableTelemetry"));
      command.addAll(extra);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start Azurite with " + npx, e);
    }
    Instance started = new Instance(port, process, folder, tls);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180); // first use downloads it
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String output = read(log);
        started.close();
        throw new IllegalStateException(
            "Azurite exited with " + process.exitValue() + ":\n" + output);
      }
      if (listening(port)) {
        return started;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    String output = read(log);
    started.close();
    throw new IllegalStateException(
        "Azurite did not listen on port " + port + " in time:\n" + output);
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output)";
    }
  }

  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder; the OS cleans it eventually
    }
  }
}
