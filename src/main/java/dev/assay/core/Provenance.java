package dev.assay.core;

import java.time.Instant;
import java.util.List;

/**
 * What a run was made of, so a second run can be checked against it: the files read (with their
 * hashes), the data sets that are not plain files (tables, Delta snapshots, JDBC, queries), the
 * tool, Java and Spark versions, the Spark master, and when the run started and ended.
 */
public record Provenance(
    String toolVersion,
    String javaVersion,
    String sparkVersion,
    String sparkMaster,
    Instant started,
    Instant finished,
    List<FileEvidence> files,
    List<SourceEvidence> sources) {

  public Provenance {
    files = List.copyOf(files);
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
