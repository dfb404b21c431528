package dev.assay.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.assay.cli.Main;
import dev.assay.spec.AuditSpec;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/contract.md names every spec key the loader binds, every command and option of the command
 * line, and every key of rule packs and waivers; and its spec reference names no key the loader
 * would reject. All derived from the code (the spec records, picocli's model, the policy readers'
 * key lists), not from a hand-kept list. No Spark.
 */
class ContractDocTest {

  private static final Path FILE = Path.of("docs/contract.md");
  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  private final String doc = read();

  private static String read() {
    try {
      return Files.readString(FILE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Every key the spec binds, dotted from the top ({@code fairness.p_adjust}, {@code
   * drift.tests.<column>.method}): the components of {@link AuditSpec} and its nested records,
   * named as the loader names them (snake case, or the {@link JsonProperty} name).
   */
  static Set<String> specKeys() {
    Set<String> keys = new TreeSet<>();
    collect(AuditSpec.class, "", keys);
    return keys;
  }

  private static void collect(Class<?> record, String prefix, Set<String> keys) {
    for (RecordComponent c : record.getRecordComponents()) {
      JsonProperty named = c.getAccessor().getAnnotation(JsonProperty.class);
      if (named == null) {
        try {
          Field field = record.getDeclaredField(c.getName());
          named = field.getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
          throw new IllegalStateException(e);
        }
      }
      String key = prefix + (named != null ? named.value() : SNAKE.translate(c.getName()));
      keys.add(key);
      Type type = c.getGenericType();
      if (c.getType().isRecord()) {
        collect(c.getType(), key + ".", keys);
      } else if (c.getType() == Map.class
          && type instanceof ParameterizedType p
          && p.getActualTypeArguments()[1] instanceof Class<?> value
          && value.isRecord()) {
        collect(value, key + (key.equals("data.inputs") ? ".<name>." : ".<column>."), keys);
      }
    }
  }

  @Test
  void everySpecKeyTheLoaderAcceptsIsDocumented() {
    Set<String> keys = specKeys();
    assertTrue(
        keys.containsAll(
            List.of(
                "fairness.p_adjust_scope",
                "llm.prices.prompt_per_1k",
                "drift.tests.<column>.method",
                "privacy.training_text.column",
                "columns.variant",
                "llm.judge.api_key_env",
                "data.reference.options")),
        keys.toString());
    Set<String> missing = new TreeSet<>();
    for (String key : keys) {
      if (!doc.contains("`" + key + "`")) {
        missing.add(key);
      }
    }
    assertEquals(Set.of(), missing, "document these spec keys in docs/contract.md");
  }

  @Test
  void theSpecReferenceNamesOnlyKeysTheLoaderAccepts() {
    int start = doc.indexOf("### Spec reference");
    int end = doc.indexOf("\n## ", start);
    assertTrue(start >= 0 && end > start, "docs/contract.md has a '### Spec reference' section");
    Set<String> keys = specKeys();
    Set<String> unknown = new TreeSet<>();
    int rows = 0;
    for (String line : doc.substring(start, end).split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      rows++;
      String first = line.substring(1, line.indexOf('|', 1));
      Matcher key = Pattern.compile("`([^`]+)`").matcher(first);
      while (key.find()) {
        if (!keys.contains(key.group(1))) {
          unknown.add(key.group(1));
        }
      }
    }
    assertTrue(rows > 60, "spec reference rows found: " + rows);
    assertEquals(Set.of(), unknown, "docs/contract.md documents spec keys the loader rejects");
  }

  @Test
  void everyCommandOptionAndParameterIsDocumented() {
    Set<String> missing = new TreeSet<>();
    check(new CommandLine(new Main()).getCommandSpec(), missing);
    assertEquals(Set.of(), missing, "document these in docs/contract.md section 1");
  }

  private void check(CommandSpec command, Set<String> missing) {
    String qualified = command.qualifiedName();
    if (!doc.contains("`" + qualified)) {
      missing.add("command " + qualified);
    }
    for (OptionSpec option : command.options()) {
      if (!doc.contains("`" + option.longestName())) {
        missing.add(qualified + " " + option.longestName());
      }
    }
    for (PositionalParamSpec parameter : command.positionalParameters()) {
      String label = parameter.paramLabel() + (parameter.arity().max() > 1 ? "..." : "");
      if (!doc.contains("`" + label + "`")) {
        missing.add(qualified + " " + label);
      }
    }
    command.subcommands().values().forEach(sub -> check(sub.getCommandSpec(), missing));
  }

  @Test
  void everyRulePackAndWaiverKeyIsDocumented() throws ReflectiveOperationException {
    Set<String> missing = new TreeSet<>();
    for (String[] list :
        new String[][] {
          {"dev.assay.policy.RulePackReader", "PACK_KEYS"},
          {"dev.assay.policy.RulePackReader", "RULE_KEYS"},
          {"dev.assay.policy.RulePackReader", "WHERE_KEYS"},
          {"dev.assay.policy.Waivers", "FILE_KEYS"},
          {"dev.assay.policy.Waivers", "WAIVER_KEYS"}
        }) {
      Field field = Class.forName(list[0]).getDeclaredField(list[1]);
      field.setAccessible(true);
      for (Object key : (List<?>) field.get(null)) {
        if (!doc.contains("`" + key + "`")) {
          missing.add(list[1] + ": " + key);
        }
      }
    }
    assertEquals(Set.of(), missing, "document these keys in docs/contract.md sections 4 and 5");
  }

  @Test
  void theResultsJsonSchemaAndTheMetricReferenceAreLinkedNotCopied() {
    assertTrue(doc.contains("(results.schema.json)"), "links docs/results.schema.json");
    assertTrue(doc.contains("(metrics.md)"), "links docs/metrics.md");
    assertTrue(
        !doc.contains("shared/docs"),
        "the project's contract does not point at reference material");
  }
}
