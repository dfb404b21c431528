package dev.assay.cli;

import dev.assay.Audit;
import dev.assay.core.AuditRun;
import dev.assay.core.BadInputException;
import dev.assay.history.HistoryStore;
import dev.assay.io.LocalDigests;
import dev.assay.policy.PolicyInputs;
import dev.assay.publish.BlobLocation;
import dev.assay.publish.BlobPublisher;
import dev.assay.publish.DirectoryPublisher;
import dev.assay.publish.OutputFolder;
import dev.assay.report.ReportBundle;
import dev.assay.report.ReportFile;
import dev.assay.signing.ManifestSigner;
import dev.assay.signing.Signers;
import dev.assay.spark.Progress;
import dev.assay.spark.StepTimes;
import dev.assay.spec.ResolvedSpec;
import dev.assay.spec.SpecLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay audit SPEC}: runs one audit and writes its report; exit 0 (PASS) or 1 (FAIL). */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Run one audit and write report.html, results.json, junit.xml, summary.md and"
            + " manifest.json. Exit 0 when every blocking rule holds, 1 when one fails, 2 on bad"
            + " input, 3 when the run fails.")
final class AuditCommand implements Callable<Integer> {

  /** The server's context when an {@code assay serve} driver runs this audit; null otherwise. */
  private final ServedAudit served;

  AuditCommand() {
    this(null);
  }

  AuditCommand(ServedAudit served) {
    this.served = served;
  }

  @Spec CommandSpec commandSpec;

