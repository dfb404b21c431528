package dev.assay.core;

import java.util.Map;

/**
 * The PII metrics: one {@code pii_<type>_count} and one {@code pii_<type>_rate} per kind of
 * personal data or secret the scan finds (privacy, per scanned column) and one {@code
 * pii_<type>_rate} per kind in the response column (llm). The privacy family owns the detection
 * ({@code PiiType}) and the llm family reuses it, so the descriptors of both are built here, from
 * the type's id, by each family's declaration class.
 */
public final class PiiMetrics {

  /** What every PII metric's id starts with: {@code pii_<type>_count}, {@code pii_<type>_rate}. */
  public static final String PREFIX = "pii_";

  /** PII types in words, by the id inside {@code pii_<id>_count}. */
  private static final Map<String, String> TYPE_WORDS =
      Map.of(
          "email",
          "e-mail address",
          "phone",
          "phone number",
          "credit_card",
          "credit card number",
          "iban",
          "IBAN",
          "us_ssn",
          "US social security number",
          "ipv4",
          "IPv4 address",
          "aws_access_key",
          "AWS access key",
          "azure_storage_key",
          "Azure storage key",
          "jwt",
          "JSON web token",
          "private_key",
          "private key");

  private static final String CITATION =
      "Microsoft Presidio recognisers; detect-secrets / gitleaks";

  private PiiMetrics() {}

  /** A type's name in words ("credit card number"); another id with spaces for underscores. */
  public static String typeWords(String type) {
    return TYPE_WORDS.getOrDefault(type, type.replace('_', ' '));
  }

  /** {@code pii_<type>_count}: records of a column holding the type. */
  public static MetricDescriptor count(Family family, String type, String topic) {
    return MetricDescriptor.of(family, PREFIX + type + "_count")
        .at(MetricLevel.COLUMN)
        .unit(MetricUnit.COUNT)
        .direction(Direction.LOWER_BETTER)
        .defined(
            "Number of records whose value in this column holds a "
                + type.replace('_', ' ')
                + " (checksums such as Luhn and IBAN mod-97 applied; values are never shown).",
            "rows whose value holds at least one valid match of the type")
        .citing(CITATION)
        .topic(topic)
        .wording(Wording.of(o -> countClause(type, o)))
        .build();
  }

  /** {@code pii_<type>_rate}: the share of a column's records holding the type. */
  public static MetricDescriptor rate(Family family, String type, String topic) {
    String id = PREFIX + type + "_rate";
    return MetricDescriptor.of(family, id)
        .at(MetricLevel.COLUMN)
        .unit(MetricUnit.SHARE)
        .direction(Direction.LOWER_BETTER)
        .defined(
            "Share of the data set's records whose value in this column holds a "
                + type.replace('_', ' ')
                + ".",
            "`pii_" + type + "_count` ÷ rows")
        .citing(CITATION)
        .topic(topic)
        .wording(Wording.of(o -> rateClause(id, type, o)).asPercent())
        .build();
  }

  private static String countClause(String type, Observation o) {
    String words = typeWords(type);
    long n = Math.round(o.value());
    return n
        + " "
        + (n == 1 ? "record" : "records")
        + " of "
        + column(o)
        + " "
        + (n == 1 ? "contains" : "contain")
        + " "
        + article(words)
        + words
        + ", personal data that should not be there";
  }

  private static String rateClause(String id, String type, Observation o) {
    String words = typeWords(type);
    return o.percent()
        + " of the records of "
        + column(o)
        + " contain "
        + article(words)
        + words
        + " ("
        + id.replace('_', ' ')
        + " "
        + o.number()
        + ")";
  }

  private static String column(Observation o) {
    return o.scope().column() == null ? "the scanned data" : "the column " + o.scope().column();
  }

  private static String article(String noun) {
    if (noun.startsWith("IBAN")) {
      return "an ";
    }
    return "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 && !noun.startsWith("US") ? "an " : "a ";
  }
}
