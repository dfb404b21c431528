package dev.assay.spec;

import dev.assay.core.BadInputException;
import dev.assay.yaml.YamlDocument;
import java.util.List;

/**
 * The checked options of the privacy family.
 *
 * @param configured true when the spec has a {@code privacy:} block (the re-identification and
 *     PII parts run only then)
 * @param quasiIdentifiers the quasi-identifier columns, in spec order; empty when none
 * @param sensitiveAttribute the sensitive attribute of l-diversity and t-closeness, or null
 * @param k the class size below which a record is "at risk" ({@code records_at_risk}); default 5
 * @param piiColumns the columns the PII scan reads; empty = every string column
 * @param member {@code columns.member} (true = the row was in the training data), or null
 */
public record PrivacyOptions(boolean configured, List<String> quasiIdentifiers,
                             String sensitiveAttribute, int k, List<String> piiColumns,
                             String member) {

  /** The default {@code privacy.k}. */
  public static final int DEFAULT_K = 5;

  public PrivacyOptions {
    quasiIdentifiers = List.copyOf(quasiIdentifiers);
    piiColumns = List.copyOf(piiColumns);
  }

  /**
   * Checks and resolves the privacy options of a bound spec.
   *
   * @throws BadInputException naming the spec line of a bad value
   */
  public static PrivacyOptions of(YamlDocument doc, AuditSpec raw) {
    String member = raw.columns() == null ? null : raw.columns().member();
    AuditSpec.Privacy p = raw.privacy();
    if (p == null) {
      return new PrivacyOptions(false, List.of(), null, DEFAULT_K, List.of(), member);
    }
    List<String> qi = p.quasiIdentifiers() == null ? List.of() : p.quasiIdentifiers();
    if (qi.stream().anyMatch(c -> c == null || c.isBlank())) {
      throw new BadInputException(doc.at("privacy", "quasi_identifiers")
          + ": privacy.quasi_identifiers lists an empty name; list column names, e.g. [age, sex, zip].");
    }
    if (qi.stream().distinct().count() != qi.size()) {
      throw new BadInputException(doc.at("privacy", "quasi_identifiers")
          + ": privacy.quasi_identifiers lists a column twice: " + qi + ".");
    }
    String sensitive = p.sensitiveAttribute();
    if (sensitive != null && qi.isEmpty()) {
      throw new BadInputException(doc.at("privacy", "sensitive_attribute")
          + ": privacy.sensitive_attribute needs privacy.quasi_identifiers (l-diversity and"
          + " t-closeness are measured within quasi-identifier classes). List them.");
    }
    if (sensitive != null && qi.contains(sensitive)) {
      throw new BadInputException(doc.at("privacy", "sensitive_attribute")
          + ": the sensitive attribute '" + sensitive + "' is also a quasi-identifier; a column is"
          + " one or the other.");
    }
    int k = p.k() == null ? DEFAULT_K : p.k();
    if (k < 1) {
      throw new BadInputException(doc.at("privacy", "k") + ": privacy.k must be at least 1 (found "
          + k + "); 5 is a common choice.");
    }
    List<String> pii = p.piiColumns() == null ? List.of() : p.piiColumns();
    if (pii.stream().distinct().count() != pii.size()) {
      throw new BadInputException(doc.at("privacy", "pii_columns")
          + ": privacy.pii_columns lists a column twice: " + pii + ".");
    }
    return new PrivacyOptions(true, qi, sensitive, k, pii, member);
  }
}
