package dev.taskmill.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.taskmill.trajectory.ChatTranscript;
import dev.taskmill.verify.SampleSchemas;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks exported lines against their format's JSON Schema (docs/schemas/export-*.schema.json); a
 * trajectories line must also answer every {@code tool_calls} id with a {@code tool} message.
 */
public final class ExportSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExportSchemas INSTANCE = new ExportSchemas();

  private final Map<ExportFormat, Schema> schemas = new EnumMap<>(ExportFormat.class);

  private ExportSchemas() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
    for (ExportFormat f : ExportFormat.values()) {
      schemas.put(f, registry.getSchema(SampleSchemas.read(f.schema())));
    }
  }

  public static ExportSchemas get() {
    return INSTANCE;
  }

  /** The problems of one line, empty when it is valid. */
  public List<String> validate(ExportFormat format, JsonNode line) {
    List<String> errors =
        new ArrayList<>(
            schemas.get(format).validate(line).stream().map(SampleSchemas::describe).toList());
    if (format == ExportFormat.TRAJECTORIES && errors.isEmpty()) {
      try {
        ChatTranscript chat = JSON.treeToValue(line, ChatTranscript.class);
        chat.unansweredCalls().forEach(id -> errors.add("tool call " + id + " has no tool answer"));
      } catch (IOException e) {
        errors.add("not a chat transcript: " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    return errors;
  }

  /** The problems of a whole JSONL text, each prefixed with its line number. */
  public List<String> validateLines(ExportFormat format, String jsonl) {
    List<String> errors = new ArrayList<>();
    String[] lines = jsonl.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        for (String e : validate(format, JSON.readTree(lines[i]))) {
          errors.add("line " + (i + 1) + ": " + e);
        }
      } catch (IOException e) {
        errors.add("line " + (i + 1) + ": not JSON");
      }
    }
    return errors;
  }
}
