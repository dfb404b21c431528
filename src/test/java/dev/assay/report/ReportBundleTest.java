package dev.assay.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportBundleTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void bundleHasTheFiveFilesWithMachineFilesLast() {
    Map<String, byte[]> bundle = ReportBundle.render(SampleRuns.full());
    assertEquals(
        List.of("report.html", "junit.xml", "summary.md", "results.json", "manifest.json"),
        List.copyOf(bundle.keySet()));
    assertArrayEquals(new ResultsJson().render(SampleRuns.full()), bundle.get("results.json"));
  }

  @Test
  void manifestHashesEveryOtherOutputAndEveryInput() throws Exception {
    Map<String, byte[]> bundle = ReportBundle.render(SampleRuns.full());
    JsonNode manifest = MAPPER.readTree(bundle.get("manifest.json"));
    assertEquals("assay.manifest/1", manifest.get("schema").asText());
    assertEquals("compas-recidivism", manifest.get("audit").asText());
    assertEquals("0.1.0", manifest.get("tool_version").asText());
    assertEquals("17.0.15", manifest.get("java_version").asText());
    assertEquals("4.2.0", manifest.get("spark_version").asText());
    assertEquals("local[2]", manifest.get("spark_master").asText());
    assertEquals("2026-01-02T03:04:05Z", manifest.get("started").asText());
    assertEquals("2026-01-02T03:04:17.250Z", manifest.get("finished").asText());

    JsonNode inputs = manifest.get("inputs");
    assertEquals(2, inputs.size());
    assertEquals("spec", inputs.get(0).get("role").asText());
    assertEquals("datasets/compas/audit.yaml", inputs.get(0).get("path").asText());
    assertEquals(812, inputs.get(0).get("size").asLong());
    assertEquals("2026-01-01T00:00:00Z", inputs.get(0).get("modified").asText());
    assertEquals(
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        inputs.get(0).get("sha256").asText());

    JsonNode outputs = manifest.get("outputs");
    assertEquals(4, outputs.size());
    for (JsonNode output : outputs) {
      byte[] file = bundle.get(output.get("path").asText());
      assertEquals(file.length, output.get("size").asLong());
      assertEquals(Manifest.sha256(file), output.get("sha256").asText());
    }
    assertTrue(outputs.findValuesAsText("path").contains("results.json"));
  }

  @Test
  void sha256IsTheStandardDigest() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Manifest.sha256(new byte[0]));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Manifest.sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }
}
