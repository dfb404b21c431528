package dev.assay.report;

import dev.assay.core.AuditRun;
import dev.assay.core.Family;
import dev.assay.core.SafeText;
import dev.assay.core.Severity;
import dev.assay.core.Status;
import dev.assay.core.Verdict;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes junit.xml so a CI system (GitHub Actions, GitLab, Jenkins, Azure Pipelines) shows each
 * rule check as a test: one {@code <testsuite>} per metric family ({@code assay.fairness}, ..., and
 * {@code assay.rules} for rules whose metric names no known family), one {@code <testcase>} per
 * verdict. A failed rule, or an error of a blocking rule, is a {@code <failure>}; a warning is
 * printed to {@code <system-out>} without failing; a waived or not-applicable check is {@code
 * <skipped>} with the reason.
 *
 * <p>The file validates against the schemas CI servers read (see {@code
 * src/test/resources/junit-schemas}): the Jenkins xUnit plugin's junit-10 format, whose {@code
 * <testsuites>} root takes no {@code skipped} count, and the Ant / Surefire format, which wants a
 * {@code time} on every {@code <testcase>}. A rule check has no duration of its own, so test cases
 * carry {@code time="0"} and the root carries the audit's wall time.
 */
public final class JunitXml {

  /** The file's name in a report bundle. */
  public static final String FILE_NAME = "junit.xml";

