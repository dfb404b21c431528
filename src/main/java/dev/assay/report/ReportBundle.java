package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.RedactedRun;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The five files of an audit report, rendered in memory so a publisher can write them all or
 * none: report.html, junit.xml, summary.md, results.json and last manifest.json, whose hashes
 * cover the four others. Every text from the spec, the rules or a path is scrubbed of secrets first
 * ({@link RedactedRun}). Map order is the order to write them in (the machine-read files last).
 */
public final class ReportBundle {

  private ReportBundle() {
  }

  /** Renders every report file of the run; an unmodifiable map from file name to bytes. */
  public static Map<String, byte[]> render(AuditRun unredacted) {
    AuditRun run = RedactedRun.of(unredacted); // no output carries a secret from the spec or a URI
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(HtmlReport.FILE_NAME, new HtmlReport().render(run));
    files.put(JunitXml.FILE_NAME, new JunitXml().render(run));
    files.put(SummaryMarkdown.FILE_NAME, new SummaryMarkdown().render(run));
    files.put(ResultsJson.FILE_NAME, new ResultsJson().render(run));
    files.put(Manifest.FILE_NAME, new Manifest().render(run, new LinkedHashMap<>(files)));
    return Collections.unmodifiableMap(files);
  }
}
