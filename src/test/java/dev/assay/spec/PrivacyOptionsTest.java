package dev.assay.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec's privacy block and columns.member: defaults, checks and file:line errors. */
class PrivacyOptionsTest {

  @TempDir Path dir;

  ResolvedSpec load(String columns, String privacyBlock) throws IOException {
    Files.writeString(dir.resolve("data.csv"), "age,sex,zip,diagnosis\n30,F,1000,flu\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: privacy-spec",
            "data: {current: {path: data.csv}}",
            columns,
            privacyBlock,
            ""));
    return new SpecLoader(dir.resolve("rules")).load(spec);
  }

  @Test
  void absentBlockMeansNotConfigured() throws IOException {
    PrivacyOptions o = load("", "").privacy();
    assertFalse(o.configured());
    assertEquals(PrivacyOptions.DEFAULT_K, o.k());
    assertEquals("in_training", load("columns: {member: in_training}", "").privacy().member());
  }

  @Test
  void givenValuesAreKept() throws IOException {
    PrivacyOptions o =
        load(
                "",
                "privacy: {quasi_identifiers: [age, sex], sensitive_attribute: diagnosis,"
                    + " k: 3, pii_columns: [zip]}")
            .privacy();
    assertTrue(o.configured());
    assertEquals(List.of("age", "sex"), o.quasiIdentifiers());
    assertEquals("diagnosis", o.sensitiveAttribute());
    assertEquals(3, o.k());
    assertEquals(List.of("zip"), o.piiColumns());
  }

  void assertBad(String block, String... fragments) {
    BadInputException e = assertThrows(BadInputException.class, () -> load("", block));
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "expected '" + f + "' in: " + e.getMessage());
    }
  }

  @Test
  void badValuesNameTheirLine() {
    // line 4 is the (empty) columns line, 5 is "privacy:"
    assertBad("privacy:\n  quasi_identifiers: [age]\n  k: 0", "audit.yaml:7", "privacy.k");
    assertBad("privacy:\n  quasi_identifiers: [age, age]", "audit.yaml:6", "twice");
    assertBad(
        "privacy:\n  sensitive_attribute: diagnosis",
        "audit.yaml:6",
        "needs privacy.quasi_identifiers");
    assertBad(
        "privacy:\n  quasi_identifiers: [age, sex]\n  sensitive_attribute: sex",
        "audit.yaml:7",
        "also a quasi-identifier");
    assertBad("privacy:\n  quasi_identifers: [age]", "audit.yaml:6", "quasi_identifers");
  }
}
