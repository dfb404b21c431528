package dev.assay.demo;

/**
 * The approval rate of one group of one sensitive attribute in a generated data set, as the
 * demo-data command reports it so a user sees the injected bias without running an audit.
 *
 * @param attribute the sensitive column ({@code sex}, {@code race} or {@code age_band})
 * @param group the group's value
 * @param count the group's number of rows
 * @param approvalRate the share of the group's rows with {@code approved = 1}
 */
public record GroupApprovalRate(String attribute, String group, long count, double approvalRate) {}
