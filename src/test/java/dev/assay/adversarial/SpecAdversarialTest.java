package dev.assay.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken documents, end to end through {@code assay audit}: the audit spec (YAML and
 * JSON), rule packs, waivers and the baseline. Every case must fail before Spark starts, with exit
 * code 2 and exactly one line on standard error that names the file (and the line where there is
 * one), no stack trace or exception class, none of the content of a file that is not an Assay
 * document, and every input file byte for byte as it was. See docs/hardening-spec.md.
 */
class SpecAdversarialTest {

  /** Text planted in files that are not Assay documents; no message may repeat it. */
  static final String SECRET = "hunter2-SECRET-7f3a";

  static final String DATA = "id,grp,outcome,approved\n1,A,1,1\n2,B,0,0\n";

  static final String PACK =
      String.join(
          "\n",
          "pack: tiny",
          "rules:",
          "  - id: four-fifths",
          "    metric: fairness.demographic_parity_ratio",
          "    must: \">= 0.8\"",
          "    severity: blocking",
          "");

  static final String WAIVERS =
      String.join(
          "\n",
          "waivers:",
          "  - rule: four-fifths",
          "    attribute: grp",
          "    reason: accepted for the pilot",
          "    approved_by: risk board",
          "    expires: 2099-01-01",
          "");

  /** A spec with the given lines between the data and rules blocks. */
  static String spec(String... middle) {
    List<String> lines =
        new ArrayList<>(
            List.of("version: 1", "name: hostile", "data:", "  current: {path: data.csv}"));
    lines.addAll(List.of(middle));
    lines.add("rules: [pack.yaml]");
    lines.add("");
    return String.join("\n", lines);
  }

  static final String COLUMNS =
      "columns:\n  label: outcome\n  prediction: approved\n  sensitive: [grp]";

