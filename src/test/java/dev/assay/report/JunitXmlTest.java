package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.AuditRun;
import dev.assay.core.Scope;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlTest {

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static List<Element> elements(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  private static int attr(Element e, String name) {
    return Integer.parseInt(e.getAttribute(name));
  }

  @Test
  void countsMatchTheTestCasesInEverySuite() throws Exception {
    Element root = parse(new JunitXml().render(SampleRuns.full())).getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("assay compas-recidivism", root.getAttribute("name"));
    assertEquals(8, attr(root, "tests"));
    assertEquals(2, attr(root, "failures"), "the FAIL and the blocking ERROR");
    assertFalse(root.hasAttribute("skipped"), "junit-10 has no skipped count on the root");
    assertEquals(8, elements(root, "testcase").size());
    assertEquals(2, elements(root, "failure").size());
    assertEquals(3, elements(root, "skipped").size());

    List<String> names = new ArrayList<>();
    for (Element suite : elements(root, "testsuite")) {
      names.add(suite.getAttribute("name"));
      assertEquals(elements(suite, "testcase").size(), attr(suite, "tests"));
      assertEquals(elements(suite, "failure").size(), attr(suite, "failures"));
      assertEquals(elements(suite, "skipped").size(), attr(suite, "skipped"));
    }
    assertEquals(
        List.of("assay.fairness", "assay.drift", "assay.privacy", "assay.llm", "assay.rules"),
        names);
  }

  @Test
  void failedRuleIsAFailureWithObservedVersusExpected() throws Exception {
    Element root = parse(new JunitXml().render(SampleRuns.full())).getDocumentElement();
    Element fail = testcase(root, "eeoc-four-fifths [race]");
    assertEquals("eeoc-four-fifths", fail.getAttribute("classname"));
    Element failure = elements(fail, "failure").get(0);
    assertEquals("observed 0.1734 vs expected >= 0.8", failure.getAttribute("message"));
    assertTrue(failure.getTextContent().startsWith("demographic_parity_ratio 0.1734 is below 0.8"));

    Element error = testcase(root, "tpr-defined [race = " + SampleRuns.SCRIPT_GROUP + "]");
    assertEquals(1, elements(error, "failure").size(), "a blocking ERROR fails the build");
    assertEquals(
        "observed no value vs expected >= 0.5",
        elements(error, "failure").get(0).getAttribute("message"));

    Element warn = testcase(root, "psi-stable [" + SampleRuns.QUOTE_COLUMN + "]");
    assertEquals(0, elements(warn, "failure").size(), "a warning is not a failure");
    assertTrue(
        elements(warn, "system-out")
            .get(0)
            .getTextContent()
            .contains("psi 0.4 is not below 0.25 | large shift"));

    Element waived = testcase(root, "eeoc-four-fifths [race & sex]");
    assertEquals(
        "waived by Jane Doe (CRO) until 2027-06-30: Intersection too small to act on",
        elements(waived, "skipped").get(0).getAttribute("message"));

    Element passed = testcase(root, "psi-stable [age]");
    assertEquals(0, passed.getChildNodes().getLength());
  }

  @Test
  void controlCharactersInDataStillGiveWellFormedXml() throws Exception {
    Verdict odd =
        new Verdict(
            "odd\u0001rule",
            null,
            "p",
            Severity.BLOCKING,
            Status.FAIL,
            "llm.bleu",
            Scope.DATASET,
            1.0,
            ">= 2",
            "bad \u0007 byte",
            null,
            null,
            null);
    AuditRun run =
        new AuditRun(
            "odd",
            null,
            List.of(),
            List.of(),
            List.of(odd),
            Map.of(),
            List.of(),
            SampleRuns.provenance(),
            Map.of(),
            null);
    Element root = parse(new JunitXml().render(run)).getDocumentElement();
    assertEquals(1, attr(root, "failures"));
    // shown as visible escapes (SafeText), so a CI's test list cannot be forged or garbled
    assertEquals(
        "odd\\u0001rule [data set]", elements(root, "testcase").get(0).getAttribute("name"));
    assertTrue(elements(root, "failure").get(0).getTextContent().startsWith("bad \\u0007 byte\n"));
  }

  private static Element testcase(Element root, String name) {
    return elements(root, "testcase").stream()
        .filter(e -> e.getAttribute("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no testcase " + name));
  }
}
