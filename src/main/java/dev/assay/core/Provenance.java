package dev.assay.core;

import java.time.Instant;
import java.util.List;

/**
 * What a run was made of, so a second run can be checked against it: the files read (with their
 * hashes), the tool, Java and Spark versions, the Spark master, and when the run started and ended.
 */
public record Provenance(String toolVersion, String javaVersion, String sparkVersion,
                         String sparkMaster, Instant started, Instant finished,
                         List<FileEvidence> files) {

  public Provenance {
    files = List.copyOf(files);
  }
}