  /**
   * One hostile input.
   *
   * @param name what is wrong, for the test's display name
   * @param files the files to write (name to bytes); data.csv and pack.yaml are added unless given
   * @param args the arguments after {@code audit}; {@code {dir}/} is replaced by the temp folder
   * @param expected fragments the one message must contain, such as {@code spec.yaml:6:}
   */
  record Case(String name, Map<String, byte[]> files, List<String> args, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case specCase(String name, String text, String... expected) {
    return new Case(
        name, Map.of("spec.yaml", utf8(text)), List.of("{dir}/spec.yaml"), List.of(expected));
  }

  static Case file(
      String name, String fileName, byte[] content, List<String> args, String... expected) {
    return new Case(name, Map.of(fileName, content), args, List.of(expected));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Case> cases() {
    String laughs =
        String.join(
            "\n",
            "version: 1",
            "name: lol",
            "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
            "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
            "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
            "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
            "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
            "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
            "");
    String passwd =
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:"
            + SECRET
            + ":/usr/sbin:/usr/sbin/nologin\n"
            + "bin:x:2:2:bin:/bin:/usr/sbin/nologin\n";
    String envFile =
        "API_TOKEN: " + SECRET + "\nDB_PASSWORD: " + SECRET + "\nDB_HOST: db.internal\n";
    String huge = spec(COLUMNS) + "#" + "x".repeat((1 << 20) + 10) + "\n";
    return Stream.of(
        specCase(
            "duplicate key, last would win",
            spec(
                "columns:",
                "  label: outcome",
                "  prediction: approved",
                "  label: approved",
                "  sensitive: [grp]"),
            "spec.yaml:8:",
            "duplicate key 'columns.label'",
            "line 6"),
        specCase(
            "duplicate key deep in a flow mapping",
            spec(COLUMNS, "fairness: {reference_group: {grp: A, grp: B}}"),
            "spec.yaml:9:",
            "duplicate key 'fairness.reference_group.grp'"),
        specCase(
            "duplicate top-level key",
            spec(COLUMNS).replace("name: hostile", "name: hostile\nname: other"),
            "spec.yaml:3:",
            "duplicate key 'name'",
            "line 2"),
        file(
            "duplicate key in a JSON spec",
            "spec.json",
            utf8(
                "{\n\t\"version\": 1,\n\t\"name\": \"j\",\n"
                    + "\t\"data\": {\"current\": {\"path\": \"data.csv\"}},\n\t\"name\": \"k\"\n}\n"),
            List.of("{dir}/spec.json"),
            "spec.json:5:",
            "duplicate key 'name'",
            "line 3"),
        file(
            "duplicate key in a rule pack",
            "pack.yaml",
            utf8(PACK + "    severity: info\n"),
            List.of("{dir}/spec.yaml"),
            "pack.yaml:7:",
            "duplicate key 'rules[0].severity'",
            "line 6"),
        file(
            "duplicate key in a waivers file",
            "waivers.yaml",
            utf8(WAIVERS + "    reason: again\n"),
            List.of("{dir}/spec.yaml", "--waivers", "{dir}/waivers.yaml"),
            "waivers.yaml:7:",
            "duplicate key 'waivers[0].reason'",
            "line 4"),
        specCase("spec larger than 1 MiB", huge, "spec.yaml", "larger than the 1 MiB"),
        specCase(
            "a 20000-character value",
            spec(COLUMNS, "model: {name: \"" + "m".repeat(20_000) + "\"}"),
            "spec.yaml:9:",
            "10000"),
        specCase(
            "a 300-character model name",
            spec(COLUMNS, "model: {name: \"" + "m".repeat(300) + "\"}"),
            "spec.yaml:9:",
            "model.name",
            "200"),
        file(
            "Latin-1 spec",
            "spec.yaml",
            spec(COLUMNS, "model: {owner: Équipe crédit}").getBytes(StandardCharsets.ISO_8859_1),
            List.of("{dir}/spec.yaml"),
            "spec.yaml:9:",
            "not UTF-8 at line 9 (column 16"),
        file(
            "UTF-16 spec with a byte-order mark",
            "spec.yaml",
            spec(COLUMNS).getBytes(StandardCharsets.UTF_16),
            List.of("{dir}/spec.yaml"),
            "spec.yaml",
            "UTF-16"),
        file(
            "UTF-16 spec without a byte-order mark",
            "spec.yaml",
            spec(COLUMNS).getBytes(StandardCharsets.UTF_16LE),
            List.of("{dir}/spec.yaml"),
            "spec.yaml:1:",
            "U+0000",
            "not UTF-8"),
        file(
            "binary file as the spec",
            "spec.yaml",
            new byte[] {'v', ':', ' ', 0x00, (byte) 0xFF, 0x13, 0x37},
            List.of("{dir}/spec.yaml"),
            "spec.yaml:1:"),
        specCase("billion laughs", laughs, "spec.yaml:3:", "anchors and aliases"),
        specCase(
            "one harmless-looking alias",
            spec("columns: &c", "  label: outcome", "  prediction: approved", "model: {name: *c}"),
            "spec.yaml:5:",
            "anchors and aliases"),
        specCase(
            "nesting 200 levels deep",
            spec(COLUMNS, "model: " + "[".repeat(200) + "]".repeat(200)),
            "spec.yaml:9",
            "nested more than 20 levels"),
        specCase(
            "a list at the top",
            "- version: 1\n- name: x\n",
            "spec.yaml",
            "not an audit spec",
            "found a list"),
        specCase(
            "a single value at the top",
            "just some words\n",
            "spec.yaml",
            "not an audit spec",
            "found a single value"),
        specCase("an empty file", "", "spec.yaml", "not an audit spec", "empty file"),
        specCase(
            "only comments",
            "# version: 1\n# name: x\n",
            "spec.yaml",
            "not an audit spec",
            "empty file"),
        new Case(
            "a directory as the spec",
            Map.of("specdir/keep.yaml", utf8(spec(COLUMNS))),
            List.of("{dir}/specdir"),
            List.of("specdir", "is a directory")),
        specCase(
            "tab indentation",
            spec("columns:", "\tlabel: outcome"),
            "spec.yaml:6:",
            "malformed YAML",
            "TAB"),
        specCase(
            "a list as a key",
            spec(COLUMNS, "? [a, b]", ": 1"),
            "spec.yaml:9:",
            "keys must be single names"),
        specCase(
            "a custom tag",
            spec(COLUMNS, "model: {name: !!binary aGVsbG8=}"),
            "spec.yaml:9:",
            "tag"),
        specCase(
            "unknown nested key",
            spec(COLUMNS).replace("{path: data.csv}", "{pth: data.csv}"),
            "spec.yaml:4:",
            "unknown key 'data.current.pth'",
            "did you mean 'path'"),
        specCase(
            "unknown top-level key",
            spec(COLUMNS, "fairnes: {bootstrap: 10}"),
            "spec.yaml:9:",
            "unknown key 'fairnes'",
            "did you mean 'fairness'"),
        specCase(
            "version is text",
            spec(COLUMNS).replace("version: 1", "version: abc"),
            "spec.yaml:1:",
            "wrong value for 'version': expected a whole number (found 'abc')"),
        specCase(
            "a list where a mapping belongs",
            spec("columns: [outcome, approved]"),
            "spec.yaml:5:",
            "wrong value for 'columns': expected a mapping"),
        specCase(
            "a mapping where a single value belongs",
            spec(COLUMNS, "model: {name: {first: a}}"),
            "spec.yaml:9:",
            "wrong value for 'model.name': expected a single value"),
        specCase(
            "version 2",
            spec(COLUMNS).replace("version: 1", "version: 2"),
            "spec.yaml:1:",
            "version must be 1"),
        specCase(
            "a CSV given as the spec",
            "id,name,ssn\n1,alice," + SECRET + "\n",
            "spec.yaml",
            "not an audit spec"),
        specCase("another tool's config as the spec", envFile, "spec.yaml", "not an audit spec"),
        specCase(
            "a mapping sharing only a common key (model) with a spec",
            "processor: 0\nmodel: 85\n" + "model name: " + SECRET + "\nprocessor: 1\n",
            "spec.yaml",
            "not an audit spec",
            "without `version:` or `data:`"),
        file(
            "a password file as a rule pack",
            "passwd",
            utf8(passwd),
            List.of("{dir}/spec-passwd.yaml"),
            "passwd",
            "not a rule pack"),
        file(
            "an env file as a rule pack",
            "secrets.yaml",
            utf8(envFile),
            List.of("{dir}/spec-secrets.yaml"),
            "secrets.yaml",
            "not a rule pack"),
        file(
            "an env file as waivers",
            "waivers.yaml",
            utf8(envFile),
            List.of("{dir}/spec.yaml", "--waivers", "{dir}/waivers.yaml"),
            "waivers.yaml",
            "not a waivers file"),
        file(
            "a rule pack larger than 1 MiB",
            "pack.yaml",
            utf8(PACK + "#" + "x".repeat(1 << 20) + "\n"),
            List.of("{dir}/spec.yaml"),
            "pack.yaml",
            "larger than the 1 MiB"),
        file(
            "baseline whose metrics is a string",
            "base.json",
            utf8("{\"schema\": \"assay.results/1\", \"metrics\": \"" + SECRET + "\"}"),
            List.of("{dir}/spec.yaml", "--baseline", "{dir}/base.json"),
            "base.json",
            "field 'metrics' must be a list"),
        file(
            "baseline metric value is text",
            "base.json",
            utf8(
                "{\"schema\": \"assay.results/1\", \"metrics\":"
                    + " [{\"family\": \"fairness\", \"metric\": \"demographic_parity_ratio\", \"value\": \"0.9\"}]}"),
            List.of("{dir}/spec.yaml", "--baseline", "{dir}/base.json"),
            "base.json",
            "metrics[0].value",
            "number or null"),
        file(
            "baseline with a duplicate key",
            "base.json",
            utf8(
                "{\"schema\": \"assay.results/1\",\n"
                    + "\"metrics\": [],\n\"metrics\": [{\"family\": \"x\"}]}"),
            List.of("{dir}/spec.yaml", "--baseline", "{dir}/base.json"),
            "base.json:3",
            "twice"),
        file(
            "baseline that is a password file",
            "base.json",
            utf8(passwd),
            List.of("{dir}/spec.yaml", "--baseline", "{dir}/base.json"),
            "base.json",
            "malformed JSON"));
  }

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileInputIsOneCleanMessageAndExitTwo(Case c) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("data.csv", utf8(DATA));
    files.put("pack.yaml", utf8(PACK));
    files.put("spec.yaml", utf8(spec(COLUMNS)));
    files.put(
        "spec-passwd.yaml",
        utf8(spec(COLUMNS).replace("[pack.yaml]", "[" + dir.resolve("passwd") + "]")));
    files.put("spec-secrets.yaml", utf8(spec(COLUMNS).replace("[pack.yaml]", "[secrets.yaml]")));
    files.putAll(c.files());
    Map<Path, String> hashes = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path path = dir.resolve(f.getKey());
      Files.createDirectories(path.getParent());
      Files.write(path, f.getValue());
      hashes.put(path, sha256(path));
    }
    List<String> args = new ArrayList<>(List.of("audit"));
    c.args().forEach(a -> args.add(a.replace("{dir}/", dir + "/")));
    args.addAll(List.of("--out", dir.resolve("out").toString()));

    long started = System.nanoTime();
    Result r = cli(args.toArray(String[]::new));
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(2, r.code(), r.err());
    List<String> lines = r.err().strip().lines().toList();
    assertEquals(1, lines.size(), "exactly one message line:\n" + r.err());
    String message = lines.get(0);
    for (String fragment : c.expected()) {
      assertTrue(message.contains(fragment), "'" + fragment + "' in: " + message);
    }
    assertFalse(
        message.contains("at dev.")
            || message.contains("Exception")
            || message.contains("\tat ")
            || message.contains("java.")
            || message.contains("dev.assay."),
        "no Java internals: " + message);
    assertFalse(
        message.contains(SECRET) || message.contains("root:x:0"), "no file content: " + message);
    assertTrue(message.length() < 600, "a short message: " + message.length() + " characters");
    assertEquals("", r.out(), "nothing on standard output");
    assertFalse(Files.exists(dir.resolve("out")), "no output written");
    for (Map.Entry<Path, String> h : hashes.entrySet()) {
      assertEquals(h.getValue(), sha256(h.getKey()), h.getKey() + " unchanged");
    }
    assertTrue(millis < 15_000, "fails fast, before Spark: " + millis + " ms");
  }

