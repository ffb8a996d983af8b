package dev.taskmill.analysis.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small, forgiving client of the GitHub REST API (GitHub.com or Enterprise) for pull request
 * details. It is an extra: any failure (no network, rate limit, 404) yields empty, is logged once
 * at info, and stops further calls so that the analysis goes on from git history alone without
 * waiting on more timeouts.
 */
public class GitHubClient {
  public static final String DEFAULT_API = "https://api.github.com";
  private static final Logger LOG = LoggerFactory.getLogger(GitHubClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_REDIRECTS = 5;

  private final UnaryOperator<String> env;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final AtomicBoolean unavailable = new AtomicBoolean();

  /** Reads GITHUB_TOKEN and TASKMILL_GITHUB_API from the process environment. */
  public GitHubClient() {
    this(System::getenv);
  }

  /**
   * Reads GITHUB_TOKEN and TASKMILL_GITHUB_API through {@code env}, so tests need not touch the
   * real one.
   */
  public GitHubClient(UnaryOperator<String> env) {
    this(env, Duration.ofSeconds(3), Duration.ofSeconds(10));
  }

  GitHubClient(UnaryOperator<String> env, Duration connectTimeout, Duration requestTimeout) {
    this.env = env;
    this.requestTimeout = requestTimeout;
    // Redirects are followed by hand: the token must never travel to another host (see send()).
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A client that never calls anything, for runs that must stay offline. */
  public static GitHubClient disabled() {
    GitHubClient client = new GitHubClient(name -> null);
    client.unavailable.set(true);
    return client;
  }

  /**
   * The API base: {@code configured} when given, else $TASKMILL_GITHUB_API, else api.github.com.
   */
  public String baseUrl(String configured) {
    String base =
        configured != null && !configured.isBlank() ? configured : env.apply("TASKMILL_GITHUB_API");
    base = base == null || base.isBlank() ? DEFAULT_API : base.trim();
    return base.replaceAll("/+$", "");
  }

  /** PR {@code number} of {@code ownerRepo} ("owner/name"), or empty when the API cannot tell. */
  public Optional<GitHubPull> pull(String apiBase, String ownerRepo, int number) {
    if (unavailable.get() || ownerRepo == null) {
      return Optional.empty();
    }
    String url = baseUrl(apiBase) + "/repos/" + ownerRepo + "/pulls/" + number;
    try {
      HttpResponse<String> response = send(URI.create(url));
      if (response.statusCode() == 404) {
        // The repository is there but not this PR: other PRs may still be found, so keep the API
        // on.
        return Optional.empty();
      }
      if (response.statusCode() != 200) {
        giveUp(url, "HTTP " + response.statusCode());
        return Optional.empty();
      }
      return Optional.of(parse(JSON.readTree(response.body()), number));
    } catch (IOException | IllegalArgumentException e) {
      giveUp(
          url,
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * GETs {@code uri}, following up to {@link #MAX_REDIRECTS} redirects. The token goes only to the
   * API's own host, and only over https (or to a loopback address, for tests and local mirrors); a
   * redirect to another host is followed without it.
   */
  private HttpResponse<String> send(URI uri) throws IOException, InterruptedException {
    String apiHost = uri.getHost();
    String token = env.apply("GITHUB_TOKEN");
    URI next = uri;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(next)
              .timeout(requestTimeout)
              .GET()
              .header("Accept", "application/vnd.github+json")
              .header("X-GitHub-Api-Version", "2022-11-28")
              .header("User-Agent", "taskmill");
      if (token != null && !token.isBlank() && mayCarryToken(next, apiHost)) {
        request.header("Authorization", "Bearer " + token.trim());
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      var location = response.headers().firstValue("Location");
      if (status < 300 || status > 399 || location.isEmpty() || hop >= MAX_REDIRECTS) {
        return response;
      }
      next = next.resolve(location.get());
    }
  }

  /**
   * The token is sent to the configured API host only, over https, or over http to a loopback
   * address.
   */
  static boolean mayCarryToken(URI target, String apiHost) {
    if (target.getHost() == null || !target.getHost().equalsIgnoreCase(apiHost)) {
      return false;
    }
    if ("https".equalsIgnoreCase(target.getScheme())) {
      return true;
    }
    String host = target.getHost();
    return "http".equalsIgnoreCase(target.getScheme())
        && (host.equals("localhost")
            || host.equals("127.0.0.1")
            || host.equals("[::1]")
            || host.equals("::1"));
  }

  /** Whether an earlier failure switched the API off for this client. */
  public boolean isUnavailable() {
    return unavailable.get();
  }

  private static GitHubPull parse(JsonNode json, int number) {
    boolean merged =
        json.path("merged").asBoolean(false)
            || !json.path("merged_at").isNull() && !json.path("merged_at").isMissingNode();
    return new GitHubPull(
        json.path("number").asInt(number),
        text(json, "title"),
        text(json, "body"),
        merged,
        text(json, "html_url"),
        text(json, "merged_at"),
        text(json, "merge_commit_sha"));
  }

  private static String text(JsonNode json, String field) {
    JsonNode node = json.path(field);
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private void giveUp(String url, String why) {
    if (unavailable.compareAndSet(false, true)) {
      LOG.info("GitHub API not used ({} for {}); going on with git history only", why, url);
    }
  }
}
