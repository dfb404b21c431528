package dev.assay.metrics.llm;

import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;

/**
 * One detector of personal data or a secret in a response, as a built-in Spark expression: the
 * composition root passes the privacy family's {@code PiiType} expressions in (families do not
 * import each other), so the llm family reports exactly what the privacy scan would find.
 *
 * @param id the kind's snake_case id, e.g. {@code email} (metric {@code pii_<id>_rate})
 * @param secret true for keys and tokens (counted in {@code response_secret_rate}), false for
 *     personal data (counted in {@code response_pii_rate})
 * @param found the expression: true where the text holds a valid match, null where it is null
 */
public record ResponseScanner(String id, boolean secret, UnaryOperator<Column> found) {}