  @Test
  void aUtf8ByteOrderMarkIsAccepted() throws IOException {
    Files.writeString(dir.resolve("data.csv"), DATA);
    Files.writeString(dir.resolve("pack.yaml"), PACK);
    Path spec = dir.resolve("spec.yaml");
    // the BOM is read past; the first real problem (version 2) is then reported at line 1
    Files.writeString(spec, "\uFEFF" + spec(COLUMNS).replace("version: 1", "version: 2"));
    Result r = cli("audit", spec.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("spec.yaml:1: version must be 1"), r.err());
  }

  @Test
  void aJsonSpecIndentedWithTabsIsRead() throws IOException {
    Files.writeString(dir.resolve("data.csv"), DATA);
    Path spec = dir.resolve("spec.json");
    // valid JSON with tab indentation; the one problem is the unknown key on line 5
    Files.writeString(
        spec,
        "{\n\t\"version\": 1,\n\t\"name\": \"tabs\",\n\t\"data\": {\"current\":"
            + " {\"path\": \"data.csv\"}},\n\t\"colums\": {\"label\": \"outcome\"}\n}\n");
    Result r = cli("audit", spec.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(
        r.err().contains("spec.json:5: unknown key 'colums'; did you mean 'columns'?"), r.err());
  }

  @Test
  void rulesValidateNamesAFileThatIsNotARulePackWithoutQuotingIt() throws IOException {
    Path secrets = dir.resolve("secrets.yaml");
    Files.writeString(secrets, "API_TOKEN: " + SECRET + "\nAPI_TOKEN: again\n");
    String before = sha256(secrets);
    Result r = cli("rules", "validate", secrets.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals(
        List.of(
            secrets
                + ": not a rule pack: expected a YAML mapping with `pack:` and `rules:`"
                + " (or `waivers:` for a waivers file), found a mapping without `pack:` or `rules:` or"
                + " `waivers:`.",
            "assay: 1 problem(s) found."),
        r.err().strip().lines().toList());
    assertEquals(before, sha256(secrets));
  }

  static Result cli(String... args) {
    return CliRun.run(args);
  }

  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
