package dev.assay.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.cli.Main;
import dev.assay.report.HtmlReport;
import dev.assay.report.JunitXml;
import dev.assay.report.Manifest;
import dev.assay.report.ResultsJson;
import dev.assay.report.SummaryMarkdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The CI jobs of docs/ci.md are meant to be pasted as they are, so every ```yaml block must parse,
 * be one complete pipeline file of GitHub Actions, Azure Pipelines or GitLab CI, run the audit,
 * publish its results even when the gate closes, and name the report files and the audit options
 * the code really has. No Spark: it reads the page and the picocli model only.
 */
class CiDocsTest {

  private static final Path PAGE = Path.of("docs/ci.md");
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern OPTION = Pattern.compile("\\s(--[a-z][a-z-]*)");

  /** Options that submit.sh takes itself instead of passing them to the audit command. */
  private static final Set<String> SUBMIT_SH_OPTIONS = Set.of("--master", "--gpu");

  private static String page;
  private static List<Map<String, Object>> blocks;

  @BeforeAll
  static void readPage() throws IOException {
    page = Files.readString(PAGE);
    blocks = new ArrayList<>();
    Matcher m = YAML_BLOCK.matcher(page);
    while (m.find()) {
      Object parsed = new Yaml().load(m.group(1));
      assertInstanceOf(
          Map.class, parsed, "a yaml block of docs/ci.md is not a mapping:\n" + m.group(1));
      blocks.add(asMap(parsed));
    }
  }

  @Test
  void everyYamlBlockIsOneOfTheThreePipelines() {
    assertEquals(3, blocks.size(), "docs/ci.md should have one yaml block per CI system");
    assertEquals(
        1, blocks.stream().filter(CiDocsTest::isGithub).count(), "one GitHub Actions workflow");
    assertEquals(
        1, blocks.stream().filter(CiDocsTest::isAzure).count(), "one Azure Pipelines file");
    assertEquals(1, blocks.stream().filter(CiDocsTest::isGitlab).count(), "one .gitlab-ci.yml");
  }

  @Test
  void githubWorkflowPublishesEvenWhenTheGateCloses() {
    Map<String, Object> workflow = only(CiDocsTest::isGithub);
    assertTrue(workflow.containsKey("name"));
    // SnakeYAML reads YAML 1.1, where a bare `on` key is the boolean true.
    assertTrue(
        workflow.containsKey("on") || workflow.containsKey(true), "the workflow needs triggers");
    Map<String, Object> permissions = asMap(workflow.get("permissions"));
    assertEquals("write", permissions.get("checks"), "the junit action needs checks: write");
    assertEquals(
        "write", permissions.get("pull-requests"), "the comment needs pull-requests: write");

    List<Map<String, Object>> steps =
        listOfMaps(asMap(asMap(workflow.get("jobs")).get("audit")).get("steps"));
    assertTrue(uses(steps, "actions/checkout@"));
    Map<String, Object> java = asMap(step(steps, "actions/setup-java@").get("with"));
    assertEquals("17", String.valueOf(java.get("java-version")));
    assertEquals("maven", java.get("cache"));

    int audit = indexOfRun(steps, "./submit.sh");
    assertTrue(audit >= 0, "a step runs ./submit.sh");
    assertTrue(!steps.get(audit).containsKey("if"), "the audit step itself runs unconditionally");
    for (Map<String, Object> after : steps.subList(audit + 1, steps.size())) {
      assertTrue(
          String.valueOf(after.get("if")).startsWith("always()"),
          "a step after the audit must run on always(): " + after.get("name"));
    }
    assertTrue(
        String.valueOf(
                asMap(step(steps, "mikepenz/action-junit-report@").get("with")).get("report_paths"))
            .endsWith("/" + JunitXml.FILE_NAME));
    assertTrue(
        String.valueOf(
                asMap(step(steps, "marocchino/sticky-pull-request-comment@").get("with"))
                    .get("path"))
            .endsWith("/" + SummaryMarkdown.FILE_NAME));
    assertTrue(uses(steps, "actions/upload-artifact@"));
    assertAuditOptionsExist(String.valueOf(steps.get(audit).get("run")));
  }

  @Test
  void azurePipelinePublishesEvenWhenTheGateCloses() {
    Map<String, Object> pipeline = only(CiDocsTest::isAzure);
    assertTrue(
        pipeline.containsKey("trigger")
            && pipeline.containsKey("pool")
            && pipeline.containsKey("variables"));
    List<Map<String, Object>> steps = listOfMaps(pipeline.get("steps"));
    assertEquals("self", steps.get(0).get("checkout"));
    assertEquals(
        "17",
        String.valueOf(asMap(task(steps, "JavaToolInstaller@").get("inputs")).get("versionSpec")));
    assertNotNull(task(steps, "Cache@"), "a Maven cache");

    int audit = indexOfScript(steps, "./submit.sh");
    assertTrue(audit >= 0, "a step runs ./submit.sh");
    assertTrue(
        !steps.get(audit).containsKey("condition"), "the audit step itself runs unconditionally");
    for (Map<String, Object> after : steps.subList(audit + 1, steps.size())) {
      assertTrue(
          String.valueOf(after.get("condition")).contains("always()"),
          "a step after the audit must run on always(): " + after.get("displayName"));
    }
    Map<String, Object> results = asMap(task(steps, "PublishTestResults@2").get("inputs"));
    assertEquals("JUnit", results.get("testResultsFormat"));
    assertTrue(String.valueOf(results.get("testResultsFiles")).endsWith("/" + JunitXml.FILE_NAME));

    Map<String, Object> comment = steps.get(indexOfScript(steps, "/threads?api-version="));
    assertTrue(String.valueOf(comment.get("script")).contains(SummaryMarkdown.FILE_NAME));
    assertEquals(
        "$(System.AccessToken)",
        asMap(comment.get("env")).get("SYSTEM_ACCESSTOKEN"),
        "a script sees System.AccessToken only when it is mapped into env");
    assertNotNull(task(steps, "PublishPipelineArtifact@"), "the report folder as an artifact");
    assertAuditOptionsExist(String.valueOf(steps.get(audit).get("script")));
  }

  @Test
  void gitlabPipelinePublishesEvenWhenTheGateCloses() {
    Map<String, Object> ci = only(CiDocsTest::isGitlab);
    assertTrue(ci.containsKey("workflow") && ci.containsKey("variables"));
    Map<String, Object> audit = asMap(ci.get("audit"));
    assertTrue(String.valueOf(audit.get("image")).contains("temurin-17"), "a Java 17 image");
    assertNotNull(audit.get("cache"), "a Maven cache");
    String script = String.valueOf(audit.get("script"));
    assertTrue(script.contains("./submit.sh"));
    Map<String, Object> artifacts = asMap(audit.get("artifacts"));
    assertEquals("always", artifacts.get("when"), "artifacts must be kept when the gate closes");
    assertTrue(
        String.valueOf(asMap(artifacts.get("reports")).get("junit"))
            .endsWith("/" + JunitXml.FILE_NAME));

    Map<String, Object> comment = asMap(ci.get("mr-comment"));
    assertTrue(
        listOfMaps(comment.get("rules")).stream().allMatch(r -> "always".equals(r.get("when"))),
        "the comment must run after a failed audit job too");
    String commentScript = String.valueOf(comment.get("script"));
    assertTrue(commentScript.contains("/merge_requests/$CI_MERGE_REQUEST_IID/notes"));
    assertTrue(commentScript.contains(SummaryMarkdown.FILE_NAME));
    assertTrue(commentScript.contains("$ASSAY_MR_TOKEN"));
    assertAuditOptionsExist(script.substring(script.indexOf("./submit.sh")));
  }

  @Test
  void thePageNamesTheReportFilesTheCodeWrites() {
    for (String file :
        List.of(
            HtmlReport.FILE_NAME,
            ResultsJson.FILE_NAME,
            JunitXml.FILE_NAME,
            SummaryMarkdown.FILE_NAME,
            Manifest.FILE_NAME)) {
      assertTrue(page.contains("`" + file + "`"), "docs/ci.md should describe " + file);
    }
  }

  private static void assertAuditOptionsExist(String command) {
    String line = command.substring(command.indexOf("./submit.sh")).split("\n")[0];
    Set<String> known =
        new CommandLine(new Main())
            .getSubcommands()
            .get("audit")
            .getCommandSpec()
            .optionsMap()
            .keySet();
    Matcher m = OPTION.matcher(line);
    int found = 0;
    while (m.find()) {
      found++;
      assertTrue(
          known.contains(m.group(1)) || SUBMIT_SH_OPTIONS.contains(m.group(1)),
          "not an option of the audit command: " + m.group(1) + " in " + line);
    }
    assertTrue(found > 0, "the audit command should name its report folder: " + line);
  }

  private static boolean isGithub(Map<String, Object> block) {
    return block.containsKey("jobs");
  }

  private static boolean isAzure(Map<String, Object> block) {
    return block.containsKey("steps") && block.containsKey("pool");
  }

  private static boolean isGitlab(Map<String, Object> block) {
    return block.containsKey("stages");
  }

  private static Map<String, Object> only(java.util.function.Predicate<Map<String, Object>> kind) {
    return blocks.stream().filter(kind).findFirst().orElseThrow();
  }

  private static boolean uses(List<Map<String, Object>> steps, String prefix) {
    return steps.stream().anyMatch(s -> String.valueOf(s.get("uses")).startsWith(prefix));
  }

  private static Map<String, Object> step(List<Map<String, Object>> steps, String usesPrefix) {
    return steps.stream()
        .filter(s -> String.valueOf(s.get("uses")).startsWith(usesPrefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step uses " + usesPrefix));
  }

  private static Map<String, Object> task(List<Map<String, Object>> steps, String prefix) {
    return steps.stream()
        .filter(s -> String.valueOf(s.get("task")).startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no task " + prefix));
  }

  private static int indexOfRun(List<Map<String, Object>> steps, String text) {
    return indexOf(steps, "run", text);
  }

  private static int indexOfScript(List<Map<String, Object>> steps, String text) {
    return indexOf(steps, "script", text);
  }

  private static int indexOf(List<Map<String, Object>> steps, String key, String text) {
    for (int i = 0; i < steps.size(); i++) {
      if (String.valueOf(steps.get(i).get(key)).contains(text)) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    assertInstanceOf(Map.class, value);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> listOfMaps(Object value) {
    assertInstanceOf(List.class, value);
    ((List<Object>) value).forEach(item -> assertInstanceOf(Map.class, item));
    return (List<Map<String, Object>>) value;
  }
}
