package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.AuditRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * report.pdf: report.html laid out by openhtmltopdf on A4 (no browser), with its text, numbers, the
 * planted markup as text and the charts' labels; and with {@code --pdf} the bundle lists it in
 * manifest.json with its size and SHA-256. Tagged slow: the first layout loads the renderer, PDFBox
 * and Batik (tens of seconds on a busy machine).
 */
@Tag("slow")
class PdfReportTest {

  static final AuditRun RUN = SampleRuns.withModelCard(SampleRuns.full());

  static byte[] pdf(AuditRun run) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PdfReport().writeTo(new HtmlReport().render(run), out);
    return out.toByteArray();
  }

  @Test
  void theReportBecomesAnA4PdfWithItsVerdictNumbersAndEscapedText() throws IOException {
    byte[] bytes = pdf(RUN);
    assertEquals("%PDF-", new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertTrue(doc.getNumberOfPages() >= 3, "pages: " + doc.getNumberOfPages());
      assertEquals(595, Math.round(doc.getPage(0).getMediaBox().getWidth()), "A4 is 595 pt wide");
      assertEquals(842, Math.round(doc.getPage(0).getMediaBox().getHeight()));
      String text = new PDFTextStripper().getText(doc);
      assertTrue(
          text.contains("Verdict: " + RUN.verdict()),
          text.substring(0, Math.min(600, text.length())));
      assertTrue(text.contains("EU AI Act: high-risk (Annex III)"), "the model card is on it");
      assertTrue(text.contains(SampleRuns.SCRIPT_GROUP), "the planted group name is text");
      assertTrue(text.contains("Appendix C: Evidence"));
      if (java.nio.file.Files.isReadable(PdfReport.FONTS.get(0))) {
        assertTrue(
            java.util.regex.Pattern.compile("\\d\\s–\\s+\\d").matcher(text).find(),
            "an interval's dash prints as itself");
        assertFalse(text.contains("#"), "no character fell back to '#'");
      }
    }
  }

  @Test
  void withPdfTheBundleWritesReportPdfAndTheManifestListsIt() throws IOException {
    List<String> names = new ArrayList<>();
    ReportBundle.files(SampleRuns.tiny(), true).forEach(f -> names.add(f.name()));
    assertEquals(
        List.of(
            "report.html",
            "report.pdf",
            "junit.xml",
            "summary.md",
            "results.json",
            "manifest.json"),
        names);
    List<String> without = new ArrayList<>();
    ReportBundle.files(SampleRuns.tiny()).forEach(f -> without.add(f.name()));
    assertFalse(without.contains("report.pdf"), "no PDF unless asked");

    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    List<ReportFile.WrittenFile> written = new ArrayList<>();
    for (ReportFile file : ReportBundle.files(SampleRuns.tiny(), true)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      file.writeTo(out, List.copyOf(written));
      files.put(file.name(), out.toByteArray());
      written.add(
          new ReportFile.WrittenFile(file.name(), out.size(), Manifest.sha256(out.toByteArray())));
    }
    JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
    JsonNode pdf = null;
    for (JsonNode output : manifest.get("outputs")) {
      if (output.get("path").asText().equals("report.pdf")) {
        pdf = output;
      }
    }
    assertTrue(pdf != null, manifest.toString());
    assertEquals(files.get("report.pdf").length, pdf.get("size").asInt());
    assertEquals(Manifest.sha256(files.get("report.pdf")), pdf.get("sha256").asText());
  }
}
