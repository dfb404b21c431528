package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.SpecFiles;
import dev.assay.cli.AzureCliProcessTest.Run;
import dev.assay.cli.AzureCliProcessTest.Tls;
import dev.assay.publish.Azurite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --history abfss://…} end to end against a real Azurite serving HTTPS (self-signed
 * certificate trusted by the CLI's own JVM, credentials only from {@code
 * AZURE_STORAGE_CONNECTION_STRING}, as {@link AzureCliProcessTest}): two audits append their runs
 * to a history in Blob Storage; the second run's history rules ({@code must_not_worsen_by} and
 * {@code anomaly.relative_change}) read the first run from there; {@code assay history abfss://…}
 * prints both runs; and the container holds exactly the two parts, no temporary file.
 */
@Tag("slow")
@ExtendWith(Azurite.class)
class AbfsHistoryTest {

  static final String CONTAINER = "audit-history";

  @TempDir Path dir;

  static Path spec(Path folder, Path data) throws Exception {
    Files.write(
        folder.resolve("history-rules.yaml"),
        List.of(
            "pack: history-test",
            "rules:",
            "  - id: ratio-no-regression",
            "    metric: fairness.impact_ratio",
            "    must: \">= 0.8\"",
            "    must_not_worsen_by: 0.05",
            "    severity: blocking",
            "  - id: ratio-stable",
            "    metric: fairness.impact_ratio",
            "    anomaly: {relative_change: 0.05}",
            "    severity: warning"));
    Path spec = folder.resolve("audit-" + data.getFileName() + ".yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "version: 1",
            "name: abfs-history",
            "data: {current: {path: '" + data + "'}}",
            "columns:",
            "  label: outcome",
            "  prediction: approved",
            "  sensitive: [grp]",
            "rules: [history-rules.yaml]",
            "fairness: {min_group_size: 1}",
            ""));
    return spec;
  }

  /** {@code assay audit} of {@code data} in its own JVM, appending to {@code history}. */
  Run audit(Map<String, String> env, Tls tls, Path data, Path out, String history)
      throws Exception {
    return AzureCliProcessTest.cli(
        dir,
        env,
        tls.jvm(),
        "audit",
        spec(dir, data).toString(),
        "--out",
        out.toString(),
        "--history",
        history);
  }

  /** Rule id → status of {@code results.json} under {@code out}. */
  static Map<String, String> statuses(Path out) throws Exception {
    Map<String, String> s = new TreeMap<>();
    for (JsonNode v :
        new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("rules")) {
      s.put(v.get("id").asText(), v.get("status").asText());
    }
    return s;
  }

  @Test
  void twoAuditsAppendToAnAbfssHistoryAndTheSecondIsJudgedAgainstTheFirst() throws Exception {
    Tls tls = Tls.make(dir);
    try (Azurite.Instance azurite = Azurite.startTls(tls.cert(), tls.key())) {
      BlobContainerClient container =
          new BlobServiceClientBuilder()
              .connectionString(azurite.connectionString())
              .httpClient(
                  new JdkHttpClientBuilder(
                          java.net.http.HttpClient.newBuilder().sslContext(tls.context()))
                      .build())
              .buildClient()
              .getBlobContainerClient(CONTAINER);
      container.createIfNotExists();
      String history =
          "abfss://" + CONTAINER + "@" + Azurite.ACCOUNT + ".dfs.core.windows.net/history/credit";
      Map<String, String> env =
          Map.of(dev.assay.publish.BlobPublisher.CONNECTION_STRING, azurite.connectionString());

      // run 1: impact ratio 20/20 = 1; no history yet, the anomaly rule has nothing to compare
      Path first = dir.resolve("first");
      Run one = audit(env, tls, SpecFiles.groupsCsvAt(dir.resolve("fair.csv"), 20), first, history);
      assertEquals(0, one.code(), one.out() + one.err());
      assertEquals(
          Map.of("ratio-no-regression", "PASS", "ratio-stable", "NOT_APPLICABLE"), statuses(first));

      // run 2: 18/20 = 0.9, still >= 0.8, but 0.1 worse than run 1 (the last passing run, read
      // from Blob Storage) and a 10% change: both history rules fire
      Path second = dir.resolve("second");
      Run two =
          audit(env, tls, SpecFiles.groupsCsvAt(dir.resolve("worse.csv"), 18), second, history);
      assertEquals(1, two.code(), two.out() + two.err());
      assertEquals(Map.of("ratio-no-regression", "FAIL", "ratio-stable", "WARN"), statuses(second));
      String results = Files.readString(second.resolve("results.json"));
      assertTrue(results.contains("compared with 1 earlier run"), "the history note");

      // the container holds the two runs' parts and nothing half-written
      Set<String> blobs = new TreeSet<>();
      for (BlobItem b : container.listBlobs()) {
        if (b.getName().startsWith("history/credit/")) {
          blobs.add(b.getName().substring("history/credit/".length()));
        }
      }
      assertEquals(2, blobs.size(), blobs.toString());
      assertTrue(
          blobs.stream().allMatch(b -> b.startsWith("part-") && b.endsWith(".jsonl")),
          blobs.toString());

      // assay history prints both runs, oldest first
      Run printed =
          AzureCliProcessTest.cli(
              dir,
              env,
              tls.jvm(),
              "history",
              history,
              "--metric",
              "fairness.impact_ratio",
              "--format",
              "csv");
      assertEquals(0, printed.code(), printed.out() + printed.err());
      List<String> lines = printed.out().lines().toList();
      List<String> header = Arrays.asList(lines.get(0).split(","));
      int runId = header.indexOf("run_id");
      int value = header.indexOf("value");
      Set<String> runs = new TreeSet<>();
      List<Double> values = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",", -1);
        runs.add(cells[runId]);
        if (!cells[value].isEmpty()) {
          values.add(Double.parseDouble(cells[value]));
        }
      }
      assertEquals(2, runs.size(), printed.out());
      assertTrue(values.contains(1.0) && values.contains(0.9), printed.out());
      assertTrue(values.indexOf(1.0) < values.indexOf(0.9), "oldest run first: " + printed.out());
      AzureCliProcessTest.assertNoKey(two, dir);
    }
  }
}
