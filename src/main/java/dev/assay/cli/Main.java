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
 * becomes one message on standard error and the contract's exit code (0 gate open, 1 gate closed, 2
 * bad usage or input, 3 the run failed), never a stack trace, and never a secret: every message is
 * {@linkplain Secrets#scrub scrubbed}, and so is every line on the console ({@link
 * ScrubbedConsole}).
 */
@Command(
    name = "assay",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionText.class,
    description =
        "Responsible-AI audits on Apache Spark: fairness, drift, privacy and LLM quality,"
            + " checked against policy rules.",
    subcommands = {
      AuditCommand.class,
      VerifyCommand.class,
      RulesCommand.class,
      DemoDataCommand.class,
      BenchCommand.class,
      SchemaCommand.class,
      HistoryCommand.class,
      ServeCommand.class
    },
    exitCodeOnInvalidInput = 2,
    exitCodeOnExecutionException = 3)
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code;
    try {
      code = run(args);
    } catch (Throwable t) {
      code = Crash.report(t, new PrintWriter(System.err, true));
    }
    System.exit(code);
  }

  /**
   * Runs the command line and returns the exit code (tests call this). Any {@link Throwable} that
   * picocli's execution-exception handler does not see (an {@link Error} such as {@link
   * OutOfMemoryError}, or one thrown while parsing) is exit 3 with one line, never exit 1, which
   * means the gate closed.
   */
  public static int run(String... args) {
    try (ScrubbedConsole console = ScrubbedConsole.install()) { // no secret reaches the terminal
      return execute(new CommandLine(new Main()), args);
    }
  }

  /**
   * Runs a client's {@code audit} command line on an {@code assay serve} driver ({@link
   * AuditServer}), as {@link #run} does on the command line; any other command is exit 2.
   */
  static int runServed(ServedAudit served, String... args) {
    try (ScrubbedConsole console = ScrubbedConsole.install()) {
      if (args.length == 0 || !args[0].equals("audit")) {
        System.err.println("assay: error: an Assay server runs audits only: assay audit SPEC ...");
        return 2;
      }
      CommandLine.IFactory factory =
          new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
              return type == AuditCommand.class
                  ? type.cast(new AuditCommand(served))
                  : CommandLine.defaultFactory().create(type);
            }
          };
      return execute(new CommandLine(new Main(), factory), args);
    }
  }

  /** Executes {@code cli} with the contract's exit codes (tests pass a command that crashes). */
  static int execute(CommandLine cli, String... args) {
    cli.setExecutionExceptionHandler(Main::handle);
    try {
      return cli.execute(args);
    } catch (Throwable t) {
      return Crash.report(t, cli.getErr());
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
      err.println(
          "assay: "
              + (known.exitCode() == 2 ? "error: " : "run failed: ")
              + message(Secrets.scrub(known.getMessage()))
              + QuietLogs.pointer());
      err.flush();
      return known.exitCode();
    }
    return Crash.report(e, err);
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

  /** {@code assay --version}. */
  static final class VersionText implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {Version.describe()};
    }
  }
}
