package dev.assay;

import dev.assay.core.AuditRun;
import dev.assay.core.BadInputException;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.FileEvidence;
import dev.assay.core.MetricResult;
import dev.assay.core.Provenance;
import dev.assay.core.Verdict;
import dev.assay.history.AuditHistory;
import dev.assay.history.HistoryRows;
import dev.assay.history.HistoryStore;
import dev.assay.io.CsvHead;
import dev.assay.io.DatasetReader;
import dev.assay.io.FileHasher;
import dev.assay.io.LocalDigests;
import dev.assay.io.ReadFailure;
import dev.assay.io.SourceLedger;
import dev.assay.metrics.drift.DriftAnalysis;
import dev.assay.metrics.drift.DriftColumn;
import dev.assay.metrics.drift.DriftInput;
import dev.assay.metrics.drift.DriftOutcome;
import dev.assay.metrics.drift.DriftPlan;
import dev.assay.metrics.fairness.FairnessAnalysis;
import dev.assay.metrics.fairness.FairnessOutcome;
import dev.assay.metrics.fairness.FairnessPlan;
import dev.assay.metrics.fairness.MulticlassAnalysis;
import dev.assay.metrics.fairness.RegressionAnalysis;
import dev.assay.metrics.llm.LlmAnalysis;
import dev.assay.metrics.llm.LlmInput;
import dev.assay.metrics.llm.LlmOutcome;
import dev.assay.metrics.llm.LlmPlan;
import dev.assay.metrics.llm.LlmRecords;
import dev.assay.metrics.llm.ResponseScanner;
import dev.assay.metrics.llm.VectorSearchAudit;
import dev.assay.metrics.llm.embeddings.EmbeddingFill;
import dev.assay.metrics.llm.embeddings.EmbeddingRun;
import dev.assay.metrics.llm.judge.JudgeAnalysis;
import dev.assay.metrics.llm.safety.SafetyAnalysis;
import dev.assay.metrics.llm.safety.SafetyRecords;
import dev.assay.metrics.llm.safety.SafetyRun;
import dev.assay.metrics.privacy.PiiType;
import dev.assay.metrics.privacy.PrivacyOutcome;
import dev.assay.metrics.privacy.PrivacyPlan;
import dev.assay.policy.Baseline;
import dev.assay.policy.Policy;
import dev.assay.policy.PolicyInputs;
import dev.assay.policy.PolicyOutcome;
import dev.assay.publish.OutputFolder;
import dev.assay.spark.Chunks;
import dev.assay.spark.Progress;
import dev.assay.spark.RowChunks;
import dev.assay.spark.SchemaCheck;
import dev.assay.spark.TimeChunks;
import dev.assay.spec.Chunking;
import dev.assay.spec.JudgeOptions;
import dev.assay.spec.ModelSpecs;
import dev.assay.spec.ResolvedSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The facade and composition root: {@code Audit.of(spec).run(spark)} loads the rule packs and
 * waivers (failing fast, before any Spark job), opens the data and checks the named columns, runs
 * each applicable family in as few passes as possible, judges the metrics against the rules and
 * returns the {@link AuditRun} the reports are made from.
 */
public final class Audit implements Cloneable {

  /**
   * Families submitted at once: every family of an audit (fairness, drift, privacy, llm) runs
   * concurrently; their results are gathered in that fixed order.
   */
  private static final int FAMILY_THREADS = 4;

  private final ResolvedSpec spec;
  // Set only on a fresh copy before it is returned (see copy): an Audit never changes once seen.
  private Path waiversFile;
  private Path baselineFile;
  private boolean failOnWarning;
  private Clock clock = Clock.systemUTC();
  private Function<String, String> environment = System::getenv;
  private Path recordsOut;
  private Progress progress = Progress.silent();
  private HistoryStore history;
  private LocalDigests digests = LocalDigests.none();
  // CSV types from the files' first lines, verified on every row (CsvHead); false on the rerun
  private boolean sampleCsv = true;

  private Audit(ResolvedSpec spec) {
    this.spec = spec;
  }

