package dev.taskmill.trajectory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A trajectory as OpenAI-style chat: {@code messages} (system, user = task, then per step an
 * assistant message with its thought and one tool call, answered by a tool message holding the
 * observation) and {@code tools}. The {@code taskmill} key carries what chat has no place for
 * (sample key, kind, environment, outcome, per-step phase, timings, tokens, files), so that {@link
 * ChatConverter#toTrajectory} gives back the same Trajectory; chat readers ignore it. Made by
 * {@link ChatConverter}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatTranscript(
    List<ChatMessage> messages, List<ChatTool> tools, ChatExtras taskmill) {
  public ChatTranscript {
    messages = messages == null ? List.of() : List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
  }

  /**
   * The ids of assistant tool calls that no later tool message answers; empty in a well-formed
   * transcript.
   */
  @JsonIgnore
  public List<String> unansweredCalls() {
    Set<String> answered = new HashSet<>();
    messages.stream()
        .filter(m -> ChatMessage.TOOL.equals(m.role()))
        .forEach(m -> answered.add(m.toolCallId()));
    return messages.stream()
        .flatMap(m -> m.calls().stream())
        .map(ChatToolCall::id)
        .filter(id -> !answered.contains(id))
        .toList();
  }

  /**
   * One chat message.
   *
   * @param toolCalls the assistant's calls; null (not written) when there are none
   * @param toolCallId for a tool message, the call it answers
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChatMessage(
      String role,
      String content,
      @JsonProperty("tool_calls") List<ChatToolCall> toolCalls,
      @JsonProperty("tool_call_id") String toolCallId) {
    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    public static final String TOOL = "tool";

    public ChatMessage {
      Objects.requireNonNull(role, "role");
      content = content == null ? "" : content;
      toolCalls = toolCalls == null || toolCalls.isEmpty() ? null : List.copyOf(toolCalls);
    }

    /** The tool calls, empty when there are none. */
    public List<ChatToolCall> calls() {
      return toolCalls == null ? List.of() : toolCalls;
    }
  }

  /** An assistant's tool call; {@code arguments} is a JSON string, as the chat API sends it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChatToolCall(String id, String type, ChatFunctionCall function) {
    public static final String FUNCTION = "function";

    public ChatToolCall {
      Objects.requireNonNull(id, "id");
      type = type == null ? FUNCTION : type;
      Objects.requireNonNull(function, "function");
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChatFunctionCall(String name, String arguments) {
    public ChatFunctionCall {
      Objects.requireNonNull(name, "name");
      arguments = arguments == null ? "{}" : arguments;
    }
  }

  /**
   * A tool offered to the model: {@code {type: function, function: {name, description,
   * parameters}}}.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChatTool(String type, ChatFunction function) {
    public ChatTool {
      type = type == null ? ChatToolCall.FUNCTION : type;
      Objects.requireNonNull(function, "function");
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChatFunction(String name, String description, Map<String, Object> parameters) {}

  /** The trajectory's fields that chat has no place for. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChatExtras(
      String schemaVersion,
      String sampleKey,
      String kind,
      Trajectory.Generator generator,
      Trajectory.Environment environment,
      Trajectory.Divergence divergence,
      TrajectoryOutcome outcome,
      List<ChatStepExtras> steps) {
    public ChatExtras {
      steps = steps == null ? List.of() : List.copyOf(steps);
    }
  }

  /** A step's fields beyond its thought, call and observation text, keyed by its tool call id. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChatStepExtras(
      String toolCallId,
      int id,
      String phase,
      String thoughtSource,
      long wallMillis,
      TrajectoryStep.Tokens tokens,
      int exitCode,
      boolean truncated,
      int originalChars,
      List<String> filesOpened,
      List<String> filesEdited,
      boolean onGoldPath) {}
}
