package dev.assay.metrics.llm.safety;

import dev.assay.core.SafetyCategory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the test servers decide: a text carries its known verdicts as markers, {@code [violence:6]}
 * for a severity and {@code [jailbreak]} for a detection; no marker is 0 / not detected.
 */
final class Markers {

  private Markers() {}

  static int severity(String text, SafetyCategory c) {
    Matcher m = Pattern.compile("\\[" + c.id() + ":(\\d)\\]").matcher(text == null ? "" : text);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  static boolean detected(String text, SafetyCategory c) {
    return text != null && text.contains("[" + c.id() + "]");
  }
}
