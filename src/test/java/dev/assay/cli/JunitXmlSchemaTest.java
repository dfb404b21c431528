package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.CliRun;
import dev.assay.report.JunitXml;
import dev.assay.report.SampleRuns;
import dev.assay.spark.SharedSpark;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * junit.xml loads in the CI servers users run: real output of an audit (a failed rule, a waived
 * one, passes) and of a run with every verdict status validates against the Jenkins xUnit junit-10
 * schema as a whole, and suite by suite against the Ant / Surefire 3.0 schema, whose root is one
 * {@code <testsuite>} (both restated in src/test/resources/junit-schemas).
 */
class JunitXmlSchemaTest {

  static final Schema JENKINS = schema("jenkins-xunit-junit-10.xsd");
  static final Schema SUREFIRE = schema("surefire-test-report-3.0.xsd");

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  @Test
  void aRealAuditsJunitXmlValidatesAgainstJenkinsAndSurefireSchemas() throws Exception {
    Path out = auditWithAFailureAndAWaiver();
    byte[] xml = Files.readAllBytes(out.resolve(JunitXml.FILE_NAME));
    Document doc = parse(xml);
    assertTrue(doc.getElementsByTagName("failure").getLength() > 0, "the audit has a failed rule");
    assertTrue(doc.getElementsByTagName("skipped").getLength() > 0, "and a waived one");
    assertValid(xml);
  }

  @Test
  void everyVerdictStatusValidates() throws Exception {
    // SampleRuns.full(): PASS, FAIL, WARN, blocking ERROR, WAIVED and NOT_APPLICABLE verdicts, and
    // a group name with markup.
    assertValid(new JunitXml().render(SampleRuns.full()));
  }

  @Test
  void theSchemasRejectWhatCiServersReject() throws Exception {
    // The check can fail: the root's skipped count (which Jenkins rejects) and a test case
    // without a time (which the Surefire schema rejects) are both caught.
    byte[] good = new JunitXml().render(SampleRuns.full());
    String text = new String(good, StandardCharsets.UTF_8);
    byte[] rootSkipped =
        text.replaceFirst("<testsuites ", "<testsuites skipped=\"3\" ")
            .getBytes(StandardCharsets.UTF_8);
    assertThrows(SAXException.class, () -> JENKINS.newValidator().validate(source(rootSkipped)));
    byte[] noTime = text.replace(" time=\"0\"", "").getBytes(StandardCharsets.UTF_8);
    Element suite = (Element) parse(noTime).getElementsByTagName("testsuite").item(0);
    assertThrows(SAXException.class, () -> SUREFIRE.newValidator().validate(new DOMSource(suite)));
  }

  /** Validates the whole file against junit-10, and each suite alone against Surefire 3.0. */
  static void assertValid(byte[] xml) throws Exception {
    JENKINS.newValidator().validate(source(xml));
    NodeList suites = parse(xml).getElementsByTagName("testsuite");
    assertFalse(suites.getLength() == 0, "at least one suite");
    for (int i = 0; i < suites.getLength(); i++) {
      SUREFIRE.newValidator().validate(new DOMSource(suites.item(i)));
    }
  }

  /** The tiny two-group audit of AuditCommandTest (a four-fifths failure), plus a waived rule. */
  Path auditWithAFailureAndAWaiver() throws IOException {
    List<String> lines = new ArrayList<>(List.of("id,grp,outcome,approved"));
    for (int i = 0; i < 80; i++) {
      String group = i < 40 ? "A" : "B";
      int approved = i < 40 ? (i < 20 ? 1 : 0) : (i - 40 < 10 ? 1 : 0);
      lines.add(i + "," + group + "," + (i % 2) + "," + approved);
    }
    Files.write(dir.resolve("data.csv"), lines);
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: junit-schema",
            "data:",
            "  current: {path: data.csv}",
            "columns:",
            "  label: outcome",
            "  prediction: approved",
            "  sensitive: [grp]",
            "rules: [rules/eeoc-four-fifths.yaml, rules/nyc-ll144.yaml]",
            ""));
    Path waivers = dir.resolve("waivers.yaml");
    Files.writeString(
        waivers,
        String.join(
            "\n",
            "waivers:",
            "  - rule: ll144-impact-ratio",
            "    attribute: grp",
            "    reason: reviewed by counsel",
            "    approved_by: risk committee",
            "    expires: 2999-12-31",
            ""));
    Path out = dir.resolve("report");
    CliRun.Result r =
        AuditCommandTest.cli(
            "audit", spec.toString(), "--out", out.toString(), "--waivers", waivers.toString());
    assertEquals(1, r.code(), r.err());
    return out;
  }

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  static StreamSource source(byte[] xml) {
    return new StreamSource(new ByteArrayInputStream(xml));
  }

  static Schema schema(String name) {
    URL xsd = JunitXmlSchemaTest.class.getResource("/junit-schemas/" + name);
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      return factory.newSchema(xsd);
    } catch (SAXException e) {
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    }
  }
}
