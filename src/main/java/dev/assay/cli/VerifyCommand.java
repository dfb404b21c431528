package dev.assay.cli;

import dev.assay.core.BadInputException;
import dev.assay.io.AzureStorageSettings;
import dev.assay.io.HadoopFiles;
import dev.assay.io.StorageDeadlines;
import dev.assay.publish.PublishedReport;
import dev.assay.report.Manifest;
import dev.assay.report.ManifestCheck;
import dev.assay.report.ManifestCheck.Finding;
import dev.assay.report.ManifestCheck.NotCheckable;
import dev.assay.report.ManifestCheck.Outcome;
import dev.assay.signing.PublicKeys;
import dev.assay.signing.SignatureCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code assay verify REPORT}: do the report files and inputs still match manifest.json? REPORT is
 * a report folder or the URL of a published copy ({@code --upload}'s forms).
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Check a report against its manifest.json: recompute the SHA-256 of results.json,"
            + " report.html, junit.xml and summary.md, and of the recorded inputs that can still be"
            + " read (local files; abfs://, abfss:// and other Hadoop URIs when credentials are"
            + " available); print each mismatch. REPORT is a report folder or the URL of a copy"
            + " published with --upload (https://ACCOUNT.blob.core.windows.net/CONTAINER/PREFIX,"
            + " optionally with a SAS token, or the emulator's http://HOST:PORT/ACCOUNT/CONTAINER/PREFIX)."
            + " Exit 0 when all match, 1 when any differs, 2 when the report or its manifest is"
            + " missing, 3 when the storage cannot be reached.")
final class VerifyCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "REPORT",
      description = "the report folder (an audit's --out) or the URL it was published to")
  String report;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description =
          "a Hadoop setting for reading"
              + " inputs recorded as URIs, as spark.hadoop.KEY=VALUE or KEY=VALUE; repeatable")
  List<String> conf = List.of();

  @Option(
      names = "--public-key",
      paramLabel = "FILE",
      description =
          "also check manifest.sig, the signature of manifest.json made by audit --sign, with this"
              + " public key (X.509 SubjectPublicKeyInfo PEM, as openssl pkey -pubout writes it);"
              + " exit 1 when it is missing, made by another key or does not match")
  Path publicKey;

  @Override
  public Integer call() {
    PublicKey checkKey = publicKey == null ? null : PublicKeys.load(publicKey); // bad key: exit 2
    Configuration hadoop = new Configuration();
    for (String kv : conf) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new BadInputException("--conf takes KEY=VALUE, got '" + kv + "'.");
      }
      String key = kv.substring(0, eq);
      hadoop.set(
          key.startsWith("spark.hadoop.") ? key.substring("spark.hadoop.".length()) : key,
          kv.substring(eq + 1));
    }
    AzureStorageSettings.fromEnvironment(System.getenv()).applyTo(hadoop);
    // bounded retries and timeouts: an unreachable account should not hold verify for minutes
    StorageDeadlines.applyTo(hadoop);
    HadoopFiles remote = new HadoopFiles(hadoop);
    ManifestCheck.Source inputs =
        path -> {
          if (!ManifestCheck.isUri(path)) {
            return Files.newInputStream(Path.of(path));
          }
          String why;
          try {
            why = remote.missingCredentials(path);
          } catch (IllegalArgumentException e) {
            throw new NotCheckable("not a URI Hadoop can read: " + e.getMessage());
          }
          if (why != null) {
            throw new NotCheckable(why);
          }
          try {
            return remote.open(path);
          } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
            throw new NotCheckable("no Hadoop file system for this scheme here: " + e.getMessage());
          }
        };
    Outcome outcome;
    SignatureCheck.Outcome signature;
    if (PublishedReport.isUrl(report)) {
      QuietLogs.silenceAzure();
      PublishedReport published = PublishedReport.at(report, System.getenv());
      Console.out("Reading " + published.redacted() + " (" + published.credentialSource() + ")");
      byte[] manifest = published.manifest();
      outcome = ManifestCheck.check(published.manifestUrl(), manifest, published.outputs(), inputs);
      signature = SignatureCheck.check(manifest, SignatureBytes.of(published.outputs()), checkKey);
    } else {
      Path dir = Path.of(report);
      byte[] manifest = ManifestCheck.readManifest(dir);
      ManifestCheck.Source files = ManifestCheck.folder(dir);
      outcome =
          ManifestCheck.check(dir.resolve(Manifest.FILE_NAME).toString(), manifest, files, inputs);
      signature = SignatureCheck.check(manifest, SignatureBytes.of(files), checkKey);
    }
    Console.out(
        "Verifying "
            + outcome.manifest()
            + " (audit '"
            + outcome.audit()
            + "', verdict "
            + outcome.verdict()
            + (outcome.finished() == null ? "" : ", finished " + outcome.finished())
            + ")");
    int matched = 0;
    int skipped = 0;
    for (Finding f : outcome.findings()) {
      switch (f.state()) {
        case MATCH -> {
          matched++;
          Console.out("  ok       " + f.kind() + " " + f.path());
        }
        case CHANGED ->
            Console.out(
                "  CHANGED  "
                    + f.kind()
                    + " "
                    + f.path()
                    + ": sha256 recorded "
                    + f.expected()
                    + ", now "
                    + f.actual()
                    + " ("
                    + f.note()
                    + ")");
        case MISSING -> Console.out("  MISSING  " + f.kind() + " " + f.path() + ": " + f.note());
        case NOT_CHECKED -> {
          skipped++;
          Console.out("  skipped  " + f.kind() + " " + f.path() + ": " + f.note());
        }
        default -> throw new IllegalStateException(f.state().name());
      }
    }
    int mismatches = outcome.mismatches().size();
    Console.out(matched + " match, " + mismatches + " differ, " + skipped + " not checked.");
    Console.out((signature.failed() ? "  BAD SIGNATURE  " : "  ") + signature.detail());
    if (mismatches > 0) {
      Console.out("NOT verified: " + mismatches + " file(s) differ from the manifest. Exit 1.");
      return 1;
    }
    if (signature.failed()) {
      Console.out("NOT verified: " + signature.detail() + ". Exit 1.");
      return 1;
    }
    Console.out(
        signature.state() == SignatureCheck.State.VALID
            ? "Verified: the signature holds and every checked file matches its recorded SHA-256."
                + " Exit 0."
            : "Verified: every checked file matches its recorded SHA-256. Exit 0.");
    return outcome.exitCode();
  }
}
