package dev.assay.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.EditDistance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact lookup and "did you mean" over the catalog (no Spark). */
class MetricCatalogTest {

  @Test
  void contractNamesOfEveryFamilyAreKnown() {
    assertTrue(MetricCatalog.find("fairness.selection_rate").isPresent());
    assertTrue(MetricCatalog.find("fairness.demographic_parity_ratio").isPresent());
    assertTrue(MetricCatalog.find("fairness.count").isPresent());
    assertTrue(MetricCatalog.find("drift.psi").isPresent());
    assertTrue(MetricCatalog.find("drift.drift_share").isPresent());
    assertTrue(MetricCatalog.find("drift.unseen_share_current").isPresent());
    assertTrue(MetricCatalog.find("drift.domain_classifier_auc").isPresent());
    assertTrue(MetricCatalog.find("llm.rougeL").isPresent());
    assertTrue(MetricCatalog.find("privacy.k_anonymity").isPresent());
    assertTrue(MetricCatalog.find("privacy.membership_advantage").isPresent());
  }

  @Test
  void wrongFamilyCaseOrSpellingIsUnknown() {
    assertFalse(MetricCatalog.find("fairness.psi").isPresent());
    assertFalse(MetricCatalog.find("llm.rougel").isPresent());
    assertFalse(MetricCatalog.find("fairness.demografic_parity_ratio").isPresent());
    assertFalse(MetricCatalog.find("demographic_parity_ratio").isPresent());
    assertFalse(MetricCatalog.find("ethics.psi").isPresent());
    assertFalse(MetricCatalog.find(null).isPresent());
  }

  @Test
  void piiMetricsAreOnePairPerTypeAndNothingElse() {
    assertTrue(MetricCatalog.find("privacy.pii_email_count").isPresent());
    assertTrue(MetricCatalog.find("privacy.pii_email_rate").isPresent());
    assertFalse(MetricCatalog.find("privacy.pii_email").isPresent(), "no guessing from the prefix");
    assertFalse(MetricCatalog.find("llm.pii_email_count").isPresent(), "llm has rates only");
    assertTrue(MetricCatalog.find("llm.pii_phone_rate").isPresent());
    assertFalse(MetricCatalog.find("privacy.pii_").isPresent());
    assertFalse(MetricCatalog.find("drift.pii_email").isPresent());
  }

  @Test
  void nearestSuggestsTheIntendedName() {
    assertEquals(
        "fairness.demographic_parity_ratio",
        MetricCatalog.nearest("fairness.demografic_parity_ratio", 3).get(0));
    assertEquals(List.of("drift.psi"), MetricCatalog.nearest("fairness.psi", 1));
    assertEquals(3, MetricCatalog.nearest("x", 3).size());
  }

  @Test
  void editDistanceCountsSingleEdits() {
    assertEquals(0, EditDistance.between("psi", "psi"));
    assertEquals(1, EditDistance.between("psi", "pss"));
    assertEquals(3, EditDistance.between("", "abc"));
    assertEquals(3, EditDistance.between("kitten", "sitting"));
  }

  @Test
  void qualifiedNamesAreSorted() {
    List<String> all = MetricCatalog.qualifiedNames();
    assertTrue(all.contains("privacy.pii_credit_card_count"));
    assertTrue(all.contains("drift.ks_p_value"));
    assertEquals(all.stream().sorted().toList(), all);
  }
}
