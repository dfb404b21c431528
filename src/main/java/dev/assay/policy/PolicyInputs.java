package dev.assay.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The policy documents of one run, read and checked together: the rule packs the spec names, the
 * optional waivers (each must name a rule of those packs) and the optional baseline results.json.
 * Reading them needs no Spark, so the CLI reads them before it starts a session: a bad file is exit
 * 2 in milliseconds.
 *
 * @param baseline null when no baseline was given
 */
public record PolicyInputs(List<RulePack> packs, Waivers waivers, Baseline baseline) {

  public PolicyInputs {
    packs = List.copyOf(packs);
  }

  /**
   * Reads the rule packs at {@code ruleFiles}, and the waivers and baseline files when not null.
   *
   * @throws dev.assay.core.BadInputException naming the file (and line) of any problem
   */
  public static PolicyInputs load(List<Path> ruleFiles, Path waiversFile, Path baselineFile) {
    List<RulePack> packs = RulePackLoader.loadAll(ruleFiles);
    Waivers waivers = waiversFile == null ? Waivers.NONE : Waivers.load(waiversFile);
    Baseline baseline = baselineFile == null ? null : Baseline.load(baselineFile);
    waivers.requireKnownRules(
        packs.stream().flatMap(p -> p.rules().stream()).map(Rule::id).collect(Collectors.toSet()));
    return new PolicyInputs(packs, waivers, baseline);
  }
}
