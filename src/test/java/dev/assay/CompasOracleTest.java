package dev.assay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.MetricResult;
import dev.assay.core.Scope;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.report.ConfusionMatrix;
import dev.assay.spark.SharedSpark;
import dev.assay.spec.ResolvedSpec;
import dev.assay.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real COMPAS data (ProPublica; test resource datasets/compas): every per-group count and rate
 * Assay reports must equal what a plain Java loop over the CSV gives, with the project's reference
 * convention (y = two_year_recid, prediction = decile_score >= 5). The CSV repeats the header
 * {@code decile_score}; Spark renames the copies, so the spec names {@code decile_score11}.
 */
class CompasOracleTest {

  static final Path CSV = CompasCsv.CSV;

  /** Independent counts per group: n, predicted positive, label positive, true positive. */
  record Counts(long n, long predicted, long positive, long truePositive) {
    Counts add(boolean pred, boolean label) {
      return new Counts(
          n + 1,
          predicted + (pred ? 1 : 0),
          positive + (label ? 1 : 0),
          truePositive + (pred && label ? 1 : 0));
    }
  }

  static Map<String, Counts> byRace = new TreeMap<>();
  static Map<String, Counts> bySex = new TreeMap<>();
  static Map<String, Counts> byRaceSex = new TreeMap<>();

  /** Per race, the decile scores of the rows with two_year_recid 1 and 0. */
  static Map<String, List<Integer>> positiveScores = new TreeMap<>();

  static Map<String, List<Integer>> negativeScores = new TreeMap<>();

  /** Per race, every decile score. */
  static Map<String, List<Integer>> scores = new TreeMap<>();

  static AuditRun run;
  static ResolvedSpec spec;

