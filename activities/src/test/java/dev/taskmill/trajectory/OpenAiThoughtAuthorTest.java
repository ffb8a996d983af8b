package dev.taskmill.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The optional thought author against a local fake of an OpenAI-compatible chat completions
 * endpoint.
 */
class OpenAiThoughtAuthorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;
  private final List<JsonNode> requests = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private String serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          requests.add(JSON.readTree(exchange.getRequestBody()));
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  @Nested
  class WhenTheModelAnswers {
    @Test
    void theThoughtIsTheModelsAndSaysSo() throws Exception {
      String url =
          serve(
              200,
              "{\"choices\":[{\"message\":{\"role\":\"assistant\","
                  + "\"content\":\" I will open calc.py, where the traceback ends. \"}}]}");
      var author = new OpenAiThoughtAuthor(url, "local-model", "sk-test");

      var thought =
          author.write(
              "Fix clamp",
              "read",
              "Open the file at the top frame.",
              "str_replace_editor {\"command\":\"view\",\"path\":\"/testbed/calc.py\"}",
              "calc.py:5: AssertionError");

      assertThat(thought.text()).isEqualTo("I will open calc.py, where the traceback ends.");
      assertThat(thought.source()).isEqualTo("llm");
      assertThat(author.mode()).isEqualTo("llm");
      assertThat(author.model()).isEqualTo("local-model");
      JsonNode request = requests.get(0);
      assertThat(request.path("model").asText()).isEqualTo("local-model");
      assertThat(request.at("/messages/1/content").asText())
          .contains("Fix clamp")
          .contains("calc.py:5: AssertionError")
          .contains("/testbed/calc.py");
      assertThat(authorizations).containsExactly("Bearer sk-test");
    }
  }

  @Nested
  class WhenTheModelFails {
    @Test
    void theTemplateThoughtIsKeptAndMarkedAsTemplate() throws Exception {
      String url = serve(500, "{\"error\":\"overloaded\"}");

      var thought =
          new OpenAiThoughtAuthor(url, null, null)
              .write(
                  "Fix clamp", "explore", "Look around the tree.", "bash {\"command\":\"ls\"}", "");

      assertThat(thought).isEqualTo(new ThoughtAuthor.Thought("Look around the tree.", "template"));
      assertThat(authorizations).containsExactly((String) null);
    }

    @Test
    void anUnreachableEndpointKeepsTheTemplateThought() {
      var thought =
          new OpenAiThoughtAuthor("http://127.0.0.1:9/v1", "m", null)
              .write("t", "explore", "Look around.", "bash {}", "");

      assertThat(thought.source()).isEqualTo("template");
    }
  }

  @Test
  void theTemplateAuthorIsDeterministic() {
    var thought = ThoughtAuthor.TEMPLATE.write("t", "edit", "Apply the first hunk.", "x", "y");
    assertThat(thought).isEqualTo(new ThoughtAuthor.Thought("Apply the first hunk.", "template"));
    assertThat(ThoughtAuthor.TEMPLATE.mode()).isEqualTo("deterministic");
  }
}