  /** The suite of rules whose metric's family is unknown. */
  public static final String OTHER_SUITE = "assay.rules";

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  /** Renders the run's verdicts as UTF-8 JUnit XML. */
  public byte[] render(AuditRun run) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    writeTo(run, bytes);
    return bytes.toByteArray();
  }

  /** Streams the same bytes as {@link #render} to {@code out} (flushed, not closed). */
  public void writeTo(AuditRun run, java.io.OutputStream out) {
    Map<String, List<Verdict>> suites = suites(run.verdicts());
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", clean("assay " + run.name()));
      xml.writeAttribute("time", seconds(run));
      writeCounts(xml, run.verdicts(), false);
      for (Map.Entry<String, List<Verdict>> suite : suites.entrySet()) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite.getKey());
        writeCounts(xml, suite.getValue(), true);
        for (Verdict verdict : suite.getValue()) {
          writeCase(xml, verdict);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      xml.close(); // frees the writer; the stream stays open
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing junit.xml failed: " + e.getMessage(), e);
    }
  }

  /**
   * The suite a verdict belongs to: {@code assay.<family>} of its metric, else {@link
   * #OTHER_SUITE}.
   */
  static String suiteName(Verdict verdict) {
    String metric = verdict.metric();
    if (metric != null && metric.contains(".")) {
      Family family = Family.byId(metric.substring(0, metric.indexOf('.')));
      if (family != null) {
        return "assay." + family.id();
      }
    }
    return OTHER_SUITE;
  }

  /** Suites in family order, then the suite of other rules; empty suites left out. */
  private static Map<String, List<Verdict>> suites(List<Verdict> verdicts) {
    Map<String, List<Verdict>> suites = new LinkedHashMap<>();
    for (Family family : Family.values()) {
      suites.put("assay." + family.id(), new ArrayList<>());
    }
    suites.put(OTHER_SUITE, new ArrayList<>());
    for (Verdict verdict : verdicts) {
      suites.get(suiteName(verdict)).add(verdict);
    }
    suites.values().removeIf(List::isEmpty);
    return suites;
  }

  static boolean isFailure(Verdict verdict) {
    return verdict.status() == Status.FAIL
        || (verdict.status() == Status.ERROR && verdict.severity() == Severity.BLOCKING);
  }

  static boolean isSkipped(Verdict verdict) {
    return verdict.status() == Status.WAIVED || verdict.status() == Status.NOT_APPLICABLE;
  }

  /** Counts of a suite, or of the root: junit-10 allows {@code skipped} on suites only. */
  private static void writeCounts(XMLStreamWriter xml, List<Verdict> verdicts, boolean skipped)
      throws XMLStreamException {
    xml.writeAttribute("tests", Integer.toString(verdicts.size()));
    xml.writeAttribute(
        "failures", Long.toString(verdicts.stream().filter(JunitXml::isFailure).count()));
    xml.writeAttribute("errors", "0");
    if (skipped) {
      xml.writeAttribute(
          "skipped", Long.toString(verdicts.stream().filter(JunitXml::isSkipped).count()));
    }
  }

  /** The audit's wall time in seconds with three decimals, or 0 when the run has no times. */
  static String seconds(AuditRun run) {
    if (run.provenance() == null
        || run.provenance().started() == null
        || run.provenance().finished() == null) {
      return "0";
    }
    long millis =
        Math.max(
            0,
            Duration.between(run.provenance().started(), run.provenance().finished()).toMillis());
    return millis / 1000 + "." + String.format(Locale.ROOT, "%03d", millis % 1000);
  }

  private static void writeCase(XMLStreamWriter xml, Verdict v) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    boolean empty = v.status() == Status.PASS;
    if (empty) {
      xml.writeEmptyElement("testcase");
    } else {
      xml.writeStartElement("testcase");
    }
    xml.writeAttribute("classname", clean(Objects.requireNonNullElse(v.pack(), "assay")));
    xml.writeAttribute("name", clean(v.ruleId() + " [" + v.scope().label() + "]"));
    xml.writeAttribute("time", "0");
    if (empty) {
      return;
    }
    xml.writeCharacters("\n      ");
    if (isFailure(v)) {
      xml.writeStartElement("failure");
      xml.writeAttribute("message", clean(observedVsExpected(v)));
      xml.writeAttribute("type", v.status().name() + " " + v.severity().id());
      xml.writeCharacters(cleanText(detail(v)));
      xml.writeEndElement();
    } else if (isSkipped(v)) {
      xml.writeEmptyElement("skipped");
      xml.writeAttribute("message", clean(skipReason(v)));
    } else {
      xml.writeStartElement("system-out");
      xml.writeCharacters(
          cleanText(
              v.status().name()
                  + " ("
                  + v.severity().id()
                  + " rule, does not close the release gate): "
                  + detail(v)));
      xml.writeEndElement();
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  /** {@code observed 0.4300 vs expected >= 0.8}, or {@code observed no value vs ...}. */
  static String observedVsExpected(Verdict v) {
    return "observed "
        + (v.observed() == null ? "no value" : NumberText.of(v.observed()))
        + " vs expected "
        + Objects.requireNonNullElse(v.expected(), "(none)");
  }

  private static String detail(Verdict v) {
    StringBuilder text = new StringBuilder();
    text.append(SafeText.line(Objects.requireNonNullElse(v.message(), observedVsExpected(v))));
    text.append("\nrule: ").append(SafeText.line(v.ruleId()));
    if (v.ruleTitle() != null) {
      text.append(" (").append(SafeText.line(v.ruleTitle())).append(')');
    }
    text.append("\nmetric: ")
        .append(SafeText.line(Objects.requireNonNullElse(v.metric(), "(none)")))
        .append(" on ")
        .append(SafeText.line(v.scope().label()));
    text.append('\n').append(SafeText.line(observedVsExpected(v)));
    if (v.rationale() != null) {
      text.append("\nwhy: ").append(v.rationale());
    }
    if (v.reference() != null) {
      text.append("\nreference: ").append(v.reference());
    }
    return text.toString();
  }

  private static String skipReason(Verdict v) {
    if (v.status() == Status.WAIVED && v.waiver() != null) {
      Verdict.Waiver w = v.waiver();
      return "waived"
          + (w.approvedBy() == null ? "" : " by " + w.approvedBy())
          + (w.expires() == null ? "" : " until " + w.expires())
          + ": "
          + Objects.requireNonNullElse(w.reason(), "no reason given");
    }
    String why = Objects.requireNonNullElse(v.message(), "no reason given");
    return v.status() == Status.WAIVED ? "waived: " + why : "not applicable: " + why;
  }

  /**
   * An attribute value (a test name, a message): one line, every value escaped visibly ({@link
   * SafeText}: a newline in a group name shows as {@code \n}, an ESC or a bidi override as its
   * code), so a test name or a failure line in the CI's view cannot be forged.
   */
  static String clean(String text) {
    return cleanText(SafeText.line(text));
  }

  /**
   * Element text, whose line breaks are the writer's own (the values in it are escaped where they
   * are put together): replaces what XML 1.0 cannot carry (control characters other than tab and
   * newlines, unpaired surrogates) by U+FFFD, so the file is always well-formed.
   */
  static String cleanText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              boolean allowed =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || (c >= 0x10000 && c <= 0x10FFFF);
              out.appendCodePoint(allowed ? c : 0xFFFD);
            });
    return out.toString();
  }
}
