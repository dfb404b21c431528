package dev.assay.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Writes report.pdf ({@code audit --pdf}): report.html's own bytes laid out on A4 pages by
 * openhtmltopdf (HTML/CSS through PDFBox, the SVG charts through Batik), in the JVM with no
 * browser. The page's print stylesheet applies, so the PDF is what printing report.html gives. The
 * renderer fetches nothing: every external resource is refused and SVG scripts are off (the page
 * has none). The page is well-formed XML (its templates close every element), which is how the
 * renderer reads it. Where DejaVu Sans is installed (Debian's fonts-dejavu-core) it is embedded so
 * that signs such as −, →, ≥ and – print as themselves; without it the PDF's standard Helvetica
 * shows a '#' for a character outside Latin-1.
 */
public final class PdfReport {

  /** The file's name in a report bundle. */
  public static final String FILE_NAME = "report.pdf";

  /** Fonts embedded when present: regular and bold DejaVu Sans. */
  static final List<Path> FONTS =
      List.of(
          Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
          Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"));

  /** Writes the PDF of {@code html} (report.html's bytes) to {@code out} (flushed, not closed). */
  public void writeTo(byte[] html, OutputStream out) throws IOException {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.withW3cDocument(parse(inSvgNamespace(html)), null);
    builder.useDefaultPageSize(210, 297, BaseRendererBuilder.PageSizeUnits.MM);
    builder.useExternalResourceAccessControl(
        (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl(
        (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    builder.useSVGDrawer(
        new BatikSVGDrawer(
            BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
    for (Path font : FONTS) {
      if (Files.isReadable(font)) {
        File file = font.toFile();
        boolean bold = font.getFileName().toString().contains("Bold");
        // the page's font stack starts with system-ui: that name gets DejaVu Sans
        builder.useFont(
            file, "system-ui", bold ? 700 : 400, BaseRendererBuilder.FontStyle.NORMAL, true);
      }
    }
    builder.toStream(out);
    builder.run();
    out.flush();
  }

  /**
   * The page with its inline {@code <svg>} elements in the SVG namespace, which an HTML parser
   * implies and an XML parser (this renderer's) needs for Batik to draw them. The namespace is
   * added here rather than in report.html, which names no URL at all.
   */
  static byte[] inSvgNamespace(byte[] html) {
    return new String(html, StandardCharsets.UTF_8)
        .replace("<svg role=\"img\"", "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The page as a DOM; no DTD or external entity is read. */
  static Document parse(byte[] html) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(true);
      DocumentBuilder parser = factory.newDocumentBuilder();
      parser.setErrorHandler(null);
      return parser.parse(new ByteArrayInputStream(html));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    } catch (SAXException e) {
      throw new IllegalStateException(
          "report.html is not well-formed XML, so it cannot be laid out"
              + " as a PDF: "
              + e.getMessage(),
          e);
    }
  }
}
