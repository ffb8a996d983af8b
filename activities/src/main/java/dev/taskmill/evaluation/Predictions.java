package dev.taskmill.evaluation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads SWE-bench predictions: a JSON list, JSON lines, or SWE-bench's older {@code {instance_id:
 * prediction}} object, each prediction with {@code instance_id}, {@code model_name_or_path} and
 * {@code model_patch}. A malformed file is an IllegalArgumentException naming the line or entry; a
 * missing or null model_patch is kept as null (evaluated as an empty patch).
 */
public final class Predictions {
  /** One prediction. */
  public record Prediction(String instanceId, String modelName, String modelPatch) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);

  private Predictions() {}

  public static List<Prediction> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException(file.getFileName() + " is empty: no predictions");
    }
    List<Prediction> out = new ArrayList<>();
    if (text.startsWith("[")) {
      JsonNode list = parse(text, file.getFileName() + "");
      for (int i = 0; i < list.size(); i++) {
        out.add(prediction(list.get(i), "entry " + (i + 1)));
      }
    } else if (isSingleObjectOfObjects(text)) {
      JsonNode map = parse(text, file.getFileName() + "");
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) map::fields) {
        out.add(prediction(e.getValue(), "entry " + e.getKey()));
      }
    } else {
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          out.add(prediction(parse(lines[i], "line " + (i + 1)), "line " + (i + 1)));
        }
      }
    }
    Set<String> seen = new HashSet<>();
    for (Prediction p : out) {
      if (!seen.add(p.instanceId())) {
        throw new IllegalArgumentException(
            "instance_id " + p.instanceId() + " is predicted twice; keep one");
      }
    }
    return out;
  }

  /**
   * One JSON object whose values are all objects with an instance_id: SWE-bench's dict form, not a
   * JSONL line.
   */
  private static boolean isSingleObjectOfObjects(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject() || node.has("instance_id") || node.isEmpty()) {
        return false;
      }
      for (JsonNode v : node) {
        if (!v.isObject() || !v.has("instance_id")) {
          return false;
        }
      }
      return true;
    } catch (IOException notOneDocument) {
      return false;
    }
  }

  private static JsonNode parse(String text, String where) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          where + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static Prediction prediction(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          where + " is not a JSON object with instance_id and model_patch");
    }
    JsonNode id = node.get("instance_id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw new IllegalArgumentException(where + " has no instance_id");
    }
    JsonNode patch = node.get("model_patch");
    if (patch != null && !patch.isNull() && !patch.isTextual()) {
      throw new IllegalArgumentException(
          where + " (" + id.asText() + "): model_patch is not a string");
    }
    return new Prediction(
        id.asText(),
        node.path("model_name_or_path").asText(""),
        patch == null || patch.isNull() ? null : patch.asText());
  }
}
