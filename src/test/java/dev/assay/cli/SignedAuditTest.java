package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.CliRun.Result;
import dev.assay.report.Manifest;
import dev.assay.signing.TestKeys;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay audit --sign KEY} and {@code assay verify --public-key FILE} end to end on one real
 * audit (80 rows): the signed report verifies and names the signer; one changed byte in any file, a
 * results.json edit with a re-hashed manifest.json, or another public key is exit 1; bad key files
 * are exit 2 before any Spark work; the model card is in manifest.json and the signature status in
 * report.html.
 */
class SignedAuditTest {

  static final List<String> SIGNED =
      List.of(
          "report.html",
          "results.json",
          "junit.xml",
          "summary.md",
          "manifest.json",
          "manifest.sig");

  @TempDir static Path dir;

  static Path report;
  static KeyPair pair;
  static Path publicKey;
  static Path privateKey;

  @BeforeAll
  static void audit() throws Exception {
    SharedSpark.get();
    List<String> lines = new ArrayList<>(List.of("id,grp,outcome,approved"));
    for (int i = 0; i < 80; i++) {
      lines.add(i + "," + (i < 40 ? "A" : "B") + "," + (i % 2) + "," + ((i % 40) < 20 ? 1 : 0));
    }
    Files.write(dir.resolve("data.csv"), lines);
    Files.writeString(
        dir.resolve("audit.yaml"),
        String.join(
            "\n",
            "version: 1",
            "name: signed-audit",
            "model:",
            "  name: credit",
            "  version: '3'",
            "  owner: risk team",
            "  intended_use: Pre-screening only.",
            "  limitations: Trained on 2019-2023 applications.",
            "  risk_class: high",
            "  registry_uri: models:/credit/3",
            "data:",
            "  current: {path: data.csv}",
            "columns:",
            "  label: outcome",
            "  prediction: approved",
            "  sensitive: [grp]",
            "rules: [rules/eeoc-four-fifths.yaml]",
            ""));
    pair = TestKeys.ed25519();
    privateKey = TestKeys.writePrivate(pair, dir.resolve("signer.pem"));
    publicKey = TestKeys.writePublic(pair, dir.resolve("signer.pub"));
    report = dir.resolve("report");
    Result r =
        AuditCommandTest.cli(
            "audit",
            dir.resolve("audit.yaml").toString(),
            "--out",
            report.toString(),
            "--sign",
            privateKey.toString());
    assertEquals(0, r.code(), r.out() + r.err());
  }

  static String fingerprint() {
    return "SHA256:" + Manifest.sha256(pair.getPublic().getEncoded());
  }

  Path copy(Path into) throws IOException {
    Path target = into.resolve("copy");
    Files.createDirectories(target);
    for (String f : SIGNED) {
      Files.copy(report.resolve(f), target.resolve(f));
    }
    return target;
  }

  @Test
  void theSignedReportVerifiesAndNamesItsSigner() throws IOException {
    JsonNode sig = new ObjectMapper().readTree(report.resolve("manifest.sig").toFile());
    assertEquals("assay.signature/1", sig.path("schema").asText());
    assertEquals("Ed25519", sig.path("algorithm").asText());
    assertEquals(fingerprint(), sig.path("key_fingerprint").asText());
    assertEquals(64, Base64.getDecoder().decode(sig.path("signature").asText()).length);

    Result r =
        AuditCommandTest.cli("verify", report.toString(), "--public-key", publicKey.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out().contains("signature valid: manifest.json signed by " + fingerprint()), r.out());
    assertTrue(r.out().contains(" at " + sig.path("signed_at").asText()), r.out());

    Result unchecked = AuditCommandTest.cli("verify", report.toString());
    assertEquals(0, unchecked.code(), unchecked.out());
    assertTrue(
        unchecked.out().contains("signature not checked (no --public-key)"), unchecked.out());
  }

  @Test
  void theModelCardIsInTheSignedManifestAndTheReportShowsTheSignature() throws IOException {
    JsonNode model =
        new ObjectMapper().readTree(report.resolve("manifest.json").toFile()).path("model");
    assertEquals("credit", model.path("name").asText());
    assertEquals("3", model.path("version").asText());
    assertEquals("risk team", model.path("owner").asText());
    assertEquals("Pre-screening only.", model.path("intended_use").asText());
    assertEquals("Trained on 2019-2023 applications.", model.path("limitations").asText());
    assertEquals("high", model.path("risk_class").asText());
    assertEquals("models:/credit/3", model.path("registry_uri").asText());
    String html = Files.readString(report.resolve("report.html"));
    assertTrue(html.contains("signed with the Ed25519 key " + fingerprint()), "evidence appendix");
  }

