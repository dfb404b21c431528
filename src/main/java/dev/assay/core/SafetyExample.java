package dev.assay.core;

/**
 * One of the worst records for the report: what was found, and its prompt and response masked
 * (e-mail addresses and runs of digits replaced) and cut to 160 characters. Never written to
 * results.json.
 *
 * @param findings the categories at or above the threshold with their values, e.g. {@code "violence
 *     6, jailbreak"}
 */
public record SafetyExample(String findings, String prompt, String response) {}