  @BeforeAll
  static void auditCompas(@TempDir Path dir) throws IOException {
    List<String> lines = CompasCsv.lines();
    List<String> header = split(lines.get(0));
    int race = header.indexOf("race");
    int sex = header.indexOf("sex");
    int decile = header.indexOf("decile_score");
    int label = header.indexOf("two_year_recid");
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = split(line);
      boolean pred = Integer.parseInt(f.get(decile)) >= 5;
      boolean y = Integer.parseInt(f.get(label)) == 1;
      byRace.merge(f.get(race), new Counts(0, 0, 0, 0).add(pred, y), CompasOracleTest::sum);
      bySex.merge(f.get(sex), new Counts(0, 0, 0, 0).add(pred, y), CompasOracleTest::sum);
      byRaceSex.merge(
          f.get(race) + " & " + f.get(sex),
          new Counts(0, 0, 0, 0).add(pred, y),
          CompasOracleTest::sum);
      (y ? positiveScores : negativeScores)
          .computeIfAbsent(f.get(race), k -> new ArrayList<>())
          .add(Integer.parseInt(f.get(decile)));
      scores
          .computeIfAbsent(f.get(race), k -> new ArrayList<>())
          .add(Integer.parseInt(f.get(decile)));
    }
    Path specFile = dir.resolve("compas.yaml");
    Files.writeString(
        specFile,
        String.join(
            "\n",
            "version: 1",
            "name: compas-recidivism",
            "data:",
            "  current: {path: \"" + CSV + "\", format: csv}",
            "columns:",
            "  label: two_year_recid",
            "  score: decile_score11",
            "  threshold: 5",
            "  favourable: 0",
            "  sensitive: [race, sex]",
            "  intersections: [[race, sex]]",
            "fairness: {min_group_size: 30}",
            "rules: [rules/eeoc-four-fifths.yaml]",
            ""));
    spec = new SpecLoader(Path.of("rules").toAbsolutePath()).load(specFile);
    run = Audit.of(spec).run(SharedSpark.get());
  }

  static Counts sum(Counts a, Counts b) {
    return new Counts(
        a.n + b.n,
        a.predicted + b.predicted,
        a.positive + b.positive,
        a.truePositive + b.truePositive);
  }

  static List<String> split(String line) {
    return CompasCsv.split(line);
  }

  static double value(String metric, Scope scope) {
    return run.metrics().stream()
        .filter(m -> m.key().metric().equals(metric) && m.key().scope().equals(scope))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " for " + scope))
        .number()
        .orElseThrow(() -> new AssertionError(metric + " undefined for " + scope));
  }

  static void assertGroups(String attribute, Map<String, Counts> groups) {
    for (Map.Entry<String, Counts> e : groups.entrySet()) {
      Scope s = Scope.group(attribute, e.getKey());
      Counts c = e.getValue();
      long fp = c.predicted - c.truePositive;
      long tn = c.n - c.predicted - c.positive + c.truePositive;
      assertEquals(c.n, value("count", s), 0, s.label());
      assertEquals((double) c.predicted / c.n, value("selection_rate", s), 1e-12, s.label());
      assertEquals((double) c.positive / c.n, value("base_rate", s), 1e-12, s.label());
      assertEquals((double) (c.truePositive + tn) / c.n, value("accuracy", s), 1e-12, s.label());
      if (c.positive > 0) {
        assertEquals(
            (double) c.truePositive / c.positive, value("true_positive_rate", s), 1e-12, s.label());
      }
      if (c.n - c.positive > 0) {
        assertEquals(
            (double) fp / (c.n - c.positive), value("false_positive_rate", s), 1e-12, s.label());
      }
      if (c.predicted > 0) {
        assertEquals(
            (double) c.truePositive / c.predicted,
            value("positive_predictive_value", s),
            1e-12,
            s.label());
        // Aequitas (Saleiro et al. 2018): fdr = FP / predicted positive
        assertEquals((double) fp / c.predicted, value("false_discovery_rate", s), 1e-12, s.label());
      }
      if (c.n - c.predicted > 0) {
        // Aequitas: for = FN / predicted negative
        long fn = c.positive - c.truePositive;
        assertEquals(
            (double) fn / (c.n - c.predicted), value("false_omission_rate", s), 1e-12, s.label());
      }
    }
  }

  /**
   * Every metric name of the COMPAS run (fairness with a score, an intersection) is in
   * docs/metrics.md.
   */
  @Test
  void everyMetricOfTheRunIsInTheMetricReference() {
    assertEquals(
        java.util.Set.of(), dev.assay.docs.MetricReference.read().undocumented(run.metrics()));
  }

  /** results.json of this run (fairness with a score and an intersection) is the pinned one. */
  @Test
  void resultsAreThePinnedOnes() {
    GoldenResults.assertPinned("compas", run);
  }

  @Test
  void perGroupCountsAndRatesEqualAPlainLoopOverTheCsv() {
    assertEquals(6, byRace.size());
    assertEquals(3696, byRace.get("African-American").n());
    assertGroups("race", byRace);
    assertGroups("sex", bySex);
    assertGroups("race & sex", byRaceSex);
    assertEquals(7214, run.rowCounts().get("current"));
  }

  /** The report's confusion matrices, recovered from the rates, equal the CSV's own counts. */
  @Test
  void reportConfusionMatricesEqualAPlainLoopOverTheCsv() {
    for (Map.Entry<String, Map<String, Counts>> a :
        Map.of("race", byRace, "sex", bySex, "race & sex", byRaceSex).entrySet()) {
      for (Map.Entry<String, Counts> e : a.getValue().entrySet()) {
        Scope s = Scope.group(a.getKey(), e.getKey());
        Map<String, MetricResult> metrics = new TreeMap<>();
        run.metrics().stream()
            .filter(
                m ->
                    m.key().scope().equals(s) && m.key().family() == dev.assay.core.Family.FAIRNESS)
            .forEach(m -> metrics.put(m.key().metric(), m));
        ConfusionMatrix m = ConfusionMatrix.of(e.getKey(), metrics);
        Counts c = e.getValue();
        assertEquals(
            new ConfusionMatrix(
                e.getKey(),
                c.truePositive,
                c.predicted - c.truePositive,
                c.positive - c.truePositive,
                c.n - c.predicted - c.positive + c.truePositive),
            m,
            s.label());
      }
    }
  }

  @Test
  void impactRatioUsesTheFavourableRateOfGroupsLargeEnough() {
    // Favourable = a low-risk prediction (decile < 5). Native American (18 rows) is too small.
    double best =
        byRace.entrySet().stream()
            .filter(e -> e.getValue().n() >= 30)
            .mapToDouble(e -> 1.0 - (double) e.getValue().predicted() / e.getValue().n())
            .max()
            .orElseThrow();
    double worst =
        byRace.entrySet().stream()
            .filter(e -> e.getValue().n() >= 30)
            .mapToDouble(e -> 1.0 - (double) e.getValue().predicted() / e.getValue().n())
            .min()
            .orElseThrow();
    assertEquals(worst / best, value("demographic_parity_ratio", Scope.attribute("race")), 1e-12);
    Counts aa = byRace.get("African-American");
    assertEquals(
        (1.0 - (double) aa.predicted() / aa.n()) / best,
        value("impact_ratio", Scope.group("race", "African-American")),
        1e-12);
  }

  /**
   * AUC of decile_score for two_year_recid per race, from its definition: over every (positive,
   * negative) pair, 1 when the positive's decile is higher, ½ when equal — a plain double loop over
   * the CSV's rows. Deciles are integers, so Assay's keyed Mann–Whitney is exact.
   */
  @Test
  void aucPerRaceEqualsThePairwiseDefinition() {
    double hi = Double.NEGATIVE_INFINITY;
    double lo = Double.POSITIVE_INFINITY;
    for (String race : byRace.keySet()) {
      List<Integer> pos = positiveScores.getOrDefault(race, List.of());
      List<Integer> neg = negativeScores.getOrDefault(race, List.of());
      double wins = 0;
      for (int p : pos) {
        for (int n : neg) {
          wins += p > n ? 1 : p == n ? 0.5 : 0;
        }
      }
      double auc = wins / ((double) pos.size() * neg.size());
      assertEquals(auc, value("auc", Scope.group("race", race)), 1e-12, race);
      if (byRace.get(race).n() >= 30) {
        hi = Math.max(hi, auc);
        lo = Math.min(lo, auc);
      }
    }
    assertEquals(hi - lo, value("auc_difference", Scope.attribute("race")), 1e-12);
    // Deciles are not probabilities: no calibration metrics, and the report says why.
    assertTrue(run.metrics().stream().noneMatch(m -> m.key().metric().equals("brier_score")));
    assertTrue(
        run.notes().stream().anyMatch(n -> n.contains("not a probability")),
        run.notes().toString());
  }

  /**
   * Every between-group metric names the groups that attain its max and min (results.json {@code
   * max_group}, {@code min_group}; the report's between-group table), from plain loops over the
   * CSV: demographic_parity_difference compares selection rates (decile >= 5), the ratio the
   * favourable (low-risk) rate 1 − selection rate, so its max group is the lowest-selection race;
   * both over the races with at least 30 rows (Native American, 18 rows, is left out).
   */
  /**
   * The Aequitas error-rate disparities as Fairlearn-style max − min and min ÷ max over the races
   * of at least min_group_size (30) rows, from the plain loop's counts.
   */
  @Test
  void falseDiscoveryAndOmissionDisparitiesEqualTheLoop() {
    double fdrHi = Double.NEGATIVE_INFINITY;
    double fdrLo = Double.POSITIVE_INFINITY;
    double forHi = Double.NEGATIVE_INFINITY;
    double forLo = Double.POSITIVE_INFINITY;
    for (Counts c : byRace.values()) {
      if (c.n() < 30) {
        continue;
      }
      double fdr = (double) (c.predicted() - c.truePositive()) / c.predicted();
      double omission = (double) (c.positive() - c.truePositive()) / (c.n() - c.predicted());
      fdrHi = Math.max(fdrHi, fdr);
      fdrLo = Math.min(fdrLo, fdr);
      forHi = Math.max(forHi, omission);
      forLo = Math.min(forLo, omission);
    }
    Scope race = Scope.attribute("race");
    assertEquals(fdrHi - fdrLo, value("false_discovery_rate_difference", race), 1e-12);
    assertEquals(fdrLo / fdrHi, value("false_discovery_rate_ratio", race), 1e-12);
    assertEquals(forHi - forLo, value("false_omission_rate_difference", race), 1e-12);
    assertEquals(forLo / forHi, value("false_omission_rate_ratio", race), 1e-12);
  }

  @Test
  void betweenGroupMetricsNameTheGroupsAttainingTheirMaxAndMin() throws IOException {
    String hiSel = null;
    String loSel = null;
    for (Map.Entry<String, Counts> e : byRace.entrySet()) {
      if (e.getValue().n() < 30) {
        continue;
      }
      double v = (double) e.getValue().predicted() / e.getValue().n();
      if (hiSel == null || v > (double) byRace.get(hiSel).predicted() / byRace.get(hiSel).n()) {
        hiSel = e.getKey();
      }
      if (loSel == null || v < (double) byRace.get(loSel).predicted() / byRace.get(loSel).n()) {
        loSel = e.getKey();
      }
    }
    assertEquals("African-American", hiSel);
    MetricResult.Computed dpd = computed("demographic_parity_difference", Scope.attribute("race"));
    assertEquals(hiSel, dpd.maxGroup());
    assertEquals(loSel, dpd.minGroup());
    MetricResult.Computed dpr = computed("demographic_parity_ratio", Scope.attribute("race"));
    assertEquals(loSel, dpr.maxGroup());
    assertEquals(hiSel, dpr.minGroup());
    assertTrue(dpd.note().contains("highest " + hiSel), dpd.note());
    // auc_difference: the races' pairwise AUCs (aucPerRaceEqualsThePairwiseDefinition) by loop
    String hiAuc = null;
    String loAuc = null;
    double hi = Double.NEGATIVE_INFINITY;
    double lo = Double.POSITIVE_INFINITY;
    for (String race : byRace.keySet()) {
      if (byRace.get(race).n() < 30) {
        continue;
      }
      double wins = 0;
      List<Integer> pos = positiveScores.getOrDefault(race, List.of());
      List<Integer> neg = negativeScores.getOrDefault(race, List.of());
      for (int p : pos) {
        for (int n : neg) {
          wins += p > n ? 1 : p == n ? 0.5 : 0;
        }
      }
      double auc = wins / ((double) pos.size() * neg.size());
      if (auc > hi) {
        hi = auc;
        hiAuc = race;
      }
      if (auc < lo) {
        lo = auc;
        loAuc = race;
      }
    }
    MetricResult.Computed aucDiff = computed("auc_difference", Scope.attribute("race"));
    assertEquals(hiAuc, aucDiff.maxGroup());
    assertEquals(loAuc, aucDiff.minGroup());
    // per-group rows carry none
    assertEquals(null, computed("selection_rate", Scope.group("race", hiSel)).maxGroup());

    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(new dev.assay.report.ResultsJson().render(run));
    boolean found = false;
    for (com.fasterxml.jackson.databind.JsonNode m : json.get("metrics")) {
      if (m.get("metric").asText().equals("demographic_parity_difference")
          && m.get("attribute").asText().equals("race")) {
        assertEquals(hiSel, m.get("max_group").asText());
        assertEquals(loSel, m.get("min_group").asText());
        found = true;
      }
      if (m.has("group")) {
        assertTrue(!m.has("max_group") && !m.has("min_group"), m.toString());
      }
    }
    assertTrue(found);
    dev.assay.report.HtmlPage page = dev.assay.report.HtmlPage.of(run);
    dev.assay.report.HtmlPage.MetricRow row =
        page.families().stream()
            .flatMap(f -> f.attributes().stream())
            .filter(a -> a.attribute().equals("race"))
            .flatMap(a -> a.overall().stream())
            .filter(r -> r.metric().equals("demographic_parity_difference"))
            .findFirst()
            .orElseThrow();
    assertEquals(hiSel, row.maxGroup());
    assertEquals(loSel, row.minGroup());
  }

  static MetricResult.Computed computed(String metric, Scope scope) {
    return run.metrics().stream()
        .filter(m -> m.key().metric().equals(metric) && m.key().scope().equals(scope))
        .map(MetricResult.Computed.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " for " + scope));
  }

  /**
   * NYC LL 144's scoring rate with the decile score as the score, from its definition with plain
   * Java: the median of all 7,214 deciles, then per race the share strictly above it; the scoring
   * impact ratio over the races with at least 30 rows. Deciles are integers, so the keyed
   * computation is exact.
   */
  @Test
  void scoringRateAndItsImpactRatioPerRaceEqualTheDefinition() {
    List<Integer> all = new ArrayList<>();
    scores.values().forEach(all::addAll);
    java.util.Collections.sort(all);
    int n = all.size();
    double median = n % 2 == 1 ? all.get(n / 2) : (all.get(n / 2 - 1) + all.get(n / 2)) / 2.0;
    Map<String, Double> rates = new TreeMap<>();
    scores.forEach(
        (race, list) ->
            rates.put(race, (double) list.stream().filter(d -> d > median).count() / list.size()));
    double best =
        rates.entrySet().stream()
            .filter(e -> byRace.get(e.getKey()).n() >= 30)
            .mapToDouble(Map.Entry::getValue)
            .max()
            .orElseThrow();
    for (String race : byRace.keySet()) {
      Scope s = Scope.group("race", race);
      assertEquals(rates.get(race), value("scoring_rate", s), 1e-12, race);
      assertEquals(rates.get(race) / best, value("scoring_impact_ratio", s), 1e-12, race);
    }
    assertEquals(3696, scores.get("African-American").size());
  }

  /**
   * Cohen's d of the decile score per race against the race with the highest mean decile among
   * those with at least 30 rows, with a two-pass variance in plain Java.
   */
  @Test
  void standardizedMeanDifferencePerRaceEqualsCohensD() {
    Map<String, double[]> stats = new TreeMap<>(); // mean, sample variance, n
    scores.forEach(
        (race, list) -> {
          double mean = list.stream().mapToDouble(Integer::doubleValue).average().orElseThrow();
          double ss = list.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum();
          stats.put(
              race, new double[] {mean, list.size() > 1 ? ss / (list.size() - 1) : 0, list.size()});
        });
    String ref =
        stats.entrySet().stream()
            .filter(e -> byRace.get(e.getKey()).n() >= 30)
            .max(
                java.util.Comparator.comparingDouble(
                    (Map.Entry<String, double[]> e) -> e.getValue()[0]))
            .orElseThrow()
            .getKey();
    assertEquals("African-American", ref);
    double[] r = stats.get(ref);
    for (String race : byRace.keySet()) {
      double[] g = stats.get(race);
      double pooled = Math.sqrt(((g[2] - 1) * g[1] + (r[2] - 1) * r[1]) / (g[2] + r[2] - 2));
      double expected = race.equals(ref) ? 0.0 : (g[0] - r[0]) / pooled;
      assertEquals(
          expected, value("standardized_mean_difference", Scope.group("race", race)), 1e-9, race);
    }
  }

  /**
   * The NYC LL 144 scoring-rate rule and the ECOA SMD rule judge COMPAS's computed metrics: one
   * warning verdict per race group and per intersection group, WARN exactly where the value misses
   * the condition on a group of at least 30 rows, NOT_APPLICABLE under 30.
   */
  @Test
  void ll144ScoringRateAndEcoaSmdRulesJudgeEveryGroup() {
    List<dev.assay.policy.RulePack> packs =
        dev.assay.policy.RulePackLoader.loadAll(
            List.of(Path.of("rules/nyc-ll144.yaml"), Path.of("rules/ecoa-adverse-impact.yaml")));
    List<Verdict> verdicts =
        dev.assay.policy.Policy.evaluate(
                packs,
                run.metrics(),
                run.families(),
                dev.assay.policy.Waivers.NONE,
                java.time.LocalDate.of(2026, 6, 1),
                false,
                dev.assay.policy.Policy.Past.NONE)
            .verdicts();
    for (String rule : List.of("ll144-scoring-impact-ratio", "ecoa-standardized-mean-difference")) {
      String metric =
          rule.startsWith("ll144") ? "scoring_impact_ratio" : "standardized_mean_difference";
      for (String race : byRace.keySet()) {
        Scope scope = Scope.group("race", race);
        Verdict v =
            verdicts.stream()
                .filter(x -> x.ruleId().equals(rule) && x.scope().equals(scope))
                .findFirst()
                .orElseThrow(() -> new AssertionError(rule + " " + scope));
        double value = value(metric, scope);
        boolean holds =
            metric.equals("scoring_impact_ratio") ? value >= 0.8 : Math.abs(value) <= 0.3;
        Status expected =
            byRace.get(race).n() < 30 ? Status.NOT_APPLICABLE : holds ? Status.PASS : Status.WARN;
        assertEquals(expected, v.status(), v.message());
      }
    }
    assertTrue(
        verdicts.stream()
            .anyMatch(
                v ->
                    v.ruleId().equals("ll144-scoring-impact-ratio")
                        && v.status() == Status.WARN
                        && RACE_SEX.equals(v.scope().attribute())),
        "the intersection too");
  }

  static final String RACE_SEX = "race & sex";

  /**
   * The impact ratio of African-American defendants (favourable = low risk) vs the most favoured
   * race.
   */
  @Test
  void impactRatioCarriesAHolmAdjustedPValueAndAKatzInterval() {
    MetricResult.Computed aa =
        (MetricResult.Computed)
            run.metrics().stream()
                .filter(
                    m ->
                        m.key().metric().equals("impact_ratio")
                            && m.key().scope().equals(Scope.group("race", "African-American")))
                .findFirst()
                .orElseThrow();
    assertTrue(aa.pValue() < 1e-10, aa.note());
    assertTrue(aa.ciLow() < aa.value() && aa.value() < aa.ciHigh(), aa.toString());
    assertTrue(aa.ciHigh() < 0.8, "the whole interval is under four-fifths: " + aa);
  }

  @Test
  void theFourFifthsRuleFailsForRaceAndHoldsForSex() {
    Verdict race = verdict("race");
    Verdict sex = verdict("sex");
    assertEquals(Status.FAIL, race.status());
    assertTrue(race.observed() < 0.8, race.message());
    assertEquals(Status.PASS, sex.status());
    assertEquals(1, run.exitCode());
  }

  @Test
  void aWaiverOpensTheGateOnCompasAndAnExpiredOneDoesNot(@TempDir Path dir) throws IOException {
    String waiver =
        "waivers:\n"
            + "  - rule: eeoc-four-fifths\n    attribute: race\n    reason: risk scores under review\n"
            + "    approved_by: model risk committee\n    expires: %s\n"
            + "  - rule: eeoc-four-fifths\n    attribute: race & sex\n    reason: risk scores under review\n"
            + "    approved_by: model risk committee\n    expires: %s\n";
    Path file = dir.resolve("waivers.yaml");
    java.time.Clock clock =
        java.time.Clock.fixed(
            java.time.Instant.parse("2026-06-01T00:00:00Z"), java.time.ZoneOffset.UTC);
    Files.writeString(file, String.format(waiver, "2026-12-31", "2026-12-31"));
    AuditRun waived = Audit.of(spec).withWaivers(file).withClock(clock).run(SharedSpark.get());
    assertEquals(0, waived.exitCode());
    assertEquals(
        Status.WAIVED,
        waived.verdicts().stream()
            .filter(v -> "race".equals(v.scope().attribute()))
            .findFirst()
            .orElseThrow()
            .status());
    Files.writeString(file, String.format(waiver, "2026-12-31", "2026-05-31"));
    AuditRun expired = Audit.of(spec).withWaivers(file).withClock(clock).run(SharedSpark.get());
    assertEquals(1, expired.exitCode());
    assertTrue(
        expired.notes().stream().anyMatch(n -> n.contains("expired on 2026-05-31")),
        expired.notes().toString());
  }

  static Verdict verdict(String attribute) {
    return run.verdicts().stream()
        .filter(
            v -> v.ruleId().equals("eeoc-four-fifths") && attribute.equals(v.scope().attribute()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aGroupBelowMinGroupSizeIsFlaggedNotDropped() {
    MetricResult native_ =
        run.metrics().stream()
            .filter(
                m ->
                    m.key().metric().equals("selection_rate")
                        && m.key().scope().equals(Scope.group("race", "Native American")))
            .findFirst()
            .orElseThrow();
    assertTrue(native_.note().contains("insufficient data"), native_.note());
    assertTrue(
        run.notes().stream().anyMatch(n -> n.contains("Native American (n=18)")),
        run.notes().toString());
  }

  /**
   * SageMaker Clarify's CI, DPL, DPPL and DI for facet d = African-American against the rest a (all
   * other races), from their definitions with one plain loop over the CSV. The spec says {@code
   * favourable: 0}, so Clarify's "positive" outcome is two_year_recid = 0 for the label and a
   * low-risk prediction (decile_score < 5) for the prediction.
   */
  @Test
  void clarifyMetricsForAfricanAmericanVersusTheRest() throws IOException {
    List<String> lines = CompasCsv.lines();
    List<String> header = split(lines.get(0));
    int race = header.indexOf("race");
    int decile = header.indexOf("decile_score");
    int label = header.indexOf("two_year_recid");
    long nd = 0;
    long na = 0;
    long labelD = 0;
    long labelA = 0;
    long predD = 0;
    long predA = 0;
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = split(line);
      boolean favourableLabel = Integer.parseInt(f.get(label)) == 0;
      boolean favourablePrediction = Integer.parseInt(f.get(decile)) < 5;
      if (f.get(race).equals("African-American")) {
        nd++;
        labelD += favourableLabel ? 1 : 0;
        predD += favourablePrediction ? 1 : 0;
      } else {
        na++;
        labelA += favourableLabel ? 1 : 0;
        predA += favourablePrediction ? 1 : 0;
      }
    }
    Scope aa = Scope.group("race", "African-American");
    assertEquals(3696, nd);
    assertEquals((double) (na - nd) / (na + nd), value("clarify_ci", aa), 1e-12);
    assertEquals((double) labelA / na - (double) labelD / nd, value("clarify_dpl", aa), 1e-12);
    assertEquals((double) predA / na - (double) predD / nd, value("clarify_dppl", aa), 1e-12);
    assertEquals(((double) predD / nd) / ((double) predA / na), value("clarify_di", aa), 1e-12);
    assertTrue(
        value("clarify_di", aa) < 0.8,
        "African-American defendants get a low-risk score" + " far less often than the rest");
  }
}
