package dev.taskmill.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmill.evaluation.SampleIndex;
import dev.taskmill.evaluation.SampleIndex.Sample;
import dev.taskmill.trajectory.ChatConverter;
import dev.taskmill.trajectory.ChatTranscript;
import dev.taskmill.trajectory.Trajectory;
import dev.taskmill.verify.SampleVerifier;
import dev.taskmill.workflow.InstanceIds;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the samples of a {@link SampleIndex} as JSON lines in one {@link ExportFormat}. The field
 * choices are in docs/evaluation.md; each format's lines are checked by its schema in docs/schemas/
 * ({@link ExportSchemas}).
 */
public final class SampleExporter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleExporter() {}

  /** Writes one line per sample (per trajectory for TRAJECTORIES) and returns how many lines. */
  public static int export(SampleIndex index, ExportFormat format, Writer out) throws IOException {
    int lines = 0;
    for (Sample sample : index.samples()) {
      for (ObjectNode line : lines(sample, format)) {
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
        lines++;
      }
    }
    out.flush();
    return lines;
  }

  static List<ObjectNode> lines(Sample sample, ExportFormat format) throws IOException {
    return switch (format) {
      case SWE_BENCH -> List.of(sweBench(sample));
      case MULTI_SWE_BENCH ->
          List.of(
              MultiSweBench.line(
                  sample,
                  read(sample, SampleVerifier.FIX_PATCH),
                  read(sample, SampleVerifier.TESTS_PATCH)));
      case TRAJECTORIES -> trajectories(sample);
    };
  }

  /**
   * SWE-bench's fields; FAIL_TO_PASS and PASS_TO_PASS are JSON-encoded strings, as in its datasets.
   */
  static ObjectNode sweBench(Sample sample) throws IOException {
    JsonNode m = sample.metadata();
    String url = m.path("repo").path("url").asText();
    ObjectNode line = JSON.createObjectNode();
    line.put("instance_id", sample.instanceId());
    line.put("repo", InstanceIds.owner(url) + "/" + InstanceIds.name(url));
    line.put("base_commit", m.path("baseCommit").asText());
    line.put("patch", read(sample, SampleVerifier.FIX_PATCH));
    line.put("test_patch", read(sample, SampleVerifier.TESTS_PATCH));
    line.put("problem_statement", problemStatement(m));
    line.put("hints_text", hints(m));
    line.put(
        "created_at",
        m.path("pullRequest").path("mergedAt").asText(m.path("createdAt").asText("")));
    line.put("version", m.path("toolchainVersion").asText(""));
    line.put("environment_setup_commit", m.path("baseCommit").asText());
    line.put("FAIL_TO_PASS", JSON.writeValueAsString(m.path("FAIL_TO_PASS")));
    line.put("PASS_TO_PASS", JSON.writeValueAsString(m.path("PASS_TO_PASS")));
    return line;
  }

  /** The task as a solver gets it: metadata's taskGoal statement, else the PR title and body. */
  static String problemStatement(JsonNode m) {
    String goal = m.path("taskGoal").path("statement").asText("");
    if (!goal.isBlank()) {
      return goal;
    }
    JsonNode pr = m.path("pullRequest");
    String body = pr.path("body").asText("");
    return pr.path("title").asText("") + (body.isBlank() ? "" : "\n\n" + body);
  }

  /**
   * The linked issues' titles and bodies (SWE-bench: the issue thread before the fix); empty when
   * none.
   */
  static String hints(JsonNode m) {
    List<String> parts = new ArrayList<>();
    for (JsonNode issue : m.path("pullRequest").path("linkedIssues")) {
      String text = (issue.path("title").asText("") + "\n" + issue.path("body").asText("")).strip();
      if (!text.isEmpty()) {
        parts.add(text);
      }
    }
    return String.join("\n\n", parts);
  }

  /**
   * One line per trajectory file the sample has: chat messages and tools from {@link
   * ChatConverter}.
   */
  static List<ObjectNode> trajectories(Sample sample) throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    for (String file : List.of(SampleVerifier.IDEAL, SampleVerifier.FAILED)) {
      Path path = sample.dir().resolve(file);
      if (!Files.isRegularFile(path)) {
        continue;
      }
      Trajectory trajectory = JSON.readValue(path.toFile(), Trajectory.class);
      ChatTranscript chat = ChatConverter.toChat(trajectory);
      ObjectNode line = JSON.createObjectNode();
      line.put("instance_id", sample.instanceId());
      line.put("trajectory_id", sample.instanceId() + "." + trajectory.kind());
      line.put("kind", trajectory.kind());
      line.set("messages", JSON.valueToTree(chat.messages()));
      line.set("tools", JSON.valueToTree(chat.tools()));
      line.put(
          "model_patch", trajectory.outcome() == null ? "" : trajectory.outcome().submittedPatch());
      line.put("resolved", trajectory.outcome() != null && trajectory.outcome().resolved());
      if (trajectory.divergence() != null) {
        line.put("failure_mode", trajectory.divergence().mode().name());
      }
      out.add(line);
    }
    return out;
  }

  static String read(Sample sample, String file) throws IOException {
    Path path = sample.dir().resolve(file);
    return Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }
}
