package dev.taskmill.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.testing.SampleDocuments;
import dev.taskmill.trajectory.ChatTranscript.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatConverterTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static Trajectory trajectory(String kind) {
    return SampleDocuments.trajectory(
        kind, "local__calc__pr-1", "150d1071d69c5cdad7de78590013ffe56cf9e3bb");
  }

  /** Through JSON text both ways, as an exporter and a reader would. */
  static ChatTranscript viaJson(ChatTranscript chat) throws Exception {
    return JSON.readValue(JSON.writeValueAsString(chat), ChatTranscript.class);
  }

  @Nested
  class RoundTrip {
    @ParameterizedTest
    @ValueSource(strings = {Trajectory.IDEAL, Trajectory.FAILED})
    void trajectoryToChatToTrajectoryIsEqual(String kind) throws Exception {
      Trajectory original = trajectory(kind);
      Trajectory back = ChatConverter.toTrajectory(viaJson(ChatConverter.toChat(original)));
      assertThat(back).isEqualTo(original);
    }

    @Test
    void keepsIdsNamesArgumentsThoughtsAndObservations() throws Exception {
      Trajectory original = trajectory(Trajectory.IDEAL);
      List<ChatConverter.ChatTurn> turns =
          ChatConverter.turns(viaJson(ChatConverter.toChat(original)));
      assertThat(turns).hasSameSizeAs(original.steps());
      for (int i = 0; i < turns.size(); i++) {
        TrajectoryStep step = original.steps().get(i);
        assertThat(turns.get(i).toolCall()).isEqualTo(step.toolCall());
        assertThat(turns.get(i).thought()).isEqualTo(step.thought());
        assertThat(turns.get(i).observation()).isEqualTo(step.observation().content());
      }
    }

    @Test
    void everyToolCallHasItsToolAnswer() {
      ChatTranscript chat = ChatConverter.toChat(trajectory(Trajectory.FAILED));
      assertThat(chat.unansweredCalls()).isEmpty();
      assertThat(
              chat.messages().stream()
                  .filter(m -> m.role().equals(ChatMessage.TOOL))
                  .map(ChatMessage::toolCallId))
          .containsExactly("call_1", "call_2", "call_3", "call_4", "call_5");
    }
  }

  @Nested
  class TheChatShape {
    @Test
    void isOpenAiStyle() throws Exception {
      JsonNode chat = JSON.valueToTree(ChatConverter.toChat(trajectory(Trajectory.IDEAL)));
      JsonNode messages = chat.get("messages");
      assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
      assertThat(messages.get(1).get("role").asText()).isEqualTo("user");
      assertThat(messages.get(1).get("content").asText()).startsWith("clamp(x, lo, hi) ignores");
      JsonNode assistant = messages.get(2);
      assertThat(assistant.get("role").asText()).isEqualTo("assistant");
      assertThat(assistant.get("content").asText()).isEqualTo("Find where clamp is defined.");
      JsonNode call = assistant.get("tool_calls").get(0);
      assertThat(call.get("id").asText()).isEqualTo("call_1");
      assertThat(call.get("type").asText()).isEqualTo("function");
      assertThat(call.get("function").get("name").asText()).isEqualTo("bash");
      assertThat(call.get("function").get("arguments").isTextual()).isTrue();
      assertThat(
              JSON.readTree(call.get("function").get("arguments").asText()).get("command").asText())
          .isEqualTo("grep -rn 'def clamp' .");
      JsonNode tool = messages.get(3);
      assertThat(tool.get("role").asText()).isEqualTo("tool");
      assertThat(tool.get("tool_call_id").asText()).isEqualTo("call_1");
      assertThat(tool.has("tool_calls")).isFalse();
      assertThat(messages).hasSize(2 + 2 * 5);
      JsonNode firstTool = chat.get("tools").get(0);
      assertThat(firstTool.get("type").asText()).isEqualTo("function");
      assertThat(firstTool.get("function").get("name").asText()).isEqualTo("bash");
      assertThat(firstTool.get("function").get("parameters").get("type").asText())
          .isEqualTo("object");
    }
  }

  @Nested
  class PlainChat {
    static final String TEXT =
        """
        {"messages": [
          {"role": "system", "content": "s"}, {"role": "user", "content": "fix it"},
          {"role": "assistant", "content": "look twice", "tool_calls": [
            {"id": "a", "type": "function", "function": {"name": "bash", "arguments": "{\\"command\\": \\"ls\\"}"}},
            {"id": "b", "type": "function", "function": {"name": "bash", "arguments": "{\\"command\\": \\"pwd\\"}"}}]},
          {"role": "tool", "tool_call_id": "a", "content": "calc.py"}],
         "tools": []}
        """;

    @Test
    void givesItsTurnsAndNamesTheUnansweredCall() throws Exception {
      ChatTranscript chat = JSON.readValue(TEXT, ChatTranscript.class);
      assertThat(chat.unansweredCalls()).containsExactly("b");
      List<ChatConverter.ChatTurn> turns = ChatConverter.turns(chat);
      assertThat(turns)
          .extracting(ChatConverter.ChatTurn::thought)
          .containsExactly("look twice", "");
      assertThat(turns.get(0).toolCall().arguments()).containsEntry("command", "ls");
      assertThat(turns.get(1).observation()).isNull();
    }

    @Test
    void isNoTrajectoryWithoutTheExtras() throws Exception {
      ChatTranscript chat = JSON.readValue(TEXT, ChatTranscript.class);
      assertThatThrownBy(() -> ChatConverter.toTrajectory(chat))
          .hasMessageContaining("taskmill extras");
    }
  }
}
