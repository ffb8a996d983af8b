package dev.taskmill.trajectory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step: a thought, one tool call and the real observation of running it.
 *
 * @param phase one of explore, locate, read, reproduce, edit, verify, submit
 * @param thoughtSource "template" (deterministic) or "llm"
 * @param onGoldPath whether the step reads or edits a file of the gold patch, or runs its tests
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrajectoryStep(
    int id,
    String phase,
    String thought,
    String thoughtSource,
    ToolCall toolCall,
    Observation observation,
    long wallMillis,
    Tokens tokens,
    List<String> filesOpened,
    List<String> filesEdited,
    boolean onGoldPath) {
  public static final List<String> PHASES =
      List.of("explore", "locate", "read", "reproduce", "edit", "verify", "submit");

  public TrajectoryStep {
    if (id < 1) {
      throw new IllegalArgumentException("step ids start at 1: " + id);
    }
    if (!PHASES.contains(phase)) {
      throw new IllegalArgumentException("unknown step phase: " + phase);
    }
    thought = thought == null ? "" : thought;
    thoughtSource = thoughtSource == null ? "template" : thoughtSource;
    Objects.requireNonNull(toolCall, "toolCall");
    Objects.requireNonNull(observation, "observation");
    tokens = tokens == null ? new Tokens(0, 0, 0) : tokens;
    filesOpened = filesOpened == null ? List.of() : List.copyOf(filesOpened);
    filesEdited = filesEdited == null ? List.of() : List.copyOf(filesEdited);
  }

  /** A tool call: its id (as in OpenAI's tool_calls), the tool's name and its arguments. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ToolCall(String id, String name, Map<String, Object> arguments) {
    public ToolCall {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
    }
  }

  /**
   * What the tool printed, as it printed it (cut to a limit).
   *
   * @param originalChars the size of the output before truncation
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Observation(String content, int exitCode, boolean truncated, int originalChars) {
    public Observation {
      content = content == null ? "" : content;
    }
  }

  /**
   * Token counts of the step's parts, by a real tokenizer (the encoding is named in
   * stepLevelMetrics).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Tokens(int thought, int action, int observation) {
    public int total() {
      return thought + action + observation;
    }
  }
}
