package dev.assay.core;

import java.util.List;

/**
 * An {@link AuditRun} with {@link Secrets#scrub} applied to every text that came from the spec, the
 * rule packs, the waivers or a path rather than from a computation: the audit name, the model's
 * name, version and owner, run notes, family reasons, the Spark master, the paths of the input
 * files, and each verdict's title, expectation, message, rationale, reference and waiver. Reports
 * render this value, so no output carries a secret that was typed into a spec or a URI.
 */
public final class RedactedRun {

  private RedactedRun() {}

  /** {@code run} with its free text scrubbed; metrics and numbers unchanged. */
  public static AuditRun of(AuditRun run) {
    ModelInfo m =
        run.model() == null
            ? null
            : new ModelInfo(
                Secrets.scrub(run.model().name()),
                Secrets.scrub(run.model().version()),
                Secrets.scrub(run.model().owner()),
                Secrets.scrub(run.model().intendedUse()),
                Secrets.scrub(run.model().limitations()),
                Secrets.scrub(run.model().riskClass()),
                Secrets.scrub(run.model().registryUri()));
    List<FamilyOutcome> families =
        run.families().stream()
            .map(f -> new FamilyOutcome(f.family(), f.applicable(), Secrets.scrub(f.reason())))
            .toList();
    List<Verdict> verdicts = run.verdicts().stream().map(v -> v.withTexts(Secrets::scrub)).toList();
    return new AuditRun(
        Secrets.scrub(run.name()),
        m,
        families,
        run.metrics(),
        verdicts,
        run.rowCounts(),
        Secrets.scrub(run.notes()),
        provenance(run.provenance()),
        run.baseline(),
        run.exhibits());
  }

  private static Provenance provenance(Provenance p) {
    if (p == null) {
      return null;
    }
    List<FileEvidence> files =
        p.files().stream()
            .map(
                f ->
                    new FileEvidence(
                        f.role(), Secrets.scrub(f.path()), f.size(), f.modified(), f.sha256()))
            .toList();
    return new Provenance(
        p.toolVersion(),
        p.javaVersion(),
        p.sparkVersion(),
        Secrets.scrub(p.sparkMaster()),
        p.started(),
        p.finished(),
        files,
        p.sources().stream()
            .map(
                s ->
                    new SourceEvidence(
                        s.role(),
                        s.kind(),
                        Secrets.scrub(s.location()),
                        s.table(),
                        s.version(),
                        s.timestamp(),
                        Secrets.scrub(s.query()),
                        s.inputs()))
            .toList());
  }
}