  @Parameters(index = "0", paramLabel = "SPEC", description = "the audit spec (YAML or JSON)")
  Path spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "output folder (default: reports/<name>/)")
  Path out;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master, e.g. local[4] or spark://host:7077")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting; repeatable")
  List<String> conf = List.of();

  @Option(
      names = "--waivers",
      paramLabel = "FILE",
      description = "waivers to apply (rule, scope, reason, approver, expiry)")
  Path waivers;

  @Option(
      names = "--baseline",
      paramLabel = "RESULTS.json",
      description =
          "an earlier run's results.json: rule messages show the earlier value and the change")
  Path baseline;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "blocking",
      description = "blocking (default) or warning: which failed rules close the gate")
  String failOn;

  @Option(
      names = "--records",
      paramLabel = "DIR",
      description =
          "also write the llm family's per-record scores (every row with sentence BLEU,"
              + " chrF, ROUGE, exact match, token F1, refusal and injection flags) as Parquet to DIR")
  Path records;

  @Option(
      names = "--upload",
      paramLabel = "URI",
      description =
          "also publish the report to Azure Blob Storage:"
              + " https://ACCOUNT.blob.core.windows.net/CONTAINER/PREFIX[?SAS] or the emulator's"
              + " http://127.0.0.1:10000/devstoreaccount1/CONTAINER/PREFIX; credentials from the SAS,"
              + " AZURE_STORAGE_CONNECTION_STRING or DefaultAzureCredential. Exit 3 if the upload fails.")
  String upload;

  @Option(
      names = "--progress",
      description =
          "also print, every 10 s, the completed and total tasks of a long step's Spark"
              + " stages (on by default on a terminal)")
  boolean progress;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "print Spark's own INFO logging on standard error (off by default: it goes to"
              + " a log file), and a table of each step's wall time after the report is written")
  boolean verbose;

  @Option(
      names = "--pdf",
      description =
          "also write report.pdf beside report.html: the same page laid out on A4 by"
              + " its print stylesheet, with no browser; listed in manifest.json")
  boolean pdf;

  @Option(
      names = "--sign",
      paramLabel = "KEY",
      description =
          "sign manifest.json with KEY, an unencrypted PKCS#8 PEM private key file (Ed25519 or"
              + " ECDSA P-256) or an Azure Key Vault P-256 key"
              + " azure-keyvault://VAULT.vault.azure.net/keys/NAME/VERSION (bearer token in"
              + " ASSAY_KEYVAULT_TOKEN), and write manifest.sig beside it; assay verify"
              + " --public-key checks it")
  String sign;

  @Option(
      names = "--history",
      paramLabel = "LOCATION",
      description =
          "append this run's metrics and verdicts to the metric history at LOCATION (a folder,"
              + " or an abfss:// or wasbs:// URI; delta:LOCATION for a Delta table; created on"
              + " the first run); rules with"
              + " must_not_worsen_by or anomaly compare with its earlier runs of the same audit,"
              + " and the report draws their trends (docs/history.md)")
  String history;

  @Option(
      names = "--server",
      paramLabel = "SOCKET",
      description =
          "run the audit on the 'assay serve' driver listening at SOCKET: a warm JVM and"
              + " Spark session, seconds instead of a cold start. The server reads the inputs and"
              + " writes the report (relative paths are this directory's), with its own"
              + " environment and Spark settings")
  Path server;

  @Option(
      names = {"-q", "--quiet"},
      description = "print only the verdict line (errors still go to standard error)")
  boolean quiet;

  @Override
  public Integer call() {
    if (server != null) {
      return forward();
    }
    resolvePaths();
    if (served != null) {
      checkServedOptions();
    }
    if (!failOn.equals("blocking") && !failOn.equals("warning")) {
      throw new BadInputException(
          "--fail-on must be 'blocking' or 'warning', not '" + failOn + "'.");
    }
    if (waivers != null && !waivers.toFile().isFile()) {
      throw new BadInputException("--waivers " + waivers + ": no such file.");
    }
    if (baseline != null && !baseline.toFile().isFile()) {
      throw new BadInputException("--baseline " + baseline + ": no such file.");
    }
    // Checked before any Spark job: a bad URI or unusable credentials are exit 2, early.
    BlobPublisher blob =
        upload == null ? null : BlobPublisher.connect(BlobLocation.parse(upload), System.getenv());
    ManifestSigner signer = sign == null ? null : Signers.of(sign); // a bad key: exit 2, early
    HistoryStore historyStore = history == null ? null : HistoryLocation.open(history, conf);
    if (historyStore != null) {
      historyStore.check(); // a file, a bad scheme, a damaged part, no Delta: exit 2, early
    }
    StepTimes times = new StepTimes();
    ResolvedSpec resolved =
        times.time(
            "spec: load the spec, rules and waivers",
            () -> {
              ResolvedSpec loaded = new SpecLoader(SpecLoader.defaultProjectRules()).load(spec);
              // bad policy files: exit 2 before Spark
              PolicyInputs.load(loaded.ruleFiles(), waivers, baseline);
              return loaded;
            });
    Path target =
        out != null ? out : workingDirectory().resolve("reports").resolve(resolved.name());
    // Checked and locked before any Spark work: a report folder that cannot take the report, or
    // would land in the data, is exit 2 in a second, not exit 3 after the whole audit.
    try (OutputFolder folder =
        OutputFolder.claim(target, "--out", OutputInputs.of(resolved, records))) {
      if (!quiet) {
        folder.notes().forEach(note -> Console.out("Note: " + note));
      }
      AuditRun run;
      if (served == null) { // a server's JIT serves every later audit: C2 stays
        SmallInputJit.applyIfSmall(resolved); // embedded mode, small local inputs: C1 only
      }
      Audit audit =
          Audit.of(resolved)
              .withWaivers(waivers)
              .withBaseline(baseline)
              .failOnWarning(failOn.equals("warning"))
              .withRecords(records)
              .withHistory(historyStore)
              .withProgress(
                  quiet
                      ? Progress.silent()
                      : Progress.to(System.out, progress || terminal()).withTimes(times));
      SessionScope.Stopping stopping;
      // the manifest's SHA-256 of the local inputs, on a daemon thread while Spark starts and the
      // data is read, instead of after the scan; stopped however the audit ends
      try (LocalDigests digests =
          LocalDigests.start(
              audit.evidenceInputs().stream().map(Audit.EvidenceInput::location).toList())) {
        SessionScope session =
            times.time(
                "session: start Spark",
                () ->
                    served == null
                        ? SessionScope.open(master, SessionScope.settings(conf), verbose)
                        : SessionScope.isolated(served.spark(), SessionScope.settings(conf)));
        try {
          run = audit.withDigests(digests).run(session.spark());
        } catch (Throwable e) { // as try-with-resources: stopped before the failure goes on
          try {
            session.close();
          } catch (Throwable suppressed) {
            e.addSuppressed(suppressed);
          }
          throw e;
        }
        // the outputs need no Spark: the session stops beside their writing, not before it
        stopping = session.stopInBackground();
      }
      try (stopping) {
        return writeOutputs(run, folder, target, signer, blob, times);
      }
    }
  }

  /** Hands this command line to the server at {@link #server}; returns the audit's exit code. */
  private int forward() {
    if (served != null) {
      throw new BadInputException("--server: this audit already runs on an Assay server.");
    }
    List<String> args = commandSpec.root().commandLine().getParseResult().originalArgs();
    return ServeClient.run(
        server,
        ServeClient.withoutServer(args),
        Path.of("").toAbsolutePath(),
        System.console() != null,
        System.out,
        System.err);
  }

  /** Where relative paths resolve: the client's folder for a served audit, else this process's. */
  private Path workingDirectory() {
    return served == null ? Path.of("") : served.workingDirectory();
  }

  private boolean terminal() {
    return served == null ? System.console() != null : served.terminal();
  }

  /**
   * The command line's paths against {@link #workingDirectory()} (unchanged on the command line).
   */
  private void resolvePaths() {
    Path base = workingDirectory();
    spec = base.resolve(spec);
    out = out == null ? null : base.resolve(out);
    waivers = waivers == null ? null : base.resolve(waivers);
    baseline = baseline == null ? null : base.resolve(baseline);
    records = records == null ? null : base.resolve(records);
    sign = sign == null ? null : LocalLocation.resolve(base, sign);
    history = history == null ? null : LocalLocation.resolve(base, history);
  }

  /**
   * A served audit runs on the server's Spark: its master and cluster settings are the server's,
   * and only settings of its own session ({@code spark.sql.*}) can differ from audit to audit.
   */
  private void checkServedOptions() {
    if (master != null) {
      throw new BadInputException(
          "--master: a served audit runs on the server's Spark master; give --master to assay"
              + " serve instead.");
    }
    for (String key : SessionScope.settings(conf).keySet()) {
      if (!key.startsWith("spark.sql.")) {
        throw new BadInputException(
            "--conf "
                + key
                + ": a served audit takes only spark.sql.* settings (its own session's); give"
                + " other settings to assay serve instead.");
      }
    }
  }

  /** A path as the user gave it: relative to their folder when a server runs the audit. */
  private Path shown(Path path) {
    Path base = workingDirectory();
    return served != null && path.startsWith(base) ? base.relativize(path) : path;
  }

  /** Writes the report files, prints the verdict lines, uploads; returns the exit code. */
  private int writeOutputs(
      AuditRun run,
      OutputFolder folder,
      Path target,
      ManifestSigner signer,
      BlobPublisher blob,
      StepTimes times) {
    // Streamed into staging files: however many metric rows, no output is built whole in memory.
    List<ReportFile> files =
        TimedFiles.of(ReportBundle.files(run, pdf, Signers.status(signer)), times);
    DirectoryPublisher local = new DirectoryPublisher(folder.directory());
    local.publish(files); // the local report always comes first
    List<String> names = SignedNames.of(files, folder.directory(), signer);
    if (verbose && !quiet) {
      times.table().forEach(Console::out);
    }
    VerdictLines.of(run, shown(target.resolve("report.html")), quiet).forEach(Console::out);
    if (blob != null) {
      QuietLogs.silenceAzure();
      // the very bytes of the local report, so manifest.json's hashes hold for the uploaded copy;
      // on failure: exit 3, after the verdict lines above
      URI published = blob.publish(local.read(names));
      if (!quiet) {
        Console.out("Uploaded: " + published + "/report.html (" + blob.credentialSource() + ")");
      }
    }
    if (!quiet) {
      Console.out(run.passed() ? "Gate open: exit 0." : "Gate closed: exit 1.");
    }
    return run.exitCode();
  }
}
