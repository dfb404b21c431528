package dev.assay.core;

/**
 * One file that a run read, as evidence: what it was for, where it was, its size, its last
 * modification time (ISO-8601) and its SHA-256. A data set stored as a directory of parts gives one
 * entry per part.
 *
 * @param role what the file was: {@code spec}, {@code rules}, {@code waivers}, {@code baseline},
 *     {@code data.current}, {@code data.reference}
 */
public record FileEvidence(String role, String path, long size, String modified, String sha256) {}
