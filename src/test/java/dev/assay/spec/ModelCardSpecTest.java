package dev.assay.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.core.BadInputException;
import dev.assay.core.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model card keys (model.intended_use, limitations, risk_class, registry_uri): optional, bound
 * to {@link ModelInfo}, and checked with file:line errors (one-line fields, prose length, an
 * absolute registry URI without credentials).
 */
class ModelCardSpecTest {

  @TempDir Path dir;

  ModelInfo load(String model) throws IOException {
    Files.writeString(dir.resolve("data.csv"), "y,p\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: model-card",
            "data: {current: {path: data.csv}}",
            model,
            ""));
    return new SpecLoader(Path.of("rules").toAbsolutePath()).load(spec).model();
  }

  @Test
  void aMisspeltModelKeyIsNamedWithTheSevenKeys() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> load("model: {name: credit, ownr: risk}"));
    assertTrue(
        e.getMessage()
            .contains(
                "The keys allowed here are: intended_use, limitations, name, owner,"
                    + " registry_uri, risk_class, version"),
        e.getMessage());
  }

  @Test
  void everyModelCardKeyIsReadAndOptional() throws IOException {
    ModelInfo m =
        load(
            String.join(
                "\n",
                "model:",
                "  name: credit",
                "  intended_use: |",
                "    Pre-screening of consumer credit applications.",
                "    Not for final decisions.",
                "  limitations: Trained on 2019-2023 applications only.",
                "  risk_class: \"EU AI Act: high-risk (Annex III, 5(b))\"",
                "  registry_uri: models:/credit/3"));
    assertEquals(
        "Pre-screening of consumer credit applications.\nNot for final decisions.\n",
        m.intendedUse());
    assertEquals("Trained on 2019-2023 applications only.", m.limitations());
    assertEquals("EU AI Act: high-risk (Annex III, 5(b))", m.riskClass());
    assertEquals("models:/credit/3", m.registryUri());
    assertTrue(m.hasCard());
    ModelInfo plain = load("model: {name: credit}");
    assertNull(plain.intendedUse());
    assertNull(plain.registryUri());
    assertFalse(plain.hasCard());
  }

  @Test
  void aRelativeOrMalformedRegistryUriIsRejectedWithItsLine() {
    BadInputException relative =
        assertThrows(
            BadInputException.class,
            () -> load("model:\n  name: credit\n  registry_uri: credit/3"));
    assertTrue(
        relative.getMessage().contains("audit.yaml:6")
            && relative.getMessage().contains("absolute URI"),
        relative.getMessage());
    BadInputException malformed =
        assertThrows(
            BadInputException.class, () -> load("model:\n  registry_uri: \"https://reg istry/x\""));
    assertTrue(
        malformed.getMessage().contains("audit.yaml:5")
            && malformed.getMessage().contains("not a valid URI"),
        malformed.getMessage());
  }

  @Test
  void aRegistryUriWithAPasswordIsRejectedWithoutEchoingIt() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> load("model:\n  registry_uri: \"https://bob:hunter2@registry.example.com/m/3\""));
    assertTrue(e.getMessage().contains("user name or password"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void aMultiLineRiskClassAndAnOverlongLimitationAreRejected() {
    BadInputException risk =
        assertThrows(BadInputException.class, () -> load("model:\n  risk_class: \"high\\nrisk\""));
    assertTrue(risk.getMessage().contains("model.risk_class must be one line"), risk.getMessage());
    BadInputException text =
        assertThrows(
            BadInputException.class, () -> load("model:\n  limitations: " + "x".repeat(2001)));
    assertTrue(
        text.getMessage().contains("model.limitations") && text.getMessage().contains("2000"),
        text.getMessage());
  }
}
