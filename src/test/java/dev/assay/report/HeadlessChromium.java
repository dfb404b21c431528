package dev.assay.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium} in headless mode, for checking what a person sees in report.html. The
 * browser is fenced off from the network: every host name resolves to nothing and every request
 * goes to a closed loopback proxy, so even Chromium's own background requests never leave the
 * machine. A net log is written so that a test can list the requests the page itself made.
 */
final class HeadlessChromium {

  /** What one run printed: the DOM or nothing on stdout; console messages and logs on stderr. */
  record Run(String stdout, String stderr, Path netLog) {

    /** Lines of the page's console (console.* calls, uncaught errors, CSP reports). */
    List<String> consoleLines() {
      return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }
  }

  private final String executable;
  private final Path temp;

  private HeadlessChromium(String executable, Path temp) {
    this.executable = executable;
    this.temp = temp;
  }

  /** The browser, or the test is skipped (with how to install it) when it is not installed. */
  static HeadlessChromium find(Path temp) {
    String found = null;
    for (String name : List.of("chromium", "chromium-browser")) {
      found = found != null ? found : onPath(name);
    }
    Assumptions.assumeTrue(
        found != null,
        "chromium is not installed: the browser check of report.html is skipped (apt-get install -y chromium;"
            + " .ci/run installs it).");
    return new HeadlessChromium(found, temp);
  }

  /** The DOM after load ({@code --dump-dom}). */
  Run dumpDom(Path html) throws IOException, InterruptedException {
    return run(html, List.of("--dump-dom"));
  }

  /** A PNG screenshot of the first {@code width x height} pixels. */
  Run screenshot(Path html, Path png, int width, int height)
      throws IOException, InterruptedException {
    return run(
        html,
        List.of(
            "--screenshot=" + png.toAbsolutePath(),
            "--window-size=" + width + "," + height,
            "--hide-scrollbars"));
  }

  /**
   * The page printed to PDF with Chromium's own print path ({@code --print-to-pdf}, no header or
   * footer), at Chromium's default paper unless the page's {@code @page} sets a size.
   */
  Run printToPdf(Path html, Path pdf) throws IOException, InterruptedException {
    return run(html, List.of("--print-to-pdf=" + pdf.toAbsolutePath(), "--no-pdf-header-footer"));
  }

  /**
   * Loads the page in a window {@code width} px wide and lets its scripts run for up to {@code
   * budgetMs} of virtual time (for a test copy of the page that carries a checking script;
   * report.html itself has none); what the script logs is in {@link Run#consoleLines()}.
   */
  Run runScripts(Path html, int width, int budgetMs) throws IOException, InterruptedException {
    return run(
        html,
        List.of(
            "--window-size=" + width + ",900",
            "--hide-scrollbars",
            "--virtual-time-budget=" + budgetMs,
            "--dump-dom"));
  }

  private Run run(Path html, List<String> action) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(temp, "chromium-run-");
    Path netLog = dir.resolve("net-log.json");
    List<String> command =
        new ArrayList<>(
            List.of(
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-default-apps",
                "--no-default-browser-check",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--proxy-server=http://127.0.0.1:9",
                "--proxy-bypass-list=<-loopback>",
                "--user-data-dir=" + dir.resolve("profile"),
                "--enable-logging=stderr",
                "--v=0",
                "--log-net-log=" + netLog));
    command.addAll(action);
    command.add(html.toAbsolutePath().toUri().toString());
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new IllegalStateException("chromium did not finish in 90 s: " + command);
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "chromium exited with " + process.exitValue() + ":\n" + stderr);
    }
    return new Run(Files.readString(out, StandardCharsets.UTF_8), stderr, netLog);
  }

  private static String onPath(String program) {
    String path = System.getenv("PATH");
    for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
