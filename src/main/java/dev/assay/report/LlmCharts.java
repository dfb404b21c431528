package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.Direction;
import dev.assay.core.Family;
import dev.assay.core.FamilyOutcome;
import dev.assay.core.MetricDescriptor;
import dev.assay.core.MetricResult;
import dev.assay.core.MetricUnit;
import dev.assay.core.Scope;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import dev.assay.metrics.MetricCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charts of the LLM family's section, drawn only when that family ran: the data set's quality
 * scores on 0 to 1 (exact match, token F1, ROUGE, lexical groundedness, context recall …), the
 * corpus scores on 0 to 100 (BLEU, chrF), a judge model's 1-to-5 ratings, the problem rates
 * (refusal, prompt and indirect injection, personal data and secrets in responses, unsupported
 * numbers and names), retrieval quality by cut-off k (precision@k, recall@k, hit rate@k, nDCG@k,
 * with MRR and MAP over the whole ranked list), and per variant of the prompts each 0-to-1 metric
 * (refusal rate, ROUGE-L). Which chart a metric joins follows its catalog entry (unit, range,
 * better side), so a metric added to the catalog is drawn without a change here. Every bar carries
 * the rule that judged its metric, intervals are whiskers, and each chart's text alternative states
 * its finding (highest and lowest, and which rules did not hold). Undefined metrics have no bar
 * (the metric table gives the reason).
 */
public final class LlmCharts {

  /** Ranking metrics of the retriever, drawn by k; the others are over the whole ranked list. */
  static final Set<String> RETRIEVAL =
      Set.of("precision_at_k", "recall_at_k", "hit_rate_at_k", "ndcg_at_k", "mrr", "map");

  private static final Pattern K = Pattern.compile("\\bk = (\\d+)");

  private LlmCharts() {}

  /** The charts, in page order; empty when the LLM family did not run or computed no number. */
  public static List<MetricBars> of(AuditRun run) {
    if (!ran(run)) {
      return List.of();
    }
    List<MetricResult> dataset = new ArrayList<>();
    Map<String, List<MetricResult>> perGroup = new LinkedHashMap<>();
    for (MetricResult m : run.metrics()) {
      if (m.key().family() != Family.LLM
          || m.number().isEmpty()
          || m.key().metric().startsWith(SafetyCharts.PREFIX)) {
        continue; // the safety section draws the classifiers' rates (SafetyCharts)
      }
      Scope s = m.key().scope();
      if (s.attribute() == null && s.group() == null && s.column() == null) {
        dataset.add(m);
      } else if (s.group() != null && isUnit(m.key().descriptor())) {
        perGroup.computeIfAbsent(m.key().metric(), k -> new ArrayList<>()).add(m);
      }
    }
    dataset.sort(Comparator.comparingInt(m -> MetricCatalog.rank(m.key().descriptor())));
    Charts charts = new Charts(run.verdicts());
    charts.add(
        "Answer quality and grounding",
        "Score from 0 to 1 (higher is better)",
        1,
        select(
            dataset, d -> isUnit(d) && d.direction() == Direction.HIGHER_BETTER && !retrieval(d)),
        true);
    charts.add(
        "Corpus scores: BLEU and chrF",
        "Score from 0 to 100 (higher is better)",
        100,
        select(dataset, d -> d.range().min() >= 0 && d.range().max() == 100),
        true);
    charts.add(
        "Judge model's ratings",
        "Average rating, 1 to 5 (higher is better; an opinion of a model)",
        5,
        select(dataset, d -> d.range().min() >= 1 && d.range().max() == 5),
        true);
    charts.add(
        "Refusal, injection and leak rates",
        "Share of records, 0 to 1 (lower is better)",
        1,
        select(
            dataset,
            d ->
                d.unit() == MetricUnit.SHARE
                    && d.direction() == Direction.LOWER_BETTER
                    && !d.id().startsWith("pii_")),
        false);
    List<MetricResult> ranking = select(dataset, LlmCharts::retrieval);
    charts.addRetrieval(ranking);
    perGroup.forEach(charts::addPerGroup);
    return charts.all;
  }

  /** Whether the LLM family ran (or, in a run without family outcomes, computed anything). */
  static boolean ran(AuditRun run) {
    Optional<FamilyOutcome> outcome =
        run.families().stream().filter(o -> o.family() == Family.LLM).findFirst();
    return outcome
        .map(FamilyOutcome::applicable)
        .orElseGet(() -> run.metrics().stream().anyMatch(m -> m.key().family() == Family.LLM));
  }

  private static boolean isUnit(MetricDescriptor d) {
    return d.range().min() >= 0 && d.range().max() == 1;
  }

  private static boolean retrieval(MetricDescriptor d) {
    return RETRIEVAL.contains(d.id());
  }

  private static List<MetricResult> select(
      List<MetricResult> metrics, Predicate<MetricDescriptor> test) {
    return metrics.stream().filter(m -> test.test(m.key().descriptor())).toList();
  }

  /** "precision@5" for a metric at a cut-off k (read from its note "k = 5"), else its name. */
  static String retrievalLabel(MetricResult m) {
    String name = m.key().metric();
    if (name.endsWith("_at_k") && m.note() != null) {
      Matcher k = K.matcher(m.note());
      if (k.find()) {
        return name.substring(0, name.length() - "_at_k".length()) + "@" + k.group(1);
      }
    }
    return name;
  }

  /** The charts being built, numbered in page order. */
  private static final class Charts {
    private final List<Verdict> verdicts;
    private final List<MetricBars> all = new ArrayList<>();

    Charts(List<Verdict> verdicts) {
      this.verdicts = verdicts;
    }

