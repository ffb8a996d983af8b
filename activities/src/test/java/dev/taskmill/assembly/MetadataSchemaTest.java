package dev.taskmill.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskmill.verify.SampleSchemas;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link Metadata} records against docs/schemas/metadata.schema.json: every key they write is
 * one the schema declares, at every depth, and every key the schema requires is written (the seven
 * enrichment sections aside, which the assembly merges in from phase 6).
 */
class MetadataSchemaTest {
  @TempDir Path tmp;

  @Test
  void theRecordsWriteWhatTheSchemaDeclaresAndRequires() throws Exception {
    SampleAssemblerTest fixture = new SampleAssemblerTest();
    fixture.tmp = tmp;
    JsonNode written =
        MetadataWriter.build(
            fixture.input("acme__calc__pr-42", fixture.workArea("schema")),
            Instant.parse("2026-12-01T10:00:00Z"));
    JsonNode schema = SampleSchemas.read(SampleSchemas.METADATA);

    List<String> problems = new ArrayList<>();
    check(written, schema, schema, "$", problems);

    assertThat(problems).isEmpty();
  }

  private static void check(
      JsonNode value, JsonNode schemaNode, JsonNode root, String path, List<String> problems) {
    JsonNode schema = resolve(schemaNode, root);
    if (value.isObject() && schema.has("properties")) {
      JsonNode properties = schema.get("properties");
      boolean open =
          schema.has("additionalProperties")
              && !schema
                  .get("additionalProperties")
                  .equals(com.fasterxml.jackson.databind.node.BooleanNode.FALSE);
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (properties.has(field.getKey())) {
          check(
              field.getValue(),
              properties.get(field.getKey()),
              root,
              path + "." + field.getKey(),
              problems);
        } else if (!open) {
          problems.add(path + "." + field.getKey() + " is written but not in the schema");
        }
      }
      for (JsonNode required : schema.path("required")) {
        String key = required.asText();
        boolean enrichment = path.equals("$") && MetadataWriter.ENRICHMENT_KEYS.contains(key);
        if (!value.has(key) && !enrichment) {
          problems.add(path + "." + key + " is required by the schema but not written");
        }
      }
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), schema.get("items"), root, path + "[" + i + "]", problems);
      }
    }
  }

  /** Follows local references ("#/$defs/stage"). */
  private static JsonNode resolve(JsonNode schema, JsonNode root) {
    JsonNode current = schema;
    while (current.has("$ref") && current.get("$ref").asText().startsWith("#")) {
      current = root.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }
}
