package dev.assay.core;

/**
 * One PII or secret match found by the privacy scan, already masked (e.g. {@code 4111 **** ****
 * 1111}) so the report can show what was found without showing it. The unmasked value never leaves
 * the executor; results.json does not carry examples.
 *
 * @param column the scanned column
 * @param type the PII type's name as in its metric, e.g. {@code credit_card}
 * @param masked the masked match
 */
public record PiiExample(String column, String type, String masked) {}
