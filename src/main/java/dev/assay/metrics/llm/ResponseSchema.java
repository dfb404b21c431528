package dev.assay.metrics.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.assay.core.BadInputException;
import java.util.Set;

/**
 * {@code json_schema_valid_rate}: whether a response is one JSON value that conforms to the JSON
 * Schema of {@code llm.json_schema}, checked with networknt json-schema-validator 1.5.9 (drafts 4,
 * 6, 7, 2019-09 and 2020-12; the draft comes from the schema's {@code $schema}, 2020-12 when it has
 * none). A response that is not exactly one JSON value (Jackson, trailing content rejected) does
 * not conform. Only the schema file itself and the meta-schemas bundled with the library are
 * loaded: a {@code $ref} to another file or to the network fails to load, so nothing is fetched.
 */
final class ResponseSchema {

  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ResponseSchema() {}

  /**
   * Parses and checks a schema against its draft's meta-schema.
   *
   * @param source the schema file, for messages
   * @throws BadInputException naming {@code source} when it is not JSON or not a valid schema
   */
  static JsonSchema compile(String text, String source) {
    JsonNode node;
    try {
      node = STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          source
              + ": the JSON Schema of llm.json_schema is not valid JSON ("
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "). Fix the file or remove llm.json_schema.");
    }
    if (node == null || !(node.isObject() || node.isBoolean())) {
      throw new BadInputException(
          source
              + ": the JSON Schema of llm.json_schema must be a JSON object"
              + " (or true/false), e.g. {\"type\": \"object\", \"required\": [\"answer\"]}.");
    }
    VersionFlag version =
        SpecVersionDetector.detectOptionalVersion(node, false).orElse(VersionFlag.V202012);
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            version,
            b ->
                b.schemaLoaders(
                    loaders ->
                        loaders.values(
                            list ->
                                list.add(
                                    0,
                                    new AllowSchemaLoader(
                                        iri ->
                                            iri.toString().startsWith("classpath:")
                                                || iri.toString().startsWith("resource:"))))));
    try {
      Set<ValidationMessage> problems =
          factory.getSchema(SchemaLocation.of(version.getId())).validate(node);
      if (!problems.isEmpty()) {
        throw new BadInputException(
            source
                + ": llm.json_schema is not a valid JSON Schema ("
                + version.getId()
                + "): "
                + problems.iterator().next().getMessage()
                + ". Fix the schema.");
      }
      JsonSchema schema = factory.getSchema(node);
      schema.initializeValidators();
      return schema;
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BadInputException(
          source
              + ": llm.json_schema cannot be loaded: "
              + e.getMessage()
              + ". Only the schema file itself is read: inline every $ref (no other files, no network).");
    }
  }

  /** True when {@code response} is one JSON value that conforms to {@code schema}. */
  static boolean conforms(JsonSchema schema, String response) {
    JsonNode node;
    try {
      node = STRICT.readTree(response);
    } catch (JsonProcessingException e) {
      return false;
    }
    return node != null && !node.isMissingNode() && schema.validate(node).isEmpty();
  }
}