  public static Audit of(ResolvedSpec spec) {
    return new Audit(spec);
  }

  /** A copy of this audit (a shallow one: every field is immutable) with {@code change} applied. */
  private Audit copy(Consumer<Audit> change) {
    try {
      Audit copy = (Audit) clone();
      change.accept(copy);
      return copy;
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  /** Applies the waivers in {@code file} (docs/contract.md §5); null for none. */
  public Audit withWaivers(Path file) {
    return copy(a -> a.waiversFile = file);
  }

  /** Compares with an earlier run's results.json ({@code --baseline}); null for none. */
  public Audit withBaseline(Path file) {
    return copy(a -> a.baselineFile = file);
  }

  /** With {@code true}, failed warning rules close the gate too ({@code --fail-on warning}). */
  public Audit failOnWarning(boolean value) {
    return copy(a -> a.failOnWarning = value);
  }

  /** The clock for run times and waiver expiry (tests inject a fixed one). */
  public Audit withClock(Clock value) {
    return copy(a -> a.clock = value);
  }

  /** Where environment variables are read (the judge's key); tests inject a map. */
  public Audit withEnvironment(Function<String, String> value) {
    return copy(a -> a.environment = value);
  }

  /**
   * Also writes the llm family's per-record scores to {@code folder} (Parquet; {@code --records});
   * null for none.
   */
  public Audit withRecords(Path folder) {
    return copy(a -> a.recordsOut = folder);
  }

  /**
   * Reads the earlier runs of this audit from {@code store} for the history rules and the report's
   * trends, and appends this run to it ({@code --history}); null for none.
   */
  public Audit withHistory(HistoryStore store) {
    return copy(a -> a.history = store);
  }

  /**
   * Takes the evidence manifest's SHA-256 of local inputs from {@code value} (computed ahead, while
   * Spark starts and the data is read) when it still matches the file; the caller closes it.
   */
  public Audit withDigests(LocalDigests value) {
    return copy(a -> a.digests = value);
  }

  /** Where the steps are shown: job descriptions always, console lines when not silent. */
  public Audit withProgress(Progress value) {
    return copy(a -> a.progress = value);
  }

  /**
   * Runs the audit.
   *
   * @throws dev.assay.core.BadInputException on bad rules, waivers, data or columns (exit 2)
   */
  public AuditRun run(SparkSession spark) {
    try {
      return runChecked(spark);
    } catch (Exception e) { // Spark throws its checked SparkException undeclared
      if (sampleCsv && CsvHead.mismatch(e)) {
        progress.note(
            "a CSV value past the first "
                + CsvHead.LINES
                + " lines does not fit the types inferred from them;"
                + " running again with types inferred from the whole file.");
        return copy(a -> a.sampleCsv = false).run(spark);
      }
      // a damaged input file shows only when a job reads its rows: exit 2 naming it, not 3
      throw ReadFailure.translate(e, List.copyOf(spec.dataInputs().values()));
    }
  }

  private AuditRun runChecked(SparkSession spark) {
    Instant started = clock.instant();
    PolicyInputs inputs = PolicyInputs.load(spec.ruleFiles(), waiversFile, baselineFile);
    checkRecordsOut();
    JudgeOptions judge = spec.judge();
    String judgeKey = judge == null ? null : judgeKey(judge);
    SafetyRun safety = SafetyRun.prepare(spec.safety(), environment, spec.document());
    EmbeddingRun embeddings = EmbeddingRun.prepare(spec.embeddings(), environment, spec.document());
    AuditHistory past =
        history == null ? null : AuditHistory.of(history.read(false, spark), spec.name());
    OpenInputs data = openInputs(spark);
    FamilyResults found = new FamilyResults();
    try (ConcurrentFamilies families = new ConcurrentFamilies(progress, FAMILY_THREADS)) {
      families.submit(p -> runFairness(spark, p, data.current(), data.chunks()));
      families.submit(p -> runDrift(spark, p, data.drift(), data.chunks()));
      families.submit(p -> runPrivacy(spark, p, data.privacy()));
      families.submit(p -> runLlm(spark, p, data.current(), judge, judgeKey, embeddings));
      families.submit(p -> runSafety(spark, p, data.current(), safety));
      families.addTo(found);
    }
    if (recordsOut != null && found.llmInput != null) {
      writeRecords(spark, found.llmInput, safety);
    }
    List<Verdict> verdicts =
        progress.timed("rules", "judge the metrics", () -> gate(inputs, found, past));
    if (past == null) {
      return assemble(spark, started, inputs.baseline(), found, verdicts);
    }
    found.exhibits = found.exhibits.withTrends(past.trends(verdicts, started.toString()));
    found.notes.add(
        "History: compared with "
            + past.size()
            + " earlier "
            + (past.size() == 1 ? "run" : "runs")
            + " of this audit; this run is appended to "
            + history.location()
            + " (--history).");
    AuditRun run = assemble(spark, started, inputs.baseline(), found, verdicts);
    history.append(HistoryRows.of(run, UUID.randomUUID().toString()), started, spark);
    return run;
  }

  /**
   * The data each family reads, opened and checked before any family runs.
   *
   * @param drift drift's input, its columns checked on both sides; null when drift does not apply
   */
  private record OpenInputs(
      Dataset<Row> current, PrivacyPlan privacy, DriftInput drift, Chunks chunks) {}

  private OpenInputs openInputs(SparkSession spark) {
    Dataset<Row> current =
        progress.step(
            spark,
            "inputs",
            "open data.current",
            () -> DatasetReader.open(spark, spec.current(), sampleCsv));
    PrivacyPlan privacyPlan =
        PrivacyPlan.check(
            current,
            spec.privacy().trainingText() == null
                ? null
                : DatasetReader.open(spark, spec.privacy().trainingText()),
            spec.privacy(),
            spec.columns(),
            spec.document(),
            currentSource());
    Chunks chunks = chunks(spark, current);
    DriftInput driftInput =
        DriftPlan.notApplicable(spec) != null
            ? null
            : DriftPlan.input(
                DatasetReader.open(spark, spec.reference(), sampleCsv), current, spec);
    return new OpenInputs(current, privacyPlan, driftInput, chunks);
  }

  /**
   * The chunks of the current data ({@code chunk:}), or null without them; their timestamp column
   * checked. Row chunks ({@code chunk: {rows: N}}) order the rows here, in one to three Spark jobs
   * ({@link RowChunks#plan}).
   */
  private Chunks chunks(SparkSession spark, Dataset<Row> current) {
    Chunking c = spec.chunking();
    if (c == null) {
      return null;
    }
    new SchemaCheck(current.schema(), currentSource())
        .requireTemporal(c.timestamp(), "timestamp of the chunks", c.at());
    if (c.unit() != null) {
      return new TimeChunks(c.timestamp(), c.unit());
    }
    int buckets =
        Math.max(1, Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions", "200")));
    return progress.step(
        spark,
        "inputs",
        "order the rows for chunks of " + c.rows() + " rows",
        () -> RowChunks.plan(current, c.timestamp(), c.rows(), buckets, c.chunkAt()));
  }

  private String currentSource() {
    return "data.current (" + spec.current().where() + ")";
  }

  /**
   * fairness: classification in one job; {@code fairness.task: regression} (numeric label and
   * prediction) and {@code multiclass} (one-vs-rest per class) are each their own one-job analysis.
   */
  private Consumer<FamilyResults> runFairness(
      SparkSession spark, Progress progress, Dataset<Row> current, Chunks chunks) {
    FamilyOutcome fairness = FairnessPlan.outcome(spec.columns());
    if (!fairness.applicable()) {
      return found -> found.families.add(fairness);
    }
    FairnessPlan.Request request =
        new FairnessPlan.Request(
            current, spec.columns(), spec.fairness(), spec.document(), currentSource());
    FairnessOutcome outcome =
        progress.step(
            spark,
            "fairness",
            "per-group rates and scores",
            () ->
                spec.fairness().regression()
                    ? RegressionAnalysis.run(FairnessPlan.regressionInput(request))
                    : spec.fairness().multiclass()
                        ? MulticlassAnalysis.run(FairnessPlan.multiclassInput(request))
                        : FairnessAnalysis.run(
                            FairnessPlan.input(request),
                            FairnessPlan.models(
                                request, ModelSpecs.champion(spec), ModelSpecs.challengers(spec)),
                            chunks));
    List<String> notes = new ArrayList<>(outcome.notes());
    if (chunks != null && (spec.fairness().regression() || spec.fairness().multiclass())) {
      notes.add(
          "fairness: per time chunk for binary classification only; fairness.task: "
              + (spec.fairness().regression() ? "regression" : "multiclass")
              + " is computed on the whole data.");
    }
    return found -> {
      found.families.add(fairness);
      found.add(outcome.metrics(), notes);
      outcome.metrics().stream()
          .filter(
              m ->
                  m.key().metric().equals("count")
                      && m.key().scope().attribute() == null
                      && m.key().scope().chunk() == null)
          .findFirst()
          .ifPresent(m -> found.rowCounts.put("current", m.count()));
    };
  }

  /** drift: reference vs current, two Spark jobs over both data sets. */
  private Consumer<FamilyResults> runDrift(
      SparkSession spark, Progress progress, DriftInput driftInput, Chunks chunks) {
    if (driftInput == null) {
      FamilyOutcome notApplicable = DriftPlan.notApplicable(spec);
      return found -> found.families.add(notApplicable);
    }
    DriftOutcome outcome =
        progress.step(
            spark,
            "drift",
            "reference vs current, "
                + driftInput.columns().size()
                + (driftInput.columns().size() == 1 ? " column" : " columns"),
            () -> DriftAnalysis.run(driftInput, chunks));
    return found -> {
      found.families.add(
          FamilyOutcome.ran(
              Family.DRIFT,
              "reference vs current, columns "
                  + driftInput.columns().stream().map(DriftColumn::name).toList()));
      found.add(outcome.metrics(), outcome.notes());
      found.rowCounts.put("reference", outcome.referenceRows());
      found.rowCounts.putIfAbsent("current", outcome.currentRows());
      found.exhibits = found.exhibits.withHistograms(outcome.histograms());
    };
  }

  /** privacy: re-identification risk, PII scan, membership inference. */
  private Consumer<FamilyResults> runPrivacy(
      SparkSession spark, Progress progress, PrivacyPlan privacyPlan) {
    PrivacyOutcome privacy =
        privacyPlan.notApplicable() != null
            ? privacyPlan.run()
            : progress.step(
                spark,
                "privacy",
                "re-identification, PII scan, membership inference",
                privacyPlan::run);
    return found -> {
      found.families.add(privacy.family());
      found.add(privacy.metrics(), privacy.notes());
      found.exhibits = found.exhibits.withPiiExamples(privacy.piiExamples());
    };
  }

  /**
   * llm: text quality, safety and format of an LLM application's outputs (one job), then the judge.
   */
  private Consumer<FamilyResults> runLlm(
      SparkSession spark,
      Progress progress,
      Dataset<Row> current,
      JudgeOptions judge,
      String judgeKey,
      EmbeddingRun embeddings) {
    FamilyOutcome llm = LlmPlan.outcome(spec.raw().columns());
    if (!llm.applicable()) {
      return found -> found.families.add(llm);
    }
    LlmInput checked =
        LlmPlan.input(current, spec.raw().columns(), spec.llm(), spec.document(), currentSource())
            .withScanners(responseScanners());
    EmbeddingFill.Filled filled =
        embeddings == null
            ? null
            : progress.step(spark, "llm", "embeddings endpoint", () -> embeddings.fill(checked));
    LlmInput input = filled == null ? checked : filled.input();
    VectorSearchAudit.Plan search =
        spec.vectorSearch() == null
            ? null
            : VectorSearchAudit.plan(
                DatasetReader.open(spark, spec.vectorSearch().corpus()),
                current,
                spec.vectorSearch(),
                spec.raw(),
                spec.document(),
                currentSource());
    LlmOutcome outcome =
        progress.step(
            spark, "llm", "text quality, safety and format", () -> LlmAnalysis.run(input));
    MetricResult recall =
        search == null
            ? null
            : progress.step(spark, "llm", "vector search recall@k", search::recall);
    JudgeAnalysis.JudgeOutcome judged =
        judge == null
            ? null
            : progress.step(
                spark, "llm", "LLM judge", () -> JudgeAnalysis.run(input, judge, judgeKey));
    return found -> {
      found.families.add(llm);
      found.add(outcome.metrics(), outcome.notes());
      found.llmInput = input;
      if (filled != null) {
        found.add(List.of(), filled.notes());
      }
      if (recall != null) {
        found.add(List.of(recall), List.of());
      }
      found.rowCounts.putIfAbsent("current", outcome.statistics().records());
      if (recordsOut != null) {
        found.notes.add("Per-record llm scores written to " + recordsOut + " (--records).");
      }
      if (judged != null) {
        found.add(judged.metrics(), judged.notes());
      }
    };
  }

  /** llm.safety (opt-in): the safety classifiers, after the llm family. */
  private Consumer<FamilyResults> runSafety(
      SparkSession spark, Progress progress, Dataset<Row> current, SafetyRun safety) {
    if (safety == null || !LlmPlan.outcome(spec.raw().columns()).applicable()) {
      return found -> {};
    }
    LlmInput input =
        LlmPlan.input(current, spec.raw().columns(), spec.llm(), spec.document(), currentSource());
    SafetyAnalysis.SafetyOutcome outcome =
        progress.step(
            spark, "llm", "safety classifiers", () -> safety.run(input, spec.raw().columns()));
    return found -> {
      found.add(outcome.metrics(), outcome.notes());
      found.exhibits = found.exhibits.withSafetyExamples(outcome.examples());
    };
  }

  /**
   * {@code --records}: the llm scores and the safety severities (null without llm.safety). Written
   * after every family, from the llm family's input: the records need both its filled embeddings
   * ({@code llm.embeddings}, for the semantic columns) and this run's safety verdicts, which two
   * different families produce.
   *
   * @param input the llm family's input, with the embeddings {@code llm.embeddings} filled
   * @param safety the safety run, or null without {@code llm.safety}
   */
  private void writeRecords(SparkSession spark, LlmInput input, SafetyRun safety) {
    SafetyRecords more =
        safety == null ? SafetyRecords.absent(input) : SafetyRecords.of(input, safety);
    progress.step(
        spark,
        "llm",
        "per-record scores (--records)",
        () -> LlmRecords.write(input, recordsOut.toUri().toString(), more));
  }

  /** Judges the metrics against the rule packs, the waivers and the baseline. */
  private List<Verdict> gate(PolicyInputs inputs, FamilyResults found, AuditHistory past) {
    Baseline baseline = inputs.baseline();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    PolicyOutcome policy =
        Policy.evaluate(
            inputs.packs(),
            found.metrics,
            found.families,
            inputs.waivers(),
            today,
            failOnWarning,
            new Policy.Past(
                baseline == null ? Map.of() : baseline.values(),
                past == null ? null : past.runHistory()));
    found.notes.addAll(policy.notes());
    List<Verdict> verdicts = policy.verdicts();
    if (baseline != null) {
      verdicts = baseline.annotate(verdicts);
      found.notes.add(baseline.summary(found.metrics));
    }
    return verdicts;
  }

  /** The run the reports are made from, with the evidence of what was read. */
  private AuditRun assemble(
      SparkSession spark,
      Instant started,
      Baseline baseline,
      FamilyResults found,
      List<Verdict> verdicts) {
    List<FileEvidence> files =
        progress.step(
            spark, "evidence", "SHA-256 of the spec, rules and inputs", () -> evidence(spark));
    Provenance provenance =
        new Provenance(
            Version.tool(),
            System.getProperty("java.version"),
            spark.version(),
            spark.sparkContext().master(),
            started,
            clock.instant(),
            files,
            SourceLedger.evidence(spark, spec.sources()));
    return new AuditRun(
        spec.name(),
        spec.model(),
        found.families,
        found.metrics,
        verdicts,
        found.rowCounts,
        found.notes,
        provenance,
        baseline == null ? Map.of() : baseline.values(),
        found.exhibits);
  }

  /** What was read, with sizes and SHA-256 hashes, for the manifest. */
  private List<FileEvidence> evidence(SparkSession spark) {
    List<FileEvidence> files = new ArrayList<>();
    FileHasher hasher = new FileHasher(spark.sparkContext().hadoopConfiguration(), digests);
    for (EvidenceInput input : evidenceInputs()) {
      files.addAll(hasher.evidence(input.role(), input.location()));
    }
    return files;
  }

  /**
   * A file or folder the manifest lists.
   *
   * @param role spec, rules, waivers, baseline or the {@code data.*} key
   * @param location its path or URI
   */
  public record EvidenceInput(String role, String location) {}

  /**
   * The files the manifest lists, in its order: the spec, the rules, the waivers, the baseline,
   * then each {@code data.*} input. The inputs a {@link LocalDigests} can hash ahead.
   */
  public List<EvidenceInput> evidenceInputs() {
    List<EvidenceInput> inputs = new ArrayList<>();
    inputs.add(new EvidenceInput("spec", spec.file().toString()));
    for (Path rules : spec.ruleFiles()) {
      inputs.add(new EvidenceInput("rules", rules.toString()));
    }
    if (waiversFile != null) {
      inputs.add(new EvidenceInput("waivers", waiversFile.toAbsolutePath().toString()));
    }
    if (baselineFile != null) {
      inputs.add(new EvidenceInput("baseline", baselineFile.toAbsolutePath().toString()));
    }
    spec.dataInputs()
        .forEach(
            (key, source) -> {
              if (key.startsWith("data.")) {
                inputs.add(new EvidenceInput(key, source.uri()));
              }
            });
    return inputs;
  }

  /**
   * The llm family's PII and secret detectors on responses: the privacy family's {@link PiiType}
   * expressions (families do not import each other, so the composition root hands them over); keys,
   * tokens and private keys count as secrets, the rest as personal data.
   */
  public static List<ResponseScanner> responseScanners() {
    Set<PiiType> secrets =
        EnumSet.of(
            PiiType.AWS_ACCESS_KEY, PiiType.AZURE_STORAGE_KEY, PiiType.JWT, PiiType.PRIVATE_KEY);
    List<ResponseScanner> out = new ArrayList<>();
    for (PiiType type : PiiType.values()) {
      out.add(new ResponseScanner(type.id(), secrets.contains(type), type::found));
    }
    return out;
  }

  /**
   * {@code --records} needs the llm family and must not overwrite an input (checked before any
   * job).
   */
  private void checkRecordsOut() {
    if (recordsOut == null) {
      return;
    }
    String reason = LlmPlan.notApplicableReason(spec.raw().columns());
    if (reason != null) {
      throw new BadInputException(
          "--records writes the llm family's per-record scores, but the"
              + " family does not run: "
              + reason
              + ".");
    }
    // Spark writes --records with overwrite: the same check as the report folder's.
    OutputFolder.requireApart(
        recordsOut,
        "--records",
        spec.dataInputs().entrySet().stream()
            .map(e -> new OutputFolder.Input(e.getKey(), e.getValue().uri()))
            .toList());
  }

  /** The judge's API key from the environment, checked before any Spark job. */
  private String judgeKey(JudgeOptions judge) {
    String key = environment.apply(judge.keyEnv());
    if (key == null) {
      throw new BadInputException(
          spec.document().at("llm", "judge")
              + ": the environment variable "
              + judge.keyEnv()
              + " (llm.judge.api_key_env) is not set; export the judge's API key in"
              + " it (an empty value sends no key), or remove llm.judge to run without a judge.");
    }
    return key.strip();
  }
}
