package dev.taskmill.trajectory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.trajectory.ChatTranscript.ChatExtras;
import dev.taskmill.trajectory.ChatTranscript.ChatFunction;
import dev.taskmill.trajectory.ChatTranscript.ChatFunctionCall;
import dev.taskmill.trajectory.ChatTranscript.ChatMessage;
import dev.taskmill.trajectory.ChatTranscript.ChatStepExtras;
import dev.taskmill.trajectory.ChatTranscript.ChatTool;
import dev.taskmill.trajectory.ChatTranscript.ChatToolCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Converts a {@link Trajectory} to OpenAI-style chat ({@link ChatTranscript}) and back. Per step:
 * one assistant message (content = thought, one tool call with the arguments as a JSON string) and
 * one tool message (content = observation). With the transcript's {@code taskmill} extras the round
 * trip gives back an equal Trajectory; from plain chat, {@link #turns} recovers what chat holds.
 */
public final class ChatConverter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private ChatConverter() {}

  /** The system prompt a solver gets: where it works and what it has. */
  public static String systemPrompt(Trajectory trajectory) {
    Trajectory.Environment env = trajectory.environment();
    String workdir = env.workdir() == null ? "the repository" : env.workdir();
    String tools =
        trajectory.tools().stream()
            .map(Trajectory.ToolSpec::name)
            .collect(Collectors.joining(", "));
    return "You are a software engineer fixing a bug. The repository is checked out at "
        + workdir
        + " (commit "
        + env.baseCommit()
        + (env.stack() == null ? "" : ", " + env.stack())
        + "). "
        + "Work with the tools ("
        + tools
        + "): find the cause, change the code, run the tests, then submit.";
  }

  public static ChatTranscript toChat(Trajectory trajectory) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(new ChatMessage(ChatMessage.SYSTEM, systemPrompt(trajectory), null, null));
    messages.add(new ChatMessage(ChatMessage.USER, trajectory.task(), null, null));
    List<ChatStepExtras> extras = new ArrayList<>();
    for (TrajectoryStep step : trajectory.steps()) {
      TrajectoryStep.ToolCall call = step.toolCall();
      messages.add(
          new ChatMessage(
              ChatMessage.ASSISTANT,
              step.thought(),
              List.of(
                  new ChatToolCall(
                      call.id(),
                      ChatToolCall.FUNCTION,
                      new ChatFunctionCall(call.name(), json(call.arguments())))),
              null));
      messages.add(
          new ChatMessage(ChatMessage.TOOL, step.observation().content(), null, call.id()));
      extras.add(
          new ChatStepExtras(
              call.id(),
              step.id(),
              step.phase(),
              step.thoughtSource(),
              step.wallMillis(),
              step.tokens(),
              step.observation().exitCode(),
              step.observation().truncated(),
              step.observation().originalChars(),
              step.filesOpened(),
              step.filesEdited(),
              step.onGoldPath()));
    }
    List<ChatTool> tools =
        trajectory.tools().stream()
            .map(
                t ->
                    new ChatTool(
                        ChatToolCall.FUNCTION,
                        new ChatFunction(t.name(), t.description(), t.parameters())))
            .toList();
    return new ChatTranscript(
        messages,
        tools,
        new ChatExtras(
            trajectory.schemaVersion(),
            trajectory.sampleKey(),
            trajectory.kind(),
            trajectory.generator(),
            trajectory.environment(),
            trajectory.divergence(),
            trajectory.outcome(),
            extras));
  }

  /**
   * One assistant tool call with the thought before it and the observation answering it: what plain
   * chat holds.
   *
   * @param observation the content of the tool message answering the call, or null when none does
   */
  public record ChatTurn(String thought, TrajectoryStep.ToolCall toolCall, String observation) {}

  /**
   * The turns of any chat transcript, in order. An assistant message with several calls gives one
   * turn per call; its thought goes to the first.
   */
  public static List<ChatTurn> turns(ChatTranscript chat) {
    Map<String, String> answers = new HashMap<>();
    for (ChatMessage m : chat.messages()) {
      if (ChatMessage.TOOL.equals(m.role()) && m.toolCallId() != null) {
        answers.putIfAbsent(m.toolCallId(), m.content());
      }
    }
    List<ChatTurn> turns = new ArrayList<>();
    for (ChatMessage m : chat.messages()) {
      boolean first = true;
      for (ChatToolCall call : m.calls()) {
        turns.add(
            new ChatTurn(
                first ? m.content() : "",
                new TrajectoryStep.ToolCall(call.id(), call.function().name(), arguments(call)),
                answers.get(call.id())));
        first = false;
      }
    }
    return turns;
  }

  /**
   * The trajectory back from a transcript made by {@link #toChat}; needs its {@code taskmill}
   * extras.
   */
  public static Trajectory toTrajectory(ChatTranscript chat) {
    ChatExtras extras = chat.taskmill();
    if (extras == null) {
      throw new IllegalArgumentException(
          "the transcript has no taskmill extras (sample key, kind, outcome): "
              + "only its turns can be read back");
    }
    String task =
        chat.messages().stream()
            .filter(m -> ChatMessage.USER.equals(m.role()))
            .findFirst()
            .map(ChatMessage::content)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("the transcript has no user message (the task)"));
    Map<String, ChatStepExtras> byCall =
        extras.steps().stream()
            .collect(
                Collectors.toMap(ChatStepExtras::toolCallId, Function.identity(), (a, b) -> a));
    List<TrajectoryStep> steps = new ArrayList<>();
    int next = 1;
    for (ChatTurn turn : turns(chat)) {
      if (turn.observation() == null) {
        throw new IllegalArgumentException(
            "tool call " + turn.toolCall().id() + " has no tool answer");
      }
      ChatStepExtras x = byCall.get(turn.toolCall().id());
      steps.add(
          x == null
              ? new TrajectoryStep(
                  next,
                  TrajectoryStep.PHASES.get(0),
                  turn.thought(),
                  null,
                  turn.toolCall(),
                  new TrajectoryStep.Observation(
                      turn.observation(), 0, false, turn.observation().length()),
                  0,
                  null,
                  null,
                  null,
                  false)
              : new TrajectoryStep(
                  x.id(),
                  x.phase(),
                  turn.thought(),
                  x.thoughtSource(),
                  turn.toolCall(),
                  new TrajectoryStep.Observation(
                      turn.observation(), x.exitCode(), x.truncated(), x.originalChars()),
                  x.wallMillis(),
                  x.tokens(),
                  x.filesOpened(),
                  x.filesEdited(),
                  x.onGoldPath()));
      next = steps.get(steps.size() - 1).id() + 1;
    }
    List<Trajectory.ToolSpec> tools =
        chat.tools().stream()
            .map(
                t ->
                    new Trajectory.ToolSpec(
                        t.function().name(), t.function().description(), t.function().parameters()))
            .toList();
    return new Trajectory(
        extras.schemaVersion(),
        extras.sampleKey(),
        extras.kind(),
        extras.generator(),
        extras.environment(),
        task,
        tools,
        steps,
        extras.divergence(),
        extras.outcome());
  }

  private static String json(Map<String, Object> arguments) {
    try {
      return JSON.writeValueAsString(arguments);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "tool call arguments are not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, Object> arguments(ChatToolCall call) {
    String text = call.function().arguments();
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(text, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the arguments of tool call "
              + call.id()
              + " are not a JSON object: "
              + e.getOriginalMessage(),
          e);
    }
  }
}
