package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.FileEvidence;
import dev.assay.core.MetricKey;
import dev.assay.core.MetricResult;
import dev.assay.core.MetricResult.Computed;
import dev.assay.core.MetricResult.Undefined;
import dev.assay.core.ModelInfo;
import dev.assay.core.Provenance;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** AuditRun values built in code for the report tests: no Spark, no files. */
public final class SampleRuns {

  /** A group name that would run script if the report did not escape it. */
  public static final String SCRIPT_GROUP = "<script>alert(1)</script>";

  /** A column name with a quote, an ampersand and a pipe. */
  public static final String QUOTE_COLUMN = "\"quote & | col";

  public static final String RACE_SEX = "race & sex";
  public static final String AA_MALE = "African-American & Male";

  private SampleRuns() {}

  static MetricKey fairness(String metric, Scope scope) {
    return MetricCatalog.key(Family.FAIRNESS, metric, scope);
  }

  static Provenance provenance() {
    return new Provenance(
        "0.1.0",
        "17.0.15",
        "4.2.0",
        "local[2]",
        Instant.parse("2026-01-02T03:04:05Z"),
        Instant.parse("2026-01-02T03:04:17.250Z"),
        List.of(
            new FileEvidence(
                "spec",
                "datasets/compas/audit.yaml",
                812,
                "2026-01-01T00:00:00Z",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
            new FileEvidence(
                "data.current",
                "datasets/compas/current.csv",
                123456,
                "2026-01-01T00:00:00Z",
                "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752")),
        List.of());
  }

  /**
   * A failing run with every kind of content: computed and undefined metrics, a confidence
   * interval, a p-value, an intersection, drift and privacy metrics, a not-applicable family, and
   * verdicts of every status (FAIL, WARN, WAIVED, NOT_APPLICABLE, ERROR, PASS).
   */
  public static AuditRun full() {
    Scope race = Scope.attribute("race");
    Scope aa = Scope.group("race", "African-American");
    Scope cau = Scope.group("race", "Caucasian");
    Scope evil = Scope.group("race", SCRIPT_GROUP);
    Scope inter = Scope.attribute(RACE_SEX);
    Scope aaMale = Scope.group(RACE_SEX, AA_MALE);
    Scope cauFemale = Scope.group(RACE_SEX, "Caucasian & Female");
    List<MetricResult> metrics =
        List.of(
            Computed.of(fairness("count", aa), 3696, 3696L),
            new Computed(
                fairness("selection_rate", aa), 0.5767316017316018, 3696L, 0.56, 0.59, null, null),
            Computed.of(fairness("base_rate", aa), 0.5231331168831169, 3696L),
            Computed.of(fairness("true_positive_rate", aa), 0.7152317880794702, 1933L),
            Computed.of(fairness("count", cau), 2454, 2454L),
            Computed.of(fairness("selection_rate", cau), 0.3310513447432763, 2454L),
            Computed.of(fairness("base_rate", cau), 0.3936430317848411, 2454L),
            Computed.of(fairness("true_positive_rate", cau), 0.5036319612590799, 966L),
            Computed.of(fairness("count", evil), 3, 3L),
            Computed.of(fairness("selection_rate", evil), 0.1, 3L)
                .withNote("group smaller than min_group_size 30"),
            Computed.of(fairness("base_rate", evil), 0, 3L),
            new Undefined(
                fairness("true_positive_rate", evil), 3L, "no truly positive record in the group"),
            Computed.of(fairness("demographic_parity_ratio", race), 0.17339, null),
            Computed.of(fairness("demographic_parity_difference", race), 0.4767316017316018, null),
            Computed.of(fairness("selection_rate", aaMale), 0.61, 2626L),
            Computed.of(fairness("selection_rate", cauFemale), 0.28, 482L),
            Computed.of(fairness("demographic_parity_ratio", inter), 0.21, null),
            new Computed(
                MetricCatalog.key(Family.DRIFT, "psi", Scope.column("age")),
                0.031,
                6172L,
                null,
                null,
                null,
                null),
            new Computed(
                MetricCatalog.key(Family.DRIFT, "ks_statistic", Scope.column("age")),
                0.12,
                6172L,
                null,
                null,
                1.2e-9,
                null),
            new Computed(
                MetricCatalog.key(Family.DRIFT, "psi", Scope.column(QUOTE_COLUMN)),
                0.4,
                6172L,
                null,
                null,
                null,
                null),
            Computed.of(MetricCatalog.key(Family.DRIFT, "drift_share", Scope.DATASET), 0.5, null),
            new Undefined(
                MetricCatalog.key(Family.PRIVACY, "k_anonymity", Scope.DATASET),
                0L,
                "no quasi-identifier column present"));
    List<Verdict> verdicts =
        List.of(
            new Verdict(
                "eeoc-four-fifths",
                "Every group's selection rate is at least 80 % of the " + "highest group's",
                "eeoc-four-fifths",
                Severity.BLOCKING,
                Status.FAIL,
                "fairness.demographic_parity_ratio",
                race,
                0.17339,
                ">= 0.8",
                "demographic_parity_ratio 0.1734 is below 0.8",
                "Adverse impact",
                "29 CFR 1607.4(D)",
                null),
            new Verdict(
                "eeoc-four-fifths",
                "Every group's selection rate is at least 80 % of the " + "highest group's",
                "eeoc-four-fifths",
                Severity.BLOCKING,
                Status.WAIVED,
                "fairness.demographic_parity_ratio",
                inter,
                0.21,
                ">= 0.8",
                "demographic_parity_ratio 0.21 is below 0.8",
                null,
                "29 CFR 1607.4(D)",
                new Verdict.Waiver(
                    "Intersection too small to act on", "Jane Doe (CRO)", "2027-06-30")),
            new Verdict(
                "psi-stable",
                "Feature distributions are stable",
                "drift-basics",
                Severity.WARNING,
                Status.WARN,
                "drift.psi",
                Scope.column(QUOTE_COLUMN),
                0.4,
                "< 0.25",
                "psi 0.4 is not below 0.25 | large shift",
                null,
                null,
                null),
            new Verdict(
                "psi-stable",
                "Feature distributions are stable",
                "drift-basics",
                Severity.WARNING,
                Status.PASS,
                "drift.psi",
                Scope.column("age"),
                0.031,
                "< 0.25",
                "psi 0.031 is below 0.25",
                null,
                null,
                null),
            new Verdict(
                "k-anon",
                "Every record hides among at least 5",
                "privacy-basics",
                Severity.BLOCKING,
                Status.NOT_APPLICABLE,
                "privacy.k_anonymity",
                Scope.DATASET,
                null,
                ">= 5",
                "privacy family not applicable: no quasi-identifier column present",
                null,
                null,
                null),
            new Verdict(
                "tpr-defined",
                "True positive rate is defined for every group",
                "custom-checks",
                Severity.BLOCKING,
                Status.ERROR,
                "fairness.true_positive_rate",
                evil,
                null,
                ">= 0.5",
                "metric undefined: no truly positive record in the group",
                null,
                null,
                null),
            new Verdict(
                "rouge-ok",
                null,
                "llm-basics",
                Severity.INFO,
                Status.NOT_APPLICABLE,
                "llm.rougeL",
                Scope.DATASET,
                null,
                ">= 0.3",
                "llm family not applicable",
                null,
                null,
                null),
            new Verdict(
                "orphan",
                null,
                null,
                Severity.INFO,
                Status.PASS,
                "custom_metric",
                Scope.DATASET,
                1.0,
                "== 1",
                "ok",
                null,
                null,
                null));
    return new AuditRun(
        "compas-recidivism",
        new ModelInfo("COMPAS", "2016", "Northpointe"),
        List.of(
            FamilyOutcome.ran(Family.FAIRNESS, "2 sensitive attributes, 1 intersection"),
            FamilyOutcome.ran(Family.DRIFT, "2 columns compared with the reference"),
            FamilyOutcome.notApplicable(Family.PRIVACY, "no quasi-identifier column present"),
            FamilyOutcome.notApplicable(Family.LLM, "no prompt or response column")),
        metrics,
        verdicts,
        Map.of("current", 6172L, "reference", 5000L),
        List.of("3 rows with a missing race were excluded", "note with <b>markup</b>"),
        provenance(),
        Map.of(),
        null);
  }

  /**
   * {@code run} with a full model card: intended use over two lines, limitations, an EU AI Act risk
   * class and a registry URI, one of them with markup to show it stays text.
   */
  public static AuditRun withModelCard(AuditRun run) {
    ModelInfo m = run.model();
    ModelInfo card =
        new ModelInfo(
            m.name(),
            m.version(),
            m.owner(),
            "Pre-screening of pre-trial cases.\nNot for final decisions.",
            "Trained on 2013-2014 Broward County data <i>only</i>.",
            "EU AI Act: high-risk (Annex III)",
            "https://registry.example.com/models/compas/2016");
    return new AuditRun(
        run.name(),
        card,
        run.families(),
        run.metrics(),
        run.verdicts(),
        run.rowCounts(),
        run.notes(),
        run.provenance(),
        run.baseline(),
        run.exhibits());
  }

  /** A tiny passing run, for the golden results.json. */
  public static AuditRun tiny() {
    Scope sex = Scope.attribute("sex");
    return new AuditRun(
        "tiny-audit",
        new ModelInfo("Scorer", null, null),
        List.of(
            FamilyOutcome.ran(Family.FAIRNESS, "1 sensitive attribute"),
            FamilyOutcome.notApplicable(Family.DRIFT, "no reference data")),
        List.of(
            Computed.of(fairness("selection_rate", Scope.group("sex", "Male")), 0.1 + 0.2, 10L),
            new Undefined(
                fairness("selection_rate", Scope.group("sex", "Female")), 0L, "empty group"),
            new Computed(
                fairness("demographic_parity_ratio", sex), 0.9, null, 0.8, 1.0, null, null)),
        List.of(
            new Verdict(
                "four-fifths",
                "Four-fifths",
                "eeoc",
                Severity.BLOCKING,
                Status.PASS,
                "fairness.demographic_parity_ratio",
                sex,
                0.9,
                ">= 0.8",
                "0.9 >= 0.8",
                null,
                null,
                null)),
        Map.of("current", 10L),
        List.of(),
        provenance(),
        Map.of(),
        null);
  }
}