    void add(
        String title, String axis, double max, List<MetricResult> metrics, boolean higherBetter) {
      List<MetricBars.Item> items = new ArrayList<>();
      for (MetricResult m : metrics) {
        items.add(item(m.key().metric(), m));
      }
      addChart(title, axis, max, items, higherBetter);
    }

    void addRetrieval(List<MetricResult> metrics) {
      List<MetricBars.Item> items = new ArrayList<>();
      List<MetricResult> sorted = new ArrayList<>(metrics);
      // by metric, then by k, so the same metric at several cut-offs sits together
      sorted.sort(
          Comparator.comparingInt((MetricResult m) -> MetricCatalog.rank(m.key().descriptor()))
              .thenComparing(LlmCharts::retrievalLabel, LlmCharts::byNumberSuffix));
      for (MetricResult m : sorted) {
        items.add(item(retrievalLabel(m), m));
      }
      addChart(
          "Retrieval quality by cut-off k",
          "Score from 0 to 1 (higher is better); @k: in the first k passages",
          1,
          items,
          true);
    }

    void addPerGroup(String metric, List<MetricResult> metrics) {
      List<MetricBars.Item> items = new ArrayList<>();
      String attribute = metrics.get(0).key().scope().attribute();
      for (MetricResult m : metrics) {
        items.add(item(m.key().scope().group(), m));
      }
      Direction direction = metrics.get(0).key().descriptor().direction();
      addChart(
          metric + " by variant" + (attribute == null ? "" : " (" + attribute + ")"),
          metric + ", 0 to 1, per variant of the prompts",
          1,
          items,
          direction != Direction.LOWER_BETTER);
    }

    private void addChart(
        String title, String axis, double max, List<MetricBars.Item> items, boolean higherBetter) {
      MetricBars chart =
          MetricBars.of(
              "llm-chart-" + (all.size() + 1),
              title,
              axis,
              max,
              items,
              finding(title, items, higherBetter));
      if (chart != null) {
        all.add(chart);
      }
    }

    private MetricBars.Item item(String label, MetricResult m) {
      return LlmCharts.item(label, m, verdicts);
    }
  }

  /** The bar of one metric value, with the rule that judged it on the same scope. */
  static MetricBars.Item item(String label, MetricResult m, List<Verdict> verdicts) {
    Double low = null;
    Double high = null;
    if (m instanceof MetricResult.Computed c && c.ciLow() != null && c.ciHigh() != null) {
      low = c.ciLow();
      high = c.ciHigh();
    }
    String qualified = m.key().descriptor().qualifiedName();
    Verdict rule =
        verdicts.stream()
            .filter(v -> qualified.equals(v.metric()) && m.key().scope().equals(v.scope()))
            .min(Comparator.comparingInt(v -> HtmlPage.STATUS_ORDER.indexOf(v.status())))
            .orElse(null);
    String ruleText = "";
    boolean failed = false;
    if (rule != null) {
      failed = rule.status() == Status.FAIL || rule.status() == Status.WARN;
      ruleText =
          "rule "
              + (rule.expected() == null ? rule.ruleId() : rule.expected())
              + ": "
              + HtmlPage.statusText(rule.status());
    }
    return new MetricBars.Item(label, m.number().getAsDouble(), low, high, ruleText, failed);
  }

  /**
   * The chart's finding in one sentence: its best and worst bar by the metrics' better side, the
   * bars whose rule did not hold (or that every rule held), and what the whiskers are.
   */
  static String finding(String title, List<MetricBars.Item> items, boolean higherBetter) {
    if (items.isEmpty()) {
      return "";
    }
    Comparator<MetricBars.Item> byValue = Comparator.comparingDouble(MetricBars.Item::value);
    MetricBars.Item highest = items.stream().max(byValue).orElseThrow();
    MetricBars.Item lowest = items.stream().min(byValue).orElseThrow();
    StringBuilder text = new StringBuilder(title).append(": ");
    if (items.size() == 1) {
      text.append(highest.label()).append(' ').append(NumberText.of(highest.value()));
    } else {
      text.append("highest ")
          .append(highest.label())
          .append(" (")
          .append(NumberText.of(highest.value()))
          .append("), lowest ")
          .append(lowest.label())
          .append(" (")
          .append(NumberText.of(lowest.value()))
          .append(')')
          .append(higherBetter ? "" : "; lower is better");
    }
    List<String> failed =
        items.stream()
            .filter(MetricBars.Item::failed)
            .map(i -> i.label() + " " + NumberText.of(i.value()) + ", " + i.rule())
            .toList();
    boolean judged = items.stream().anyMatch(i -> !i.rule().isEmpty());
    if (!failed.isEmpty()) {
      text.append(". ")
          .append(failed.size() == 1 ? "One rule did not hold: " : "Rules that did not hold: ")
          .append(String.join("; ", failed));
    } else if (judged) {
      text.append(". Every rule on these metrics holds");
    }
    text.append('.');
    if (items.stream().anyMatch(MetricBars.Item::hasInterval)) {
      text.append(" Whiskers show the confidence intervals.");
    }
    return text.toString();
  }

  /** Orders "recall@5" before "recall@10". */
  private static int byNumberSuffix(String a, String b) {
    int at = a.lastIndexOf('@');
    int bt = b.lastIndexOf('@');
    if (at > 0 && bt > 0 && a.substring(0, at).equals(b.substring(0, bt))) {
      try {
        return Integer.compare(
            Integer.parseInt(a.substring(at + 1)), Integer.parseInt(b.substring(bt + 1)));
      } catch (NumberFormatException e) {
        return a.compareTo(b);
      }
    }
    return a.compareTo(b);
  }
}
