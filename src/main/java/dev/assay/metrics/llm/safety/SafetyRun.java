package dev.assay.metrics.llm.safety;

import dev.assay.core.BadInputException;
import dev.assay.metrics.llm.LlmInput;
import dev.assay.spec.AuditSpec;
import dev.assay.spec.SafetyOptions;
import dev.assay.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The safety classifiers of one audit, ready to run: the checked options and the key read from the
 * environment on the driver before any Spark job (a missing variable is exit 2 then, not after the
 * other families ran). The key is never put in a message, a note or an output.
 */
public record SafetyRun(SafetyOptions options, String key) {

  /** Reads the key; null when the spec has no {@code llm.safety}. */
  public static SafetyRun prepare(
      SafetyOptions options, Function<String, String> environment, YamlDocument doc) {
    if (options == null) {
      return null;
    }
    String key = environment.apply(options.keyEnv());
    if (key == null) {
      throw new BadInputException(
          doc.at("llm", "safety")
              + ": the environment variable "
              + options.keyEnv()
              + " (llm.safety.key_env) is not set; export the service's key in it (an empty value"
              + " sends no key), or remove llm.safety to run without the safety classifiers.");
    }
    return new SafetyRun(options, key.strip());
  }

  /** Runs the classifiers on {@code input}; groups as {@link #groupBy}. */
  public SafetyAnalysis.SafetyOutcome run(LlmInput input, AuditSpec.Columns columns) {
    return SafetyAnalysis.run(input, options, key, groupBy(options, columns));
  }

  /** {@code llm.safety.group_by}, or by default the variant column and the sensitive columns. */
  static List<String> groupBy(SafetyOptions options, AuditSpec.Columns columns) {
    if (options.groupBy() != null) {
      return options.groupBy();
    }
    List<String> out = new ArrayList<>();
    if (columns.variant() != null) {
      out.add(columns.variant());
    }
    if (columns.sensitive() != null) {
      columns.sensitive().stream().filter(s -> !out.contains(s)).forEach(out::add);
    }
    return out;
  }

  @Override
  public String toString() { // never print the key
    return "SafetyRun[" + options.backend().id() + "]";
  }
}
