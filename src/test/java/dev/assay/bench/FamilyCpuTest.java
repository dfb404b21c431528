package dev.assay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The whole-audit row's CPU split: job groups name the family; the largest share dominates. */
class FamilyCpuTest {

  @Test
  void theFamilyComesFromTheAuditsJobGroup() {
    assertEquals("fairness", FamilyCpu.family("assay-12-fairness"));
    assertEquals("drift", FamilyCpu.family("assay-3-drift"));
    assertEquals("other", FamilyCpu.family(null));
    assertEquals("other", FamilyCpu.family("someone-else"));
  }

  @Test
  void theDominantFamilyHasTheMostCpuAndSharesAddUpToTheTotal() {
    Map<String, Double> seconds = new TreeMap<>(Map.of("drift", 3.0, "fairness", 1.0));
    FamilyCpu.Split split = new FamilyCpu.Split(seconds);
    assertEquals("drift", split.dominant());
    assertEquals("drift 3.00 s (75%), fairness 1.00 s (25%)", split.line());
  }
}
