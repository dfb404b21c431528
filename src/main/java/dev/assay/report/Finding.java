package dev.assay.report;

import dev.assay.core.Family;

/**
 * One finding written for a reader who is not an engineer: a failed, warned or unjudgeable rule
 * check, or a drifted column, as one sentence with its status as a word.
 *
 * @param family the family the finding belongs to, or null for a rule on a metric of no family
 * @param status the status as text ({@code FAIL}, {@code WARN}, {@code ERROR}, {@code DRIFTED})
 * @param statusClass the CSS class of the status
 * @param text the sentence
 */
public record Finding(Family family, String status, String statusClass, String text) {}
