package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.FileEvidence;
import dev.assay.core.MetricResult;
import dev.assay.core.ModelInfo;
import dev.assay.core.Provenance;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the HTML report shows, already worded and formatted (numbers rounded to four decimals,
 * statuses as words, charts laid out), so the Freemarker template only arranges text and escapes
 * it. Built from an {@link AuditRun} by {@link #of(AuditRun)}.
 */
public record HtmlPage(
    String auditName,
    String modelLabel,
    GateSummary gate,
    String verdictClass,
    List<Finding> findings,
    int hiddenFindings,
    List<String> checkedFamilies,
    List<String> notApplicableFamilies,
    List<Fact> rowCounts,
    List<RuleRow> rules,
    int hiddenRules,
    List<FamilySection> families,
    List<String> notes,
    List<MethodGroup> glossary,
    List<Fact> evidence,
    List<FileEvidence> files,
    String toolVersion,
    BaselineSummary baseline,
    ModelCard modelCard) {

  /**
   * The model card block of the first page: the spec's model card fields that were given, in order,
   * and the registry URI ({@code registryLink} true when it is http or https, so the page links to
   * it; any other scheme is shown as text). Null when no model card field was given.
   */
  public record ModelCard(List<Fact> facts, String registryUri, boolean registryLink) {

    static ModelCard of(ModelInfo model) {
      if (model == null || !model.hasCard()) {
        return null;
      }
      List<Fact> facts = new ArrayList<>();
      if (model.riskClass() != null) {
        facts.add(new Fact("Risk class", model.riskClass()));
      }
      if (model.intendedUse() != null) {
        facts.add(new Fact("Intended use", model.intendedUse().strip()));
      }
      if (model.limitations() != null) {
        facts.add(new Fact("Limitations", model.limitations().strip()));
      }
      String uri = blank(model.registryUri());
      String scheme =
          uri.contains(":") ? uri.substring(0, uri.indexOf(':')).toLowerCase(Locale.ROOT) : "";
      return new ModelCard(facts, uri, scheme.equals("https") || scheme.equals("http"));
    }
  }

  /** The most groups an attribute's table and chart show; the rest are counted. */
  public static final int MAX_GROUPS = 50;

  /** The most rows the rule-check table shows (problems first); the rest are counted. */
  public static final int MAX_RULE_ROWS = 500;

  /** Rule statuses in the order the verdict table lists them: problems first. */
  static final List<Status> STATUS_ORDER =
      List.of(
          Status.FAIL,
          Status.ERROR,
          Status.WARN,
          Status.WAIVED,
          Status.NOT_APPLICABLE,
          Status.PASS);

  /**
   * The comparison with the {@code --baseline} run, for the executive summary: of the metrics both
   * runs computed, how many got worse and how many better by their {@link
   * dev.assay.core.Direction}, and the regressions (largest first, at most {@link
   * #MAX_REGRESSIONS}).
   */
  public record BaselineSummary(int compared, int worse, int better, List<String> regressions) {}

  /** The most regressions the executive summary lists. */
  public static final int MAX_REGRESSIONS = 10;

  /**
   * One metric of the methodology appendix, from its catalog descriptor: what it means, how it is
   * computed (in the notation of docs/metrics.md) and what it follows.
   */
  public record Method(String metric, String definition, String formula, String citation) {}

  /** The methods of one metric group (a docs topic), in catalog order. */
  public record MethodGroup(String title, List<Method> methods) {}

  /** A label and its text (a row count, a glossary entry, a provenance field). */
  public record Fact(String label, String text) {}

  /** One row of the rule verdict table. */
  public record RuleRow(
      String id,
      String title,
      String pack,
      String severity,
      String metric,
      String scope,
      String observed,
      String expected,
      String status,
      String statusClass,
      String message,
      String waiver,
      String rationale,
      String reference) {}

  /**
   * One metric family: whether it ran (and if not, why), its findings in plain words, the fairness
   * tables per attribute, the drift summary (null for other families), and a generic table of every
   * other metric by scope ({@code hiddenColumns} drift columns left out of it), and the PII-by-type
   * chart (null when the family scanned for none).
   */
  public record FamilySection(
      String id,
      String title,
      boolean applicable,
      String reason,
      List<Finding> findings,
      List<AttributeSection> attributes,
      DriftTable drift,
      List<MetricRow> metrics,
      int hiddenColumns,
      PiiChart pii) {}

  /**
   * A sensitive attribute (or intersection): groups as rows by per-group metrics as columns (the
   * full grid), shown as a compact {@code summary} to read across with the favourable-rate chart
   * and the impact-ratio {@code forest} plot beside it, and the whole grid in {@code details}
   * tables, one per metric group (notes said once, see {@link GroupTables}); the between-group
   * metrics. With more than {@link #MAX_GROUPS} groups only the largest are shown, largest first,
   * and {@code hiddenGroups} counts the others; {@code confusion} holds the groups' confusion
   * matrices when a label and a prediction were audited. With {@code fairness.task: multiclass}
   * ({@code classColumn}) a row is a group and a class (its one-vs-rest rates), or a group alone
   * (its count and accuracy, with an empty class); there is then no chart and no confusion matrix.
   */
  public record AttributeSection(
      String attribute,
      List<String> columns,
      List<GroupRow> groups,
      List<MetricRow> overall,
      BarChart chart,
      int hiddenGroups,
      ConfusionMatrices confusion,
      boolean classColumn,
      String anchor,
      GroupTables.Summary summary,
      ForestPlot forest,
      List<GroupTables.Detail> details) {}

  /** One group's row of per-group metrics; {@code classLabel} is "" without a class. */
  public record GroupRow(String group, String classLabel, List<Cell> cells) {}

  /**
   * A formatted value with its confidence interval (or ""), its note (or ""), a footnote number
   * (always 0: notes are shown where they apply, said once), and with a baseline the earlier value
   * and the change (or "") and whether the change is a regression.
   */
  public record Cell(
      String text, String ci, String note, int footnote, String baseline, boolean worse) {}

  /**
   * One metric in a generic table; with a baseline, the earlier value, the change (both "" when the
   * baseline lacks the metric) and whether the change is a regression; for a between-group metric
   * the groups that attain its maximum and minimum ("" otherwise).
   */
  public record MetricRow(
      String scope,
      String metric,
      String value,
      String ci,
      String count,
      String pValue,
      String note,
      String baseline,
      String change,
      boolean worse,
      String maxGroup,
      String minGroup) {}

  /** Lays out the run for the template. */
  public static HtmlPage of(AuditRun run) {
    return of(run, null);
  }

  /** The page of {@code run} whose evidence lists {@code signature} (null: no signature line). */
  public static HtmlPage of(AuditRun run, String signature) {
    GateSummary gate = GateSummary.of(run);
    List<String> checked = new ArrayList<>();
    List<String> notApplicable = new ArrayList<>();
    for (FamilyOutcome outcome : run.families()) {
      if (outcome.applicable()) {
        checked.add(outcome.family().title());
      } else {
        notApplicable.add(
            outcome.family().title()
                + " ("
                + Objects.toString(outcome.reason(), "no reason given")
                + ")");
      }
    }
    List<Fact> rowCounts =
        run.rowCounts().entrySet().stream()
            .map(e -> new Fact(e.getKey(), String.format(Locale.ROOT, "%,d", e.getValue())))
            .toList();
    List<RuleRow> rules =
        run.verdicts().stream()
            .sorted(
                Comparator.comparingInt((Verdict v) -> STATUS_ORDER.indexOf(v.status()))
                    .thenComparing(Comparator.naturalOrder()))
            .limit(MAX_RULE_ROWS)
            .map(HtmlPage::ruleRow)
            .toList();
    DriftTable drift = DriftTable.of(run);
    Findings findings = Findings.of(run, drift);
    List<FamilySection> families = new ArrayList<>();
    for (Family family : Family.values()) {
      FamilySection section = familySection(run, family, findings, drift);
      // a family that did not apply gets no section: the summary lists it with its reason
      if (section != null && section.applicable()) {
        families.add(section);
      }
    }
    return new HtmlPage(
        run.name(),
        modelLabel(run.model()),
        gate,
        run.passed() ? "pass" : "fail",
        findings.all(),
        findings.hidden(),
        checked,
        notApplicable,
        rowCounts,
        rules,
        run.verdicts().size() - rules.size(),
        families,
        run.notes(),
        glossary(run),
        evidence(run.provenance(), signature),
        run.provenance() == null ? List.of() : run.provenance().files(),
        run.provenance() == null ? "" : blank(run.provenance().toolVersion()),
        baselineSummary(run),
        ModelCard.of(run.model()));
  }

  /** Null without a baseline. */
  private static BaselineSummary baselineSummary(AuditRun run) {
    if (run.baseline().isEmpty()) {
      return null;
    }
    List<BaselineChange> changes = BaselineChange.of(run);
    List<String> listed =
        BaselineChange.largestRegressions(changes, MAX_REGRESSIONS).stream()
            .map(c -> c.label() + ": " + NumberText.of(c.before()) + " → " + NumberText.of(c.now()))
            .toList();
    return new BaselineSummary(
        changes.size(),
        (int) changes.stream().filter(BaselineChange::worse).count(),
        (int) changes.stream().filter(BaselineChange::better).count(),
        listed);
  }

  /** "0.8123, change −0.0100" or "" when the baseline does not have the metric. */
  static String baselineText(Double before, MetricResult m) {
    if (before == null) {
      return "";
    }
    return "baseline "
        + NumberText.of(before)
        + (m instanceof MetricResult.Computed c ? ", change " + change(before, c.value()) : "");
  }

  private static String change(double before, double now) {
    double d = now - before;
    return (d > 0 ? "+" : d < 0 ? "−" : "±") + NumberText.of(Math.abs(d));
  }

  static boolean worse(Double before, MetricResult m) {
    return before != null
        && m instanceof MetricResult.Computed c
        && m.key().descriptor().direction().worse(before, c.value());
  }

  static String statusText(Status status) {
    return status.name().replace('_', ' ');
  }

  static String statusClass(Status status) {
    return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String modelLabel(ModelInfo model) {
    if (model == null || model.name() == null) {
      return "";
    }
    StringBuilder label = new StringBuilder(model.name());
    if (model.version() != null) {
      label.append(" version ").append(model.version());
    }
    if (model.owner() != null) {
      label.append(", owned by ").append(model.owner());
    }
    return label.toString();
  }

  private static RuleRow ruleRow(Verdict v) {
    String waiver = "";
    if (v.waiver() != null) {
      Verdict.Waiver w = v.waiver();
      waiver =
          Objects.toString(w.reason(), "")
              + (w.approvedBy() == null ? "" : " — approved by " + w.approvedBy())
              + (w.expires() == null ? "" : ", expires " + w.expires());
    }
    return new RuleRow(
        v.ruleId(),
        blank(v.ruleTitle()),
        blank(v.pack()),
        v.severity().id(),
        blank(v.metric()),
        v.scope().label(),
        NumberText.of(v.observed()),
        blank(v.expected()),
        statusText(v.status()),
        statusClass(v.status()),
        blank(v.message()),
        waiver,
        blank(v.rationale()),
        blank(v.reference()));
  }

  private static FamilySection familySection(
      AuditRun run, Family family, Findings findings, DriftTable drift) {
    FamilyOutcome outcome =
        run.families().stream().filter(o -> o.family() == family).findFirst().orElse(null);
    List<MetricResult> metrics =
        run.metrics().stream().filter(m -> m.key().family() == family).toList();
    if (outcome == null && metrics.isEmpty()) {
      return null;
    }
    boolean applicable = outcome == null || outcome.applicable();
    String reason = outcome == null ? "" : blank(outcome.reason());
    List<AttributeSection> attributes = new ArrayList<>();
    List<MetricRow> generic = new ArrayList<>();
    Map<dev.assay.core.MetricKey, Double> base = run.baseline();
    int hiddenColumns = 0;
    if (family == Family.FAIRNESS) {
      Map<String, List<MetricResult>> byAttribute = new LinkedHashMap<>();
      for (MetricResult m : metrics) {
        if (m.key().scope().attribute() == null) {
          generic.add(metricRow(m, base));
        } else {
          byAttribute.computeIfAbsent(m.key().scope().attribute(), a -> new ArrayList<>()).add(m);
        }
      }
      int chartNo = 0;
      for (Map.Entry<String, List<MetricResult>> e : byAttribute.entrySet()) {
        attributes.add(attributeSection(e.getKey(), e.getValue(), "attr-" + (++chartNo), base));
      }
    } else if (family == Family.DRIFT) {
      Set<String> shown = new HashSet<>();
      drift.rows().forEach(r -> shown.add(r.column()));
      for (MetricResult m : metrics) {
        String column = m.key().scope().column();
        // a segment's per-column metrics are in results.json; its drift_share is shown here
        if (column == null || shown.contains(column) && m.key().scope().attribute() == null) {
          generic.add(metricRow(m, base));
        }
      }
      hiddenColumns = drift.hidden();
    } else {
      metrics.forEach(m -> generic.add(metricRow(m, base)));
    }
    return new FamilySection(
        family.id(),
        family.title(),
        applicable,
        reason,
        findings.of(family),
        attributes,
        family == Family.DRIFT && !drift.rows().isEmpty() ? drift : null,
        generic,
        hiddenColumns,
        PiiChart.of("pii-" + family.id(), family, metrics));
  }

  private static AttributeSection attributeSection(
      String attribute,
      List<MetricResult> metrics,
      String chartId,
      Map<dev.assay.core.MetricKey, Double> base) {
    // rows by group, or with classes by group and class: the key is the row's label
    Map<String, Map<String, MetricResult>> byGroup = new LinkedHashMap<>();
    Map<String, String[]> rowScope = new HashMap<>();
    List<MetricRow> overall = new ArrayList<>();
    TreeSet<String> names =
        new TreeSet<>(
            Comparator.comparingInt(HtmlPage::columnRank).thenComparing(Comparator.naturalOrder()));
    boolean classColumn =
        metrics.stream()
            .anyMatch(m -> m.key().scope().group() != null && m.key().scope().classLabel() != null);
    for (MetricResult m : metrics) {
      String group = GroupTables.rowGroup(m.key().scope());
      if (group == null) {
        overall.add(metricRow(m, base));
      } else {
        String cls = m.key().scope().classLabel();
        String row = cls == null ? group : group + ", class " + cls;
        rowScope.putIfAbsent(row, new String[] {group, cls == null ? "" : cls});
        byGroup.computeIfAbsent(row, g -> new LinkedHashMap<>()).put(m.key().metric(), m);
        names.add(m.key().metric());
      }
    }
    int hiddenGroups = 0;
    if (byGroup.size() > MAX_GROUPS) {
      List<String> largest =
          byGroup.keySet().stream()
              .sorted(
                  Comparator.comparingLong((String g) -> groupCount(byGroup.get(g)))
                      .reversed()
                      .thenComparing(Comparator.naturalOrder()))
              .limit(MAX_GROUPS)
              .toList();
      Map<String, Map<String, MetricResult>> kept = new LinkedHashMap<>();
      largest.forEach(g -> kept.put(g, byGroup.get(g)));
      hiddenGroups = byGroup.size() - MAX_GROUPS;
      byGroup.clear();
      byGroup.putAll(kept);
    }
    boolean derivedCount =
        !names.contains("count")
            && metrics.stream().anyMatch(m -> m.key().scope().group() != null && m.count() != null);
    List<String> columns = new ArrayList<>();
    if (derivedCount) {
      columns.add("count");
    }
    columns.addAll(names);
    List<GroupRow> groups = new ArrayList<>();
    List<BarChart.Point> points = new ArrayList<>();
    List<BarChart.Point> ratios = new ArrayList<>();
    String chartMetric =
        classColumn
            ? null
            : names.contains("selection_rate")
                ? "selection_rate"
                : names.contains("impact_ratio") ? "impact_ratio" : null;
    // demographic_parity_ratio's note names the rate it compares; the favourable rate is
    // 1 - selection_rate when the favourable prediction is the negative one
    boolean favourableIsNegative =
        "selection_rate".equals(chartMetric)
            && overall.stream()
                .anyMatch(
                    r ->
                        r.metric().equals("demographic_parity_ratio")
                            && r.note().startsWith("favourable rate"));
    for (Map.Entry<String, Map<String, MetricResult>> g : byGroup.entrySet()) {
      List<Cell> cells = new ArrayList<>();
      if (derivedCount) {
        Long count =
            g.getValue().values().stream()
                .map(MetricResult::count)
                .filter(Objects::nonNull)
                .max(Long::compare)
                .orElse(null);
        cells.add(
            new Cell(
                count == null ? NumberText.MISSING : Long.toString(count), "", "", 0, "", false));
      }
      for (String name : names) {
        MetricResult m = g.getValue().get(name);
        if (m == null) {
          cells.add(
              new Cell(
                  NumberText.MISSING,
                  "",
                  classColumn
                      ? (rowScope.get(g.getKey())[1].isEmpty()
                          ? "given per class"
                          : "not per class")
                      : "not computed for this group",
                  0,
                  "",
                  false));
          continue;
        }
        Double before = base.get(m.key());
        cells.add(
            new Cell(
                value(m), ci(m), blank(m.note()), 0, baselineText(before, m), worse(before, m)));
      }
      MetricResult ratio = classColumn ? null : g.getValue().get("impact_ratio");
      if (ratio != null && ratio.number().isPresent()) {
        ratios.add(chartPoint(g.getKey(), ratio, false));
      }
      if (chartMetric != null) {
        MetricResult m = g.getValue().get(chartMetric);
        if (m != null && m.number().isPresent()) {
          points.add(chartPoint(g.getKey(), m, favourableIsNegative));
        }
      }
      String[] at = rowScope.get(g.getKey());
      groups.add(new GroupRow(at[0], at[1], cells));
    }
    String chartLabel =
        favourableIsNegative
            ? "Favourable rate (1 − selection rate)"
            : chartMetric == null
                ? ""
                : Character.toUpperCase(chartMetric.charAt(0))
                    + chartMetric.substring(1).replace('_', ' ');
    BarChart chart =
        chartMetric == null ? null : BarChart.of(chartId + "-rates", chartLabel, attribute, points);
    return new AttributeSection(
        attribute,
        columns,
        groups,
        overall,
        chart,
        hiddenGroups,
        ConfusionMatrices.of(classColumn ? Map.of() : byGroup),
        classColumn,
        chartId,
        GroupTables.summary(byGroup, rowScope, favourableIsNegative, base),
        ForestPlot.of(chartId + "-forest", attribute, ratios),
        GroupTables.details(chartId, columns, groups));
  }

  /** A group's bar: the value with its interval, or 1 − both for the favourable rate. */
  private static BarChart.Point chartPoint(String group, MetricResult m, boolean complement) {
    double v = m.number().getAsDouble();
    Double low = null;
    Double high = null;
    if (m instanceof MetricResult.Computed c && c.ciLow() != null && c.ciHigh() != null) {
      low = complement ? 1 - c.ciHigh() : c.ciLow();
      high = complement ? 1 - c.ciLow() : c.ciHigh();
    }
    return new BarChart.Point(group, complement ? 1 - v : v, low, high);
  }

  /** A group's row count: its count metric, else the largest count of its metrics, else 0. */
  private static long groupCount(Map<String, MetricResult> metrics) {
    MetricResult count = metrics.get("count");
    if (count != null && count.number().isPresent()) {
      return (long) count.number().getAsDouble();
    }
    return metrics.values().stream()
        .map(MetricResult::count)
        .filter(Objects::nonNull)
        .max(Long::compare)
        .orElse(0L);
  }

  /** A fairness metric's place in the per-group tables: the catalog's (declaration) order. */
  private static int columnRank(String metric) {
    return MetricCatalog.find(Family.FAIRNESS, metric)
        .map(MetricCatalog::rank)
        .orElse(Integer.MAX_VALUE);
  }

  private static MetricRow metricRow(MetricResult m, Map<dev.assay.core.MetricKey, Double> base) {
    String pValue = "";
    if (m instanceof MetricResult.Computed c && c.pValue() != null) {
      pValue = NumberText.of(c.pValue());
    }
    Double before = base.get(m.key());
    String change =
        before != null && m instanceof MetricResult.Computed c ? change(before, c.value()) : "";
    return new MetricRow(
        m.key().scope().label(),
        m.key().metric(),
        value(m),
        ci(m),
        m.count() == null ? "" : Long.toString(m.count()),
        pValue,
        blank(m.note()),
        before == null ? "" : NumberText.of(before),
        change,
        worse(before, m),
        m instanceof MetricResult.Computed c ? blank(c.maxGroup()) : "",
        m instanceof MetricResult.Computed c ? blank(c.minGroup()) : "");
  }

  static String value(MetricResult m) {
    return m instanceof MetricResult.Computed c ? NumberText.of(c.value()) : NumberText.MISSING;
  }

  static String ci(MetricResult m) {
    if (m instanceof MetricResult.Computed c && c.ciLow() != null && c.ciHigh() != null) {
      return NumberText.of(c.ciLow()) + " – " + NumberText.of(c.ciHigh());
    }
    return "";
  }

  /**
   * The methodology appendix: each metric the run computed or its rules name, stated once from its
   * catalog descriptor, grouped by the descriptors' docs topic, in catalog order.
   */
  private static List<MethodGroup> glossary(AuditRun run) {
    Set<dev.assay.core.MetricDescriptor> used = new HashSet<>();
    for (MetricResult m : run.metrics()) {
      used.add(m.key().descriptor());
    }
    for (Verdict v : run.verdicts()) {
      if (v.metric() != null) {
        MetricCatalog.find(v.metric()).ifPresent(used::add);
      }
    }
    Map<String, List<Method>> byTopic = new LinkedHashMap<>();
    used.stream()
        .sorted(
            Comparator.comparingInt(MetricCatalog::rank)
                .thenComparing(dev.assay.core.MetricDescriptor::qualifiedName))
        .forEach(
            d ->
                byTopic
                    .computeIfAbsent(d.topic(), t -> new ArrayList<>())
                    .add(new Method(d.id(), d.definition(), d.formula(), d.citation())));
    return byTopic.entrySet().stream()
        .map(e -> new MethodGroup(methodTitle(e.getKey()), e.getValue()))
        .toList();
  }

  /** "Fairness: Clarify …" from a docs topic such as {@code fairness/clarify}. */
  private static String methodTitle(String topic) {
    int slash = topic.indexOf('/');
    Family family = slash < 0 ? null : Family.byId(topic.substring(0, slash));
    String title = topic.startsWith("fairness/") ? GroupTables.topicTitle(topic) : topic;
    if (family != null && !topic.startsWith("fairness/")) {
      String rest = topic.substring(slash + 1).replace('-', ' ');
      title = Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }
    return family == null ? title : family.title() + ": " + title;
  }

  private static List<Fact> evidence(Provenance p, String signature) {
    if (p == null) {
      return List.of();
    }
    List<Fact> facts = new ArrayList<>();
    if (signature != null) {
      facts.add(new Fact("Signature", signature));
    }
    facts.add(new Fact("Assay version", blank(p.toolVersion())));
    facts.add(new Fact("Java version", blank(p.javaVersion())));
    facts.add(new Fact("Spark version", blank(p.sparkVersion())));
    facts.add(new Fact("Spark master", blank(p.sparkMaster())));
    facts.add(new Fact("Started", p.started() == null ? "" : p.started().toString()));
    facts.add(new Fact("Finished", p.finished() == null ? "" : p.finished().toString()));
    if (p.started() != null && p.finished() != null) {
      Duration took = Duration.between(p.started(), p.finished());
      facts.add(
          new Fact(
              "Duration",
              took.toSeconds()
                  + "."
                  + String.format(Locale.ROOT, "%03d", took.toMillisPart())
                  + " s"));
    }
    return facts;
  }

  private static String blank(String text) {
    return text == null ? "" : text;
  }
}
