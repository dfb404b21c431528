package dev.assay.cli;

import static dev.assay.CliRun.assertBadInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
import dev.assay.SpecFiles;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy family end to end through the CLI: planted PII and secrets are counted but never
 * appear in any output file or on the console; a missing quasi-identifier exits 2 naming it; a spec
 * without a privacy block reports the family as not applicable with the reason.
 */
class PrivacyAuditTest {

  /** One planted value per type: each must be counted and must never be written anywhere. */
  static final Map<String, String> PLANTED = new LinkedHashMap<>();

  static {
    PLANTED.put("email", "jane.roe@mail.example.org");
    PLANTED.put("phone", "(212) 555-0147");
    PLANTED.put("credit_card", "4111 1111 1111 1111");
    PLANTED.put("iban", "DE89 3704 0044 0532 0130 00");
    PLANTED.put("us_ssn", "078-05-1121");
    PLANTED.put("ipv4", "192.168.17.203");
    PLANTED.put("ipv6", "2001:db8:85a3::8a2e:370:7334");
    PLANTED.put("date_of_birth", "born 1985-03-12");
    PLANTED.put("postal_code", "zip 02139-4307");
    PLANTED.put("aws_access_key", "AKIAIOSFODNN7EXAMPLE");
    PLANTED.put(
        "azure_storage_key",
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq");
    PLANTED.put(
        "jwt",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U");
    PLANTED.put("private_key", "-----BEGIN RSA PRIVATE KEY-----");
  }

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  /** 40 rows: age/sex/zip quasi-identifiers, a note with one planted value in rows 0..9. */
  void csv() throws IOException {
    List<String> lines = new ArrayList<>(List.of("id,age,sex,zip,diagnosis,note,in_training,y,p"));
    List<String> values = new ArrayList<>(PLANTED.values());
    for (int i = 0; i < 40; i++) {
      String note = i < values.size() ? "contact: " + values.get(i) : "nothing to see";
      lines.add(
          i
              + ","
              + (30 + i % 4)
              + ","
              + (i % 2 == 0 ? "F" : "M")
              + ",1000"
              + (i % 3)
              + ","
              + (i % 5 == 0 ? "flu" : "cold")
              + ",\""
              + note
              + "\","
              + (i % 2 == 0)
              + ","
              + (i % 3 == 0 ? 1 : 0)
              + ","
              + (i % 7) / 7.0);
    }
    Files.write(dir.resolve("data.csv"), lines, StandardCharsets.UTF_8);
  }

  Path spec(String privacy, String columns) throws IOException {
    return SpecFiles.write(
        dir.resolve("audit.yaml"),
        "version: 1",
        "name: privacy-audit",
        "data:",
        "  current: {path: data.csv}",
        "columns:",
        columns,
        privacy,
        "rules: [rules/privacy-baseline.yaml]",
        "");
  }

  static final String COLUMNS = "  label: y\n  score: p\n  member: in_training";
  static final String PRIVACY =
      "privacy:\n  quasi_identifiers: [age, sex, zip]\n"
          + "  sensitive_attribute: diagnosis\n  k: 5";

  @Test
  void plantedPiiAndSecretsAreCountedButNeverWrittenAnywhere() throws IOException {
    csv();
    Path out = dir.resolve("report");
    CliRun.Result r =
        AuditCommandTest.cli("audit", spec(PRIVACY, COLUMNS).toString(), "--out", out.toString());
    assertEquals(1, r.code(), r.out() + r.err()); // blocking: secrets, card, SSN, k < 5

    assertEquals(java.util.Set.of(), dev.assay.ContractSchema.errors(out.resolve("results.json")));
    assertEquals(
        java.util.Set.of(),
        dev.assay.docs.MetricReference.read().undocumented(out.resolve("results.json")),
        "docs/metrics.md");
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    Map<String, Double> note = new LinkedHashMap<>();
    Map<String, Double> dataset = new LinkedHashMap<>();
    for (JsonNode m : results.get("metrics")) {
      if (m.get("family").asText().equals("privacy")) {
        if (m.path("column").asText().equals("note")) {
          note.put(m.get("metric").asText(), m.get("value").asDouble());
        } else {
          dataset.put(
              m.get("metric").asText() + "@" + m.path("column").asText(),
              m.get("value").asDouble());
        }
      }
    }
    for (String type : PLANTED.keySet()) {
      assertEquals(1.0, note.get("pii_" + type + "_count"), type + " " + note);
      assertEquals(1.0 / 40, note.get("pii_" + type + "_rate"), 1e-12, type);
    }
    // 4 ages x 2 sexes x 3 zips: age and sex are both set by i mod 4 and i mod 2, so 4 x 3 = 12
    // classes of 40 rows: sizes 3 or 4 (i mod 12) → k = 3
    assertEquals(3.0, dataset.get("k_anonymity@age & sex & zip"), dataset.toString());
    assertTrue(dataset.containsKey("membership_auc@"), dataset.toString());

    List<String> everything = new ArrayList<>(List.of(r.out(), r.err()));
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        everything.add(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    assertEquals(7, everything.size(), "stdout, stderr and five report files");
    for (String text : everything) {
      List<String> raw = new ArrayList<>(PLANTED.values());
      raw.addAll(List.of("1985-03-12", "02139-4307", "02139", "85a3"));
      for (String secret : raw) {
        assertFalse(text.contains(secret), "unmasked value in an output: " + secret);
        String digits = secret.replaceAll("[^0-9]", "");
        if (digits.length() >= 9) {
          assertFalse(text.contains(digits), "unmasked digits in an output: " + digits);
        }
      }
    }
    // the report shows each planted value masked (and results.json does not)
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    String json = Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8);
    for (String masked :
        List.of(
            "j*******@mail.example.org",
            "(***) ***-**47",
            "4111 **** **** 1111",
            "DE** **** **** **** **30 00",
            "***-**-1121",
            "192.*.*.*",
            "******** (20 characters)",
            "2001:****",
            "1985-**-**",
            "021**-****",
            "******** (" + PLANTED.get("azure_storage_key").length() + " characters)",
            "******** (" + PLANTED.get("jwt").length() + " characters)",
            "******** (31 characters)")) {
      assertTrue(html.contains(masked), "masked example in report.html: " + masked);
      assertFalse(json.contains(masked), "no example in results.json: " + masked);
    }
    String junit = Files.readString(out.resolve("junit.xml"));
    assertTrue(junit.contains("privacy-no-aws-keys"), "rules of the pack were judged");
  }

  @Test
  void memorizationOfTheTrainingTextThroughTheSpec() throws IOException {
    csv();
    Files.write(
        dir.resolve("train.json"),
        List.of(
            "{\"text\": \"Our reply is always: nothing to see here.\"}",
            "{\"text\": \"unrelated\"}"),
        StandardCharsets.UTF_8);
    Path out = dir.resolve("mem");
    CliRun.Result r =
        AuditCommandTest.cli(
            "audit",
            spec(
                    "privacy:\n  pii_columns: [note]\n"
                        + "  training_text: {path: train.json, column: text}\n  memorization_chars: 10",
                    "  response: note")
                .toString(),
            "--out",
            out.toString());
    assertTrue(r.code() <= 1, r.out() + r.err());
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    JsonNode rate = null;
    for (JsonNode m : results.get("metrics")) {
      if (m.get("metric").asText().equals("memorization_rate")) {
        rate = m;
      }
    }
    // rows 13..39 say "nothing to see" (14 characters, in the training text); rows 0..12 a planted
    // value
    assertEquals(27.0 / 40, rate.get("value").asDouble(), 1e-12, String.valueOf(rate));
    assertEquals("note", rate.get("column").asText());
  }

  @Test
  void aMissingTrainingTextFileExitsTwoWithItsLine() throws IOException {
    csv();
    CliRun.Result r =
        AuditCommandTest.cli(
            "audit",
            spec("privacy:\n  training_text: {path: nope.json}", "  response: note").toString(),
            "--out",
            dir.resolve("o").toString());
    assertBadInput(r, "audit.yaml:8", "training_text file not found");
  }

  @Test
  void aMissingQuasiIdentifierExitsTwoNamingItAndTheSpecLine() throws IOException {
    csv();
    CliRun.Result r =
        AuditCommandTest.cli(
            "audit",
            spec("privacy:\n  quasi_identifiers: [age, gender]", COLUMNS).toString(),
            "--out",
            dir.resolve("o").toString());
    assertBadInput(r, "'gender'", "quasi-identifier", "audit.yaml:10");
  }

  @Test
  void withoutAPrivacyBlockOrMemberColumnTheFamilyIsNotApplicable() throws IOException {
    csv();
    Path out = dir.resolve("r");
    CliRun.Result r =
        AuditCommandTest.cli("audit", spec("", "  label: y").toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    String families = results.get("families").toString();
    assertTrue(families.contains("no privacy: block and no columns.member"), families);
    assertTrue(results.get("rules").toString().contains("NOT_APPLICABLE"));
  }

  @Test
  void aBadPrivacyOptionExitsTwoWithItsLine() throws IOException {
    csv();
    CliRun.Result r =
        AuditCommandTest.cli(
            "audit",
            spec("privacy:\n  quasi_identifiers: [age]\n  k: 0", COLUMNS).toString(),
            "--out",
            dir.resolve("o").toString());
    assertBadInput(r, "audit.yaml:11", "privacy.k");
  }
}
