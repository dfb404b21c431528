package dev.assay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricNamesTest {

  @Test
  void contractNamesOfEveryFamilyAreKnown() {
    assertTrue(MetricNames.isKnown("fairness.selection_rate"));
    assertTrue(MetricNames.isKnown("fairness.demographic_parity_ratio"));
    assertTrue(MetricNames.isKnown("fairness.count"));
    assertTrue(MetricNames.isKnown("drift.psi"));
    assertTrue(MetricNames.isKnown("drift.drift_share"));
    assertTrue(MetricNames.isKnown("drift.unseen_share_current"));
    assertTrue(MetricNames.isKnown("drift.domain_classifier_auc"));
    assertTrue(MetricNames.isKnown("llm.rougeL"));
    assertTrue(MetricNames.isKnown("privacy.k_anonymity"));
    assertTrue(MetricNames.isKnown("privacy.membership_advantage"));
  }

  @Test
  void wrongFamilyCaseOrSpellingIsUnknown() {
    assertFalse(MetricNames.isKnown("fairness.psi"));
    assertFalse(MetricNames.isKnown("llm.rougel"));
    assertFalse(MetricNames.isKnown("fairness.demografic_parity_ratio"));
    assertFalse(MetricNames.isKnown("demographic_parity_ratio"));
    assertFalse(MetricNames.isKnown("ethics.psi"));
    assertFalse(MetricNames.isKnown(null));
  }

  @Test
  void piiIsAPrefixFamilyNeedingASuffix() {
    assertTrue(MetricNames.isKnown("privacy.pii_email"));
    assertTrue(MetricNames.isKnown("llm.pii_phone_rate"));
    assertFalse(MetricNames.isKnown("privacy.pii_"));
    assertFalse(MetricNames.isKnown("drift.pii_email"));
  }

  @Test
  void nearestSuggestsTheIntendedName() {
    assertEquals("fairness.demographic_parity_ratio",
        MetricNames.nearest("fairness.demografic_parity_ratio", 3).get(0));
    assertEquals(List.of("drift.psi"), MetricNames.nearest("fairness.psi", 1));
    assertEquals(3, MetricNames.nearest("x", 3).size());
  }

  @Test
  void editDistanceCountsSingleEdits() {
    assertEquals(0, MetricNames.editDistance("psi", "psi"));
    assertEquals(1, MetricNames.editDistance("psi", "pss"));
    assertEquals(3, MetricNames.editDistance("", "abc"));
    assertEquals(3, MetricNames.editDistance("kitten", "sitting"));
  }

  @Test
  void allListsQualifiedNamesSorted() {
    List<String> all = MetricNames.all();
    assertTrue(all.contains("privacy.pii_*"));
    assertTrue(all.contains("drift.ks_p_value"));
    assertEquals(all.stream().sorted().toList(), all);
  }
}
