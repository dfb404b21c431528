package dev.assay.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import dev.assay.spark.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets planted where a user might paste them (a SAS URL as the data path, an account key as the
 * model owner, a token in a rule's rationale, a password in a URI, keys in command-line options),
 * each end to end through {@code Main.run}: the exit code of the contract, one message, no stack
 * trace, and none of the planted secret strings in standard output, standard error or any file of
 * the report folder.
 */
class SecretsAdversarialTest {

  /** A SAS signature (its value is the secret). */
  static final String SIG = "Zm9yZ2VkU2lnbmF0dXJlRm9yQXNzYXlUZXN0cw";

  static final String SAS =
      "sv=2024-11-04&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=" + SIG + "%3D";

  /** A made-up storage account key in Azure's shape: 86 base64 characters and '=='. */
  static final String ACCOUNT_KEY =
      "q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8L9z0X1c2V3b4N5m6Q7w8E9r0T1y2U3i4O5p6A7s8D9f0G1h2J3==";

  static final String JWT =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhc3NheS10ZXN0In0.c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ";
  static final String AWS_KEY = "AKIAZ7Q3EXAMPLE4KEY9";
  static final String PEM_BODY = "MIIEowIBAAKCAQEAplantedPrivateKeyBody0123456789";
  static final String BEARER = "plantedBearerToken0123456789abcdef";
  static final String PASSWORD = "Pa55w0rdPlantedSecret";
  static final String CONNECTION_STRING =
      "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey="
          + ACCOUNT_KEY
          + ";EndpointSuffix=core.windows.net";

  /** A loopback port nobody listens on: the SAS URLs point there, so nothing leaves the machine. */
  static final int CLOSED_PORT = dev.assay.publish.Azurite.closedPort();

  static final List<String> SECRETS =
      List.of(SIG, ACCOUNT_KEY, JWT, AWS_KEY, PEM_BODY, BEARER, PASSWORD);

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  /**
   * One case: what to write and run, and what the run must do.
   *
   * @param args the command line, given the spec and the report folder
   * @param code the exit code
   * @param says a phrase the one message (or the report) must contain, showing what stays
   */
  record Case(
      String name, SpecText spec, Function<Paths, List<String>> args, int code, String says) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The spec's text, given the data file and the rule pack. */
  interface SpecText {
    String of(Path data, Path pack);
  }

  record Paths(Path spec, Path out) {}

  static String spec(String dataLine, String model, String rules) {
    return String.join(
        "\n",
        "version: 1",
        "name: secrets-audit",
        model,
        "data:",
        "  current: " + dataLine,
        "columns:",
        "  label: outcome",
        "  prediction: approved",
        "  sensitive: [grp]",
        "rules: [" + rules + "]",
        "");
  }

  static String model(String name, String version, String owner) {
    return "model: {name: '" + name + "', version: '" + version + "', owner: '" + owner + "'}";
  }

  static final String PLAIN_MODEL = model("credit", "1", "risk team");

  static List<String> audit(Paths p, String... more) {
    List<String> args =
        new ArrayList<>(List.of("audit", p.spec().toString(), "--out", p.out().toString()));
    args.addAll(List.of(more));
    return args;
  }

  static Stream<Case> cases() {
    String sasUrl =
        "https://127.0.0.1:" + CLOSED_PORT + "/devstoreaccount1/audits/credit/data?" + SAS;
    return Stream.of(
        new Case(
            "SAS URL as data path, no format: exit 2, the path without its query",
            (d, r) -> spec("{path: '" + sasUrl + "'}", PLAIN_MODEL, r.toString()),
            p -> audit(p),
            2,
            "https://127.0.0.1:" + CLOSED_PORT + "/devstoreaccount1/audits/credit/data?…redacted"),
        new Case(
            "SAS URL as data path with format csv: exit 2 naming the URL without its query",
            (d, r) -> spec("{path: '" + sasUrl + "', format: csv}", PLAIN_MODEL, r.toString()),
            p -> audit(p),
            2,
            "https://127.0.0.1:" + CLOSED_PORT + "/devstoreaccount1/audits/credit/data?…redacted"),
        new Case(
            "SAS URL as reference path: exit 2",
            (d, r) ->
                spec(
                    "{path: '" + d + "'}\n  reference: {path: '" + sasUrl + "'}",
                    PLAIN_MODEL,
                    r.toString()),
            p -> audit(p),
            2,
            "cannot tell the format of 'https://127.0.0.1:"
                + CLOSED_PORT
                + "/devstoreaccount1/audits/credit/data?…redacted'"),
        new Case(
            "password in a URI as data path: exit 2, user kept out too",
            (d, r) ->
                spec(
                    "{path: 'https://auditor:" + PASSWORD + "@example.invalid/data'}",
                    PLAIN_MODEL,
                    r.toString()),
            p -> audit(p),
            2,
            "https://…redacted@example.invalid/data"),
        new Case(
            "connection string as a local data path: exit 2, the key out of the message",
            (d, r) -> spec("{path: '" + CONNECTION_STRING + ".csv'}", PLAIN_MODEL, r.toString()),
            p -> audit(p),
            2,
            "AccountKey=…redacted"),
        new Case(
            "a sig= folder in a local data path: exit 2",
            (d, r) -> spec("{path: 'exports/sig=" + SIG + "/data.csv'}", PLAIN_MODEL, r.toString()),
            p -> audit(p),
            2,
            "sig=…redacted"),
        new Case(
            "JWT as data format: exit 2",
            (d, r) -> spec("{path: '" + d + "', format: '" + JWT + "'}", PLAIN_MODEL, r.toString()),
            p -> audit(p),
            2,
            "unknown format"),
        new Case(
            "account key, connection string, JWT and AWS key in the model; private key, bearer token"
                + " and SAS URL in the rule pack: the run completes, no output holds them",
            (d, r) ->
                spec(
                    "{path: '" + d + "'}",
                    model(CONNECTION_STRING, JWT, ACCOUNT_KEY + " / " + AWS_KEY),
                    r.toString()),
            p -> audit(p),
            1,
            "AccountKey=…redacted"),
        new Case(
            "SAS URL as --waivers: exit 2",
            (d, r) -> spec("{path: '" + d + "'}", PLAIN_MODEL, r.toString()),
            p -> audit(p, "--waivers", "https://acme.blob.core.windows.net/w/waivers.yaml?" + SAS),
            2,
            "w/waivers.yaml?…redacted"),
        new Case(
            "SAS URL as --baseline: exit 2",
            (d, r) -> spec("{path: '" + d + "'}", PLAIN_MODEL, r.toString()),
            p -> audit(p, "--baseline", "https://acme.blob.core.windows.net/b/results.json?" + SAS),
            2,
            "--baseline"),
        new Case(
            "bearer token as --fail-on: exit 2",
            (d, r) -> spec("{path: '" + d + "'}", PLAIN_MODEL, r.toString()),
            p -> audit(p, "--fail-on", "Bearer " + BEARER),
            2,
            "Bearer …redacted"),
        new Case(
            "bearer token as a --conf without '=': exit 2",
            (d, r) -> spec("{path: '" + d + "'}", PLAIN_MODEL, r.toString()),
            p -> audit(p, "--conf", "Authorization: Bearer " + BEARER),
            2,
            "--conf takes KEY=VALUE"),
        new Case(
            "password and SAS in an --upload URI of the wrong scheme: exit 2",
            (d, r) -> spec("{path: '" + d + "'}", PLAIN_MODEL, r.toString()),
            p ->
                audit(
                    p,
                    "--upload",
                    "ftp://auditor:" + PASSWORD + "@acme.example.invalid/c/p?" + SAS),
            2,
            "--upload"),
        new Case(
            "JWT in an unknown option: exit 2 from the option parser",
            (d, r) -> spec("{path: '" + d + "'}", PLAIN_MODEL, r.toString()),
            p -> audit(p, "--token=" + JWT),
            2,
            "--token"),
        new Case(
            "AWS key as a rule's metric under 'assay rules validate': exit 2",
            (d, r) -> spec("{path: '" + d + "'}", PLAIN_MODEL, r.toString()),
            p -> List.of("rules", "validate", p.spec().resolveSibling("bad-pack.yaml").toString()),
            2,
            "problem"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void noPlantedSecretIsPrintedOrWritten(Case c) throws IOException {
    Path data = csv();
    Path pack = pack();
    Files.writeString(
        dir.resolve("bad-pack.yaml"),
        "pack: bad\nrules:\n  - id: r1\n    metric: 'fairness."
            + AWS_KEY
            + "'\n    must: '>= 0.8'\n    severity: blocking\n");
    Path spec = dir.resolve("audit.yaml");
    Files.writeString(spec, c.spec().of(data, pack));
    Path out = dir.resolve("report");
    Result r = cli(c.args().apply(new Paths(spec, out)).toArray(String[]::new));
    assertEquals(c.code(), r.code(), r.out() + r.err());
    assertNoSecret(r, out);
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    if (c.code() >= 2) {
      assertEquals(
          1,
          r.err()
              .lines()
              .filter(
                  l ->
                      l.startsWith("assay: error")
                          || l.startsWith("assay: run failed")
                          || l.startsWith("Unknown")
                          || l.startsWith("assay: 1 problem"))
              .count(),
          r.err());
      assertTrue(r.err().contains(c.says()), r.err());
    } else {
      assertTrue(
          Files.readString(out.resolve("report.html")).contains(c.says())
              || Files.readString(out.resolve("results.json")).contains(c.says()),
          "the redaction marker shows");
      assertTrue(Files.readString(out.resolve("results.json")).contains("\"verdict\""));
    }
  }

  /** Group A approved 20/40, group B 10/40: the four-fifths rule fails (exit 1). */
  Path csv() throws IOException {
    List<String> lines = new ArrayList<>(List.of("id,grp,outcome,approved"));
    for (int i = 0; i < 80; i++) {
      lines.add(
          i
              + ","
              + (i < 40 ? "A" : "B")
              + ","
              + (i % 2)
              + ","
              + ((i % 40) < (i < 40 ? 20 : 10) ? 1 : 0));
    }
    return Files.write(dir.resolve("data.csv"), lines);
  }

  /** A rule pack whose free text carries a private key, a bearer token and a SAS URL. */
  Path pack() throws IOException {
    return Files.writeString(
        dir.resolve("pack.yaml"),
        String.join(
            "\n",
            "pack: leaky-pack",
            "title: 'Pack with Bearer " + BEARER + "'",
            "reference: 'https://policies.example.invalid/fairness.pdf?" + SAS + "'",
            "rules:",
            "  - id: leaky-four-fifths",
            "    title: 'Four fifths (token " + JWT + ")'",
            "    metric: fairness.demographic_parity_ratio",
            "    where: {attribute: '*'}",
            "    must: '>= 0.8'",
            "    severity: blocking",
            "    rationale: |",
            "      Signed with -----BEGIN RSA PRIVATE KEY-----",
            "      " + PEM_BODY,
            "      -----END RSA PRIVATE KEY----- and Authorization: Bearer " + BEARER,
            ""));
  }

  static Result cli(String... args) {
    return CliRun.run(args);
  }

  /** None of {@link #SECRETS} in what was printed or in any file under {@code out}. */
  static void assertNoSecret(Result r, Path out) throws IOException {
    String printed = r.out() + r.err();
    for (String secret : SECRETS) {
      assertFalse(printed.contains(secret), "printed " + secret + ":\n" + printed);
    }
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.walk(out)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(f, StandardCharsets.ISO_8859_1);
          for (String secret : SECRETS) {
            assertFalse(text.contains(secret), f + " holds " + secret);
          }
        }
      }
    }
  }
}
