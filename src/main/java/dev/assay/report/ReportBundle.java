package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.RedactedRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five files of an audit report: report.html, junit.xml, summary.md, results.json and last
 * manifest.json, whose sizes and hashes cover the four others; with {@code --pdf} a sixth,
 * report.pdf (report.html laid out on A4 pages), also covered by the manifest. {@link #files} gives
 * them as streams, in the order to write them (the machine-read files last), so a publisher can
 * stage each straight into a file however many metric rows the run has; {@link #render} gives the
 * same bytes in memory. Every text from the spec, the rules or a path is scrubbed of secrets first
 * ({@link RedactedRun}).
 */
public final class ReportBundle {

  private ReportBundle() {}

  /** Every report file of the run, in write order; manifest.json last, over the files before it. */
  public static List<ReportFile> files(AuditRun unredacted) {
    return files(unredacted, false);
  }

  /**
   * Every report file of the run, in write order, with report.pdf after report.html when {@code
   * pdf} ({@code audit --pdf}); manifest.json last, over the files before it.
   */
  public static List<ReportFile> files(AuditRun unredacted, boolean pdf) {
    return files(unredacted, pdf, null);
  }

  /**
   * As {@link #files(AuditRun, boolean)}, with the evidence appendix of report.html (and
   * report.pdf) stating {@code signature}: how manifest.json is signed, or that it is not (null: no
   * signature line).
   */
  public static List<ReportFile> files(AuditRun unredacted, boolean pdf, String signature) {
    AuditRun run = RedactedRun.of(unredacted); // no output carries a secret from the spec or a URI
    List<ReportFile> files = new ArrayList<>();
    files.add(
        file(HtmlReport.FILE_NAME, (out, before) -> new HtmlReport(signature).writeTo(run, out)));
    if (pdf) {
      files.add(
          file(
              PdfReport.FILE_NAME,
              (out, before) ->
                  new PdfReport().writeTo(new HtmlReport(signature).render(run), out)));
    }
    files.add(file(JunitXml.FILE_NAME, (out, before) -> new JunitXml().writeTo(run, out)));
    files.add(
        file(
            SummaryMarkdown.FILE_NAME,
            (out, before) -> out.write(new SummaryMarkdown().render(run))));
    files.add(file(ResultsJson.FILE_NAME, (out, before) -> new ResultsJson().writeTo(run, out)));
    files.add(file(Manifest.FILE_NAME, (out, before) -> new Manifest().writeTo(run, before, out)));
    return List.copyOf(files);
  }

  /**
   * Renders every report file of the run in memory; an unmodifiable map from file name to bytes.
   */
  public static Map<String, byte[]> render(AuditRun run) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<ReportFile.WrittenFile> written = new ArrayList<>();
    for (ReportFile file : files(run)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        file.writeTo(bytes, List.copyOf(written));
      } catch (IOException e) {
        throw new UncheckedIOException("rendering " + file.name() + " in memory failed", e);
      }
      byte[] content = bytes.toByteArray();
      files.put(file.name(), content);
      written.add(
          new ReportFile.WrittenFile(file.name(), content.length, Manifest.sha256(content)));
    }
    return Collections.unmodifiableMap(files);
  }

  /** The body of a report file. */
  @FunctionalInterface
  private interface Body {
    void write(java.io.OutputStream out, List<ReportFile.WrittenFile> before) throws IOException;
  }

  private static ReportFile file(String name, Body body) {
    return new ReportFile() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void writeTo(java.io.OutputStream out, List<ReportFile.WrittenFile> written)
          throws IOException {
        body.write(out, written);
        out.flush();
      }
    };
  }
}