  /**
   * Where to change one byte of a signed file. For manifest.json, a byte inside its first SHA-256
   * digest: the manifest must stay valid JSON, or verify reports a parse error (exit 2) instead of
   * a signature mismatch, and its middle byte moves with the run's temporary paths, so it can be a
   * quote or a comma. For the other files the middle byte (the signature's tenth byte from the
   * end).
   */
  private static int changedByteAt(String name, byte[] bytes) {
    if (name.equals("manifest.sig")) {
      return bytes.length - 10;
    }
    if (name.equals("manifest.json")) {
      Matcher digest =
          Pattern.compile("\"[0-9a-f]{64}\"")
              .matcher(new String(bytes, StandardCharsets.ISO_8859_1));
      assertTrue(digest.find(), "manifest.json holds a SHA-256 digest");
      return digest.start() + 10;
    }
    return bytes.length / 2;
  }

  @Test
  void oneChangedByteInAnyFileIsExitOneNamingIt() throws IOException {
    for (String name : SIGNED) {
      Path copy = copy(dir.resolve("byte-" + name));
      byte[] bytes = Files.readAllBytes(copy.resolve(name));
      int at = changedByteAt(name, bytes);
      bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');
      Files.write(copy.resolve(name), bytes);
      Result r =
          AuditCommandTest.cli("verify", copy.toString(), "--public-key", publicKey.toString());
      assertEquals(1, r.code(), name + ": " + r.out() + r.err());
      assertTrue(r.out().contains(name), name + ": " + r.out());
    }
  }

  @Test
  void anEditedResultWithARehashedManifestFailsTheSignature() throws IOException {
    Path copy = copy(dir);
    Path results = copy.resolve("results.json");
    String edited = Files.readString(results).replaceFirst("\"PASS\"", "\"FAIL\"");
    Files.writeString(results, edited);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode manifest = (ObjectNode) mapper.readTree(copy.resolve("manifest.json").toFile());
    for (JsonNode output : manifest.path("outputs")) {
      if (output.path("path").asText().equals("results.json")) {
        byte[] bytes = edited.getBytes(StandardCharsets.UTF_8);
        ((ObjectNode) output).put("sha256", Manifest.sha256(bytes)).put("size", bytes.length);
      }
    }
    mapper
        .writerWithDefaultPrettyPrinter()
        .writeValue(copy.resolve("manifest.json").toFile(), manifest);

    Result hashesOnly = AuditCommandTest.cli("verify", copy.toString());
    assertEquals(0, hashesOnly.code(), "the hashes alone cannot tell: " + hashesOnly.out());
    Result r =
        AuditCommandTest.cli("verify", copy.toString(), "--public-key", publicKey.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("signature does not match"), r.out());
  }

  @Test
  void anotherPublicKeyIsExitOne() throws Exception {
    Path other = TestKeys.writePublic(TestKeys.ec("secp256r1"), dir.resolve("other.pub"));
    Result r = AuditCommandTest.cli("verify", report.toString(), "--public-key", other.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("not by the given key"), r.out());
  }

  @Test
  void badKeyFilesAreExitTwoWithOneMessageAndNoKeyBytes() throws IOException {
    Path broken = dir.resolve("broken.pem");
    String secret = Files.readString(privateKey).replace("PRIVATE KEY", "PRIVATE KEX");
    Files.writeString(broken, secret);
    Result r =
        AuditCommandTest.cli(
            "audit",
            dir.resolve("audit.yaml").toString(),
            "--out",
            dir.resolve("never").toString(),
            "--sign",
            broken.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("--sign " + broken), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    String keyLine = secret.lines().skip(1).findFirst().orElseThrow();
    assertFalse((r.out() + r.err()).contains(keyLine), "the key never appears");
    assertFalse(Files.exists(dir.resolve("never").resolve("report.html")));

    Result missing =
        AuditCommandTest.cli(
            "verify", report.toString(), "--public-key", dir.resolve("nope.pub").toString());
    assertEquals(2, missing.code(), missing.out() + missing.err());
    assertTrue(
        missing.err().contains("--public-key " + dir.resolve("nope.pub") + ": no such file"),
        missing.err());
  }

  @Test
  void aPublicKeyWithoutASignatureIsExitOne() throws IOException {
    Path copy = copy(dir.resolve("unsigned"));
    Files.delete(copy.resolve("manifest.sig"));
    Result r =
        AuditCommandTest.cli("verify", copy.toString(), "--public-key", publicKey.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("manifest.sig is missing"), r.out());
  }
}
