package dev.assay.cli;

import dev.assay.Version;
import dev.assay.core.AssayException;
import dev.assay.core.SafeText;
import dev.assay.core.Secrets;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code assay} command line. The only code that calls {@link System#exit}: every failure
 * becomes one message on standard error and the contract's exit code (0 gate open, 1 gate closed,
 * 2 bad usage or input, 3 the run failed), never a stack trace, and never a secret: every message
 * is {@linkplain Secrets#scrub scrubbed}, and so is every line on the console ({@link ScrubbedConsole}).
 */
@Command(name = "assay", mixinStandardHelpOptions = true, versionProvider = Main.VersionText.class,
    description = "Responsible-AI audits on Apache Spark: fairness, drift, privacy and LLM quality,"
        + " checked against policy rules.",
    subcommands = {AuditCommand.class, VerifyCommand.class, RulesCommand.class, DemoDataCommand.class, BenchCommand.class, SchemaCommand.class},
    exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 3)
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int run(String... args) {
    try (ScrubbedConsole console = ScrubbedConsole.install()) { // no secret reaches the terminal
      CommandLine cli = new CommandLine(new Main());
      cli.setExecutionExceptionHandler(Main::handle);
      return cli.execute(args);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    AssayException known = find(e);
    if (known != null) {
      err.println("assay: " + (known.exitCode() == 2 ? "error: " : "run failed: ")
          + message(Secrets.scrub(known.getMessage())) + QuietLogs.pointer());
      err.flush();
      return known.exitCode();
    }
    err.println("assay: run failed: " + e.getClass().getSimpleName() + ": "
        + SafeText.line(Secrets.scrub(firstLine(e.getMessage())))
        + "\n(set ASSAY_DEBUG=1 for the stack trace)" + QuietLogs.pointer());
    if (System.getenv("ASSAY_DEBUG") != null) {
      e.printStackTrace(err); // scrubbed line by line by ScrubbedConsole
    }
    err.flush();
    return 3;
  }

  /**
   * The message with every value escaped ({@link SafeText}); a message that lists problems one per
   * line keeps its lines, each after the first indented, so no line of it can pass for a line of
   * Assay's own output (which starts at the left margin).
   */
  static String message(String text) {
    if (text == null) {
      return "(no message)";
    }
    String[] lines = text.split("\r?\n", -1);
    StringBuilder out = new StringBuilder(SafeText.line(lines[0]));
    for (int i = 1; i < lines.length; i++) {
      String line = SafeText.line(lines[i]);
      out.append('\n').append(line.startsWith("  ") ? "" : "  ").append(line);
    }
    return out.toString();
  }

  private static AssayException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AssayException a) {
        return a;
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** {@code assay --version}. */
  static final class VersionText implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {Version.describe()};
    }
  }
}
