package dev.assay.metrics;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.assay.metrics.privacy.PiiType;
import org.apache.spark.sql.Column;

/**
 * The family-neutral entry to the PII and secret scanners, so that a family other than privacy can
 * ask "does this text hold personal data or a secret?" without depending on the privacy family
 * (families never import each other; this package, like {@link MetricCatalog}, may see them all).
 * The answer is exactly the privacy scan's: a value is flagged when any {@link PiiType} finds a
 * valid match in it (the same regular expressions and checksums, as built-in Spark expressions).
 */
public final class SensitiveText {

  private SensitiveText() {}

  /** 1.0 where {@code text} holds at least one PII value or secret, else 0.0; null for null. */
  public static Column flagged(Column text) {
    Column any = lit(false);
    for (PiiType type : PiiType.values()) {
      any = any.or(type.found(text));
    }
    return when(text.isNotNull(), when(any, lit(1.0)).otherwise(lit(0.0)));
  }
}
