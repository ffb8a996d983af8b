package dev.taskmill.trajectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites thoughts with an OpenAI-compatible chat completions endpoint. Off unless
 * TASKMILL_THOUGHTS_URL is set; a failed call keeps the template thought (marked "template"), so a
 * model never breaks a sample.
 */
public final class OpenAiThoughtAuthor implements ThoughtAuthor {
  public static final String URL_VARIABLE = "TASKMILL_THOUGHTS_URL";
  public static final String MODEL_VARIABLE = "TASKMILL_THOUGHTS_MODEL";
  public static final String KEY_VARIABLE = "TASKMILL_THOUGHTS_API_KEY";
  static final int OBSERVATION_CHARS = 2000;
  private static final Logger LOG = LoggerFactory.getLogger(OpenAiThoughtAuthor.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SYSTEM =
      "You write the short private reasoning of a software engineer who fixes a bug"
          + " with shell and editor tools. Given the task, the last tool output and the next tool call, write one or two"
          + " sentences saying what the next call is for and why, in the first person. Never quote code that is not in"
          + " the tool output. Answer with the sentences only.";

  private final URI endpoint;
  private final String model;
  private final String apiKey;
  private final HttpClient http;

  /**
   * @param baseUrl the API base, e.g. http://localhost:8000/v1 ("/chat/completions" is appended)
   */
  public OpenAiThoughtAuthor(String baseUrl, String model, String apiKey) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.endpoint = URI.create(base + "/chat/completions");
    if (!endpoint.getScheme().equals("http") && !endpoint.getScheme().equals("https")) {
      throw new IllegalArgumentException(URL_VARIABLE + " must be an http(s) URL: " + baseUrl);
    }
    this.model = model == null || model.isBlank() ? "gpt-4o-mini" : model;
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The author the environment asks for, if any. */
  public static Optional<OpenAiThoughtAuthor> fromEnvironment() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new OpenAiThoughtAuthor(url, System.getenv(MODEL_VARIABLE), System.getenv(KEY_VARIABLE)));
  }

  @Override
  public Thought write(
      String task,
      String phase,
      String plannedThought,
      String toolCall,
      String previousObservation) {
    try {
      ObjectNode body =
          JSON.createObjectNode()
              .put("model", model)
              .put("temperature", 0.2)
              .put("max_tokens", 120);
      var messages = body.putArray("messages");
      messages.addObject().put("role", "system").put("content", SYSTEM);
      messages
          .addObject()
          .put("role", "user")
          .put(
              "content",
              "Task:\n"
                  + task
                  + "\n\nLast tool output:\n"
                  + clip(previousObservation)
                  + "\n\nNext step ("
                  + phase
                  + "): "
                  + toolCall
                  + "\n\nA plain note of what"
                  + " this step is for: "
                  + plannedThought);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(endpoint)
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (apiKey != null) {
        request.header("Authorization", "Bearer " + apiKey);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOG.warn(
            "thought author answered HTTP {}; keeping the template thought", response.statusCode());
        return new Thought(plannedThought, "template");
      }
      JsonNode text = JSON.readTree(response.body()).at("/choices/0/message/content");
      if (!text.isTextual() || text.asText().isBlank()) {
        return new Thought(plannedThought, "template");
      }
      return new Thought(text.asText().strip(), "llm");
    } catch (IOException e) {
      LOG.warn("thought author unreachable ({}); keeping the template thought", e.getMessage());
      return new Thought(plannedThought, "template");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Thought(plannedThought, "template");
    }
  }

  @Override
  public String mode() {
    return Trajectory.Generator.LLM;
  }

  @Override
  public String model() {
    return model;
  }

  private static String clip(String s) {
    if (s == null || s.isEmpty()) {
      return "(none yet)";
    }
    return s.length() <= OBSERVATION_CHARS ? s : s.substring(0, OBSERVATION_CHARS) + "\n[...]";
  }
}
