package dev.assay.metrics.llm.embeddings;

import dev.assay.core.BadInputException;
import dev.assay.metrics.llm.LlmInput;
import dev.assay.spec.EmbeddingOptions;
import dev.assay.yaml.YamlDocument;
import java.util.function.Function;

/**
 * The embeddings endpoint of one audit, ready to run: the checked options and the key read from the
 * environment on the driver before any Spark job (a missing variable is exit 2). The key is never
 * put in a message, a note or an output.
 */
public record EmbeddingRun(EmbeddingOptions options, String key) {

  /** Reads the key; null when the spec has no {@code llm.embeddings}. */
  public static EmbeddingRun prepare(
      EmbeddingOptions options, Function<String, String> environment, YamlDocument doc) {
    if (options == null) {
      return null;
    }
    String key = environment.apply(options.keyEnv());
    if (key == null) {
      throw new BadInputException(
          doc.at("llm", "embeddings")
              + ": the environment variable "
              + options.keyEnv()
              + " (llm.embeddings.key_env) is not set; export the endpoint's key in it (an empty"
              + " value sends no key), or remove llm.embeddings.");
    }
    return new EmbeddingRun(options, key.strip());
  }

  /** The input with its missing embeddings filled in; see {@link EmbeddingFill}. */
  public EmbeddingFill.Filled fill(LlmInput input) {
    return EmbeddingFill.run(input, options, key);
  }

  @Override
  public String toString() { // never print the key
    return "EmbeddingRun[" + options.model() + "]";
  }
}
