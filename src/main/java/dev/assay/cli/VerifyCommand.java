package dev.assay.cli;

import dev.assay.report.ManifestCheck;
import dev.assay.report.ManifestCheck.Finding;
import dev.assay.report.ManifestCheck.Outcome;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code assay verify REPORT_DIR}: do the report files and inputs still match manifest.json? */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check a report folder against its manifest.json: recompute the SHA-256 of"
        + " results.json, report.html, junit.xml and summary.md, and of the recorded inputs that are"
        + " still readable local files; print each mismatch. Exit 0 when all match, 1 when any"
        + " differs, 2 when the folder or its manifest is missing.")
final class VerifyCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "REPORT_DIR", description = "the report folder (an audit's --out)")
  Path reportDir;

  @Override
  public Integer call() {
    Outcome outcome = ManifestCheck.check(reportDir);
    System.out.println("Verifying " + outcome.manifest() + " (audit '" + outcome.audit() + "', verdict "
        + outcome.verdict() + (outcome.finished() == null ? "" : ", finished " + outcome.finished()) + ")");
    int matched = 0;
    int skipped = 0;
    for (Finding f : outcome.findings()) {
      switch (f.state()) {
        case MATCH -> {
          matched++;
          System.out.println("  ok       " + f.kind() + " " + f.path());
        }
        case CHANGED -> System.out.println("  CHANGED  " + f.kind() + " " + f.path() + ": sha256 recorded "
            + f.expected() + ", now " + f.actual() + " (" + f.note() + ")");
        case MISSING -> System.out.println("  MISSING  " + f.kind() + " " + f.path() + ": " + f.note());
        case NOT_CHECKED -> {
          skipped++;
          System.out.println("  skipped  " + f.kind() + " " + f.path() + ": " + f.note());
        }
        default -> throw new IllegalStateException(f.state().name());
      }
    }
    int mismatches = outcome.mismatches().size();
    System.out.println(matched + " match, " + mismatches + " differ, " + skipped + " not checked.");
    System.out.println(mismatches == 0
        ? "Verified: every checked file matches its recorded SHA-256. Exit 0."
        : "NOT verified: " + mismatches + " file(s) differ from the manifest. Exit 1.");
    return outcome.exitCode();
  }
}
