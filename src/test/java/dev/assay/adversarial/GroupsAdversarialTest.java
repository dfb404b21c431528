package dev.assay.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.CliRun;
import dev.assay.CliRun.Result;
import dev.assay.ContractSchema;
import dev.assay.SpecFiles;
import dev.assay.core.BadInputException;
import dev.assay.spark.AggregateState;
import dev.assay.spark.CellLimits;
import dev.assay.spark.Grouping;
import dev.assay.spark.SharedSpark;
import dev.assay.spark.SinglePassRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile group structures end to end through {@code Main.run}: more groups than {@code
 * fairness.max_groups} (lowered in the spec so the data stays tiny), a huge intersection, group
 * names that are very long or carry markup or control characters, an attribute with one group, an
 * all-null attribute, many too-small groups. Each case asserts the exit code, that a failure is one
 * message without a stack trace, and that a run that succeeds wrote all five outputs complete and
 * valid. Tagged slow (every case runs a whole audit): it runs in its own step of .ci/run.
 */
@Tag("slow")
class GroupsAdversarialTest {

  static final List<String> OUTPUTS =
      List.of("report.html", "results.json", "junit.xml", "summary.md", "manifest.json");

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SharedSpark.get();
  }

  /** One hostile case: the data's group column per row, the spec's extra lines, and the outcome. */
  record Case(
      String name,
      int rows,
      IntFunction<String> group,
      String sensitive,
      String extra,
      int exit,
      String mustSay) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String LONG = "g".repeat(5_000);

  static Stream<Arguments> cases() {
    return Stream.of(
            new Case(
                "six groups over max_groups 5",
                60,
                i -> "v" + (i % 6),
                "[grp]",
                "fairness: {max_groups: 5}",
                2,
                "sensitive attribute 'grp' has 6 groups, more than fairness.max_groups (5)"),
            new Case(
                "nine-cell intersection over max_groups 5 (each attribute 3)",
                90,
                i -> "a" + (i % 3) + ",b" + (i / 3 % 3),
                "[grp, other]\n  intersections: [[grp, other]]",
                "fairness: {max_groups: 5}",
                2,
                "intersection 'grp & other' has 9 groups, more than fairness.max_groups (5)"),
            new Case(
                "exactly max_groups groups",
                60,
                i -> "v" + (i % 5),
                "[grp]",
                "fairness: {max_groups: 5}",
                1,
                null),
            new Case("5,000-character group names", 60, i -> LONG + (i % 2), "[grp]", "", 0, null),
            new Case(
                "markup in group names",
                60,
                i ->
                    i % 2 == 0
                        ? "\"<script>alert(1)</script>\""
                        : "\"]]></testcase><x a='&amp;'>\"",
                "[grp]",
                "",
                0,
                null),
            new Case(
                "control characters in group names",
                60,
                i -> i / 2 % 2 == 0 ? "\u001b[31mred\u0007" : "tab\there\u0001",
                "[grp]",
                "",
                1,
                null),
            // A blocking rule that cannot be evaluated (one group: no ratio) is an ERROR: gate
            // closed.
            new Case("one group", 60, i -> "only", "[grp]", "", 1, null),
            new Case(
                "all-null attribute (one group, '(missing)')", 60, i -> "", "[grp]", "", 1, null),
            new Case(
                "40 groups too small to judge",
                80,
                i -> "g" + (i % 40),
                "[grp]",
                "fairness: {min_group_size: 30}",
                1,
                "and 20 more"),
            new Case(
                "max_groups 0 in the spec",
                60,
                i -> "v",
                "[grp]",
                "fairness: {max_groups: 0}",
                2,
                "max_groups must be between 1 and 1000000"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileGroupsEndCleanly(Case c) throws IOException {
    Path spec = write(c);
    Path out = dir.resolve("out");
    Result r = cli("audit", spec.toString(), "--out", out.toString());
    assertEquals(c.exit(), r.code(), r.err() + r.out());
    assertFalse((r.err() + r.out()).contains("\tat ") || r.err().contains("Exception"), r.err());
    assertFalse((r.err() + r.out()).contains("__assay"), "internal names leak: " + r.err());
    if (c.exit() == 2) {
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("assay: error: "), r.err());
      assertTrue(r.err().contains(c.mustSay()), r.err());
      assertFalse(Files.exists(out), "no report for a bad input");
      return;
    }
    for (String f : OUTPUTS) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    assertEquals(java.util.Set.of(), ContractSchema.errors(out.resolve("results.json")));
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertEquals(c.exit() == 0 ? "PASS" : "FAIL", results.get("verdict").asText());
    new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertXml(out.resolve("junit.xml"));
    String html = Files.readString(out.resolve("report.html"));
    assertFalse(html.contains("<script>alert(1)"), "group names are escaped in report.html");
    assertFalse(
        r.out().contains("\u001b") || r.out().contains("\u0007"),
        "control characters never reach the console");
    if (c.mustSay() != null) {
      assertTrue(
          results.get("notes").toString().contains(c.mustSay()), results.get("notes").toString());
    }
  }

  @Test
  void tooManyCellsNamesTheUsersColumnsNotInternalOnes() {
    var spark = SharedSpark.get();
    var data =
        spark.range(10).toDF("i").withColumn("__assay_group_0", functions.col("i").cast("string"));
    AggregateState<Long> rows =
        new AggregateState<>() {
          @Override
          public List<Column> aggregates() {
            return List.of(functions.count(functions.lit(1)));
          }

          @Override
          public Long read(Row row, int offset) {
            return row.getLong(offset);
          }

          @Override
          public Long merge(Long a, Long b) {
            return a + b;
          }
        };
    CellLimits limits =
        new CellLimits(
            5, Map.of("__assay_group_0", "customer_id"), Long.MAX_VALUE, List.of(), (g, n) -> null);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                SinglePassRunner.run(
                    data,
                    List.of(new Grouping("customer_id", List.of("__assay_group_0"))),
                    List.of(rows),
                    limits));
    assertTrue(
        e.getMessage().startsWith("the columns [customer_id] together take 10 distinct"),
        e.getMessage());
    assertFalse(e.getMessage().contains("__assay"), e.getMessage());
  }

  private Path write(Case c) throws IOException {
    boolean two = c.sensitive().contains("other");
    List<String> lines =
        new ArrayList<>(List.of("id,outcome,approved," + (two ? "grp,other" : "grp")));
    for (int i = 0; i < c.rows(); i++) {
      lines.add(i + "," + (i % 2) + "," + (i / 2 % 2) + "," + c.group().apply(i));
    }
    Files.write(dir.resolve("data.csv"), lines, StandardCharsets.UTF_8);
    return SpecFiles.write(
        dir.resolve("audit.yaml"),
        "version: 1",
        "name: hostile-groups",
        "data:",
        "  current: {path: data.csv}",
        "columns:",
        "  label: outcome",
        "  prediction: approved",
        "  sensitive: " + c.sensitive(),
        c.extra(),
        "rules: [rules/eeoc-four-fifths.yaml]",
        "");
  }

  private static void assertXml(Path file) {
    try {
      DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new AssertionError("junit.xml does not parse: " + e.getMessage(), e);
    }
  }

  static Result cli(String... args) {
    return CliRun.run(args);
  }
}
