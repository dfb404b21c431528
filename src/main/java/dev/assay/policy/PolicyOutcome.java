package dev.assay.policy;

import dev.assay.core.Verdict;
import java.util.List;

/**
 * What the rules made of one run's metrics: one verdict per rule and scope, sorted by rule id then
 * scope, and notes for the reader about the waivers (expired, or matching nothing) that the report
 * shows beside the verdicts.
 */
public record PolicyOutcome(List<Verdict> verdicts, List<String> notes) {

  public PolicyOutcome {
    verdicts = verdicts.stream().sorted().toList();
    notes = List.copyOf(notes);
  }
}
