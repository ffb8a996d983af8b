package dev.taskmill.analysis.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.taskmill.analysis.AnalysisInput;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.analysis.AnalysisSettings;
import dev.taskmill.analysis.PullRequest;
import dev.taskmill.analysis.RepositoryAnalyzer;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.testing.FixtureRepo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitHub API as a recorded response served by WireMock; the real GitHub is never called. */
class GitHubApiTest {
  /** Loopback port 9 (discard) refuses connections: an API that is not there. */
  private static final String NO_API = "http://127.0.0.1:9";

  @TempDir Path tmp;

  private WireMockServer api;

  @BeforeEach
  void startApi() throws IOException {
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    api.start();
    api.stubFor(
        get(urlEqualTo("/repos/acme/widget/pulls/1"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(recorded("acme-widget-pull-1.json"))));
  }

  @AfterEach
  void stopApi() {
    api.stop();
  }

  private static String recorded(String name) throws IOException {
    try (InputStream in = GitHubApiTest.class.getResourceAsStream("/github/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Nested
  class Client {
    @Test
    void readsTitleBodyMergedAndUrl() {
      GitHubPull pull =
          new GitHubClient(name -> null).pull(api.baseUrl(), "acme/widget", 1).orElseThrow();
      assertThat(pull.title()).isEqualTo("Fix crash in total() when the input is None");
      assertThat(pull.body()).contains("Fixes #12");
      assertThat(pull.merged()).isTrue();
      assertThat(pull.htmlUrl()).isEqualTo("https://github.com/acme/widget/pull/1");
      assertThat(pull.mergedAt()).isEqualTo("2024-03-02T09:00:00Z");
    }

    @Test
    void sendsTheTokenAsBearerWhenGithubTokenIsSet() {
      new GitHubClient(Map.of("GITHUB_TOKEN", "ghp_test123")::get)
          .pull(api.baseUrl(), "acme/widget", 1);
      api.verify(
          getRequestedFor(urlEqualTo("/repos/acme/widget/pulls/1"))
              .withHeader("Authorization", equalTo("Bearer ghp_test123")));
    }

    @Test
    void aRedirectToAnotherHostIsFollowedWithoutTheToken() {
      WireMockServer other = new WireMockServer(WireMockConfiguration.options().dynamicPort());
      other.start();
      try {
        other.stubFor(
            get(urlEqualTo("/moved/pulls/1"))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(recorded("acme-widget-pull-1.json"))));
        // The same machine under another name (127.0.0.1 instead of localhost) is another host to
        // the client.
        api.stubFor(
            get(urlEqualTo("/repos/acme/moved/pulls/1"))
                .willReturn(
                    aResponse()
                        .withStatus(302)
                        .withHeader(
                            "Location", "http://127.0.0.1:" + other.port() + "/moved/pulls/1")));

        GitHubPull pull =
            new GitHubClient(Map.of("GITHUB_TOKEN", "ghp_secret")::get)
                .pull(api.baseUrl(), "acme/moved", 1)
                .orElseThrow();

        assertThat(pull.title()).isEqualTo("Fix crash in total() when the input is None");
        api.verify(
            getRequestedFor(urlEqualTo("/repos/acme/moved/pulls/1"))
                .withHeader("Authorization", equalTo("Bearer ghp_secret")));
        other.verify(getRequestedFor(urlEqualTo("/moved/pulls/1")).withoutHeader("Authorization"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } finally {
        other.stop();
      }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} (API host {1}) -> {2}")
    @org.junit.jupiter.params.provider.CsvSource({
      "https://api.github.com/repos/a/b/pulls/1, api.github.com, true",
      "http://api.github.com/repos/a/b/pulls/1, api.github.com, false",
      "https://evil.example/repos/a/b/pulls/1, api.github.com, false",
      "https://ghe.corp.example/api/v3/repos/a/b, ghe.corp.example, true",
      "http://localhost:8080/repos/a/b/pulls/1, localhost, true",
      "http://127.0.0.1:8080/repos/a/b/pulls/1, localhost, false",
    })
    void theTokenGoesOnlyToTheApiHostOverHttpsOrLoopback(
        String target, String apiHost, boolean carries) {
      assertThat(GitHubClient.mayCarryToken(java.net.URI.create(target), apiHost))
          .isEqualTo(carries);
    }

    @Test
    void sendsNoAuthorizationWithoutAToken() {
      new GitHubClient(name -> null).pull(api.baseUrl(), "acme/widget", 1);
      api.verify(
          getRequestedFor(urlEqualTo("/repos/acme/widget/pulls/1")).withoutHeader("Authorization"));
    }

    @Test
    void theBaseUrlComesFromTheInputThenTheEnvironmentThenGithubDotCom() {
      GitHubClient withEnv =
          new GitHubClient(Map.of("TASKMILL_GITHUB_API", "https://ghe.example.com/api/v3/")::get);
      assertThat(withEnv.baseUrl("https://other.example.com/api/v3"))
          .isEqualTo("https://other.example.com/api/v3");
      assertThat(withEnv.baseUrl(null)).isEqualTo("https://ghe.example.com/api/v3");
      assertThat(new GitHubClient(name -> null).baseUrl(null)).isEqualTo("https://api.github.com");
    }

    @Test
    void anUnknownPrIsEmptyButKeepsTheApiOn() {
      GitHubClient client = new GitHubClient(name -> null);
      assertThat(client.pull(api.baseUrl(), "acme/widget", 999)).isEmpty();
      assertThat(client.isUnavailable()).isFalse();
    }

    @Test
    void anUnreachableApiIsEmptyAndSwitchesItselfOff() {
      GitHubClient client = new GitHubClient(name -> null);
      assertThat(client.pull(NO_API, "acme/widget", 1)).isEmpty();
      assertThat(client.isUnavailable()).isTrue();
      assertThat(client.pull(api.baseUrl(), "acme/widget", 1)).isEmpty();
      api.verify(0, getRequestedFor(urlEqualTo("/repos/acme/widget/pulls/1")));
    }
  }

  @Nested
  class Analysis {
    /**
     * A local clone whose origin is on GitHub: the API is asked as acme/widget while git reads the
     * local path.
     */
    private FixtureRepo cloneOfAcmeWidget() throws IOException {
      FixtureRepo repo = FixtureRepo.init(tmp.resolve("widget"));
      var config = repo.git().getRepository().getConfig();
      config.setString("remote", "origin", "url", "https://github.com/acme/widget.git");
      config.save();
      repo.write("widget/core.py", "def total(xs):\n    return sum(xs)\n")
          .write("tests/test_core.py", "def test_total():\n    assert True\n")
          .commit("Initial import");
      repo.mergePullRequest(
          1,
          "Fix crash on empty input",
          r ->
              r.write("widget/core.py", "def total(xs):\n    return sum(xs or [])\n")
                  .write("tests/test_core.py", "def test_empty():\n    assert True\n"));
      return repo;
    }

    private AnalysisOutput analyze(FixtureRepo repo, String apiUrl) {
      return new RepositoryAnalyzer(
              new RepositoryCache(tmp.resolve("cache")),
              new GitHubClient(name -> null),
              AnalysisSettings.DEFAULTS)
          .analyze(new AnalysisInput(repo.url(), null, apiUrl), Heartbeat.none());
    }

    @Test
    void apiDataLandsInThePullRequest() throws IOException {
      try (FixtureRepo repo = cloneOfAcmeWidget()) {
        AnalysisOutput out = analyze(repo, api.baseUrl());
        PullRequest pr = out.pullRequest();
        assertThat(out.repoName()).isEqualTo("acme/widget");
        assertThat(pr.title()).isEqualTo("Fix crash in total() when the input is None");
        assertThat(pr.body()).startsWith("total(None) raised TypeError.");
        assertThat(pr.linkedIssues()).containsExactly(12, 3);
        assertThat(pr.merged()).isTrue();
        assertThat(pr.url()).isEqualTo("https://github.com/acme/widget/pull/1");
        assertThat(pr.mergedAt()).isEqualTo("2024-03-02T09:00:00Z");
        assertThat(out.candidates())
            .singleElement()
            .satisfies(c -> assertThat(c.reasons()).contains("links 2 issue(s)"));
      }
    }

    @Test
    void aRequestedPrFoundTwiceIsAskedForOnce() throws IOException {
      try (FixtureRepo repo = cloneOfAcmeWidget()) {
        String merge = repo.git().getRepository().resolve("main").name();
        repo.cherryPickOnto("maint-1.x", merge + "~1", merge);
        AnalysisOutput out =
            new RepositoryAnalyzer(
                    new RepositoryCache(tmp.resolve("cache")),
                    new GitHubClient(name -> null),
                    AnalysisSettings.DEFAULTS)
                .analyze(new AnalysisInput(repo.url(), 1, api.baseUrl()), Heartbeat.none());
        assertThat(out.candidates())
            .hasSize(2)
            .allSatisfy(c -> assertThat(c.title()).startsWith("Fix crash in total()"));
        api.verify(1, getRequestedFor(urlEqualTo("/repos/acme/widget/pulls/1")));
      }
    }

    @Test
    void withoutAReachableApiTheAnalysisGoesOnFromGitAlone() throws IOException {
      try (FixtureRepo repo = cloneOfAcmeWidget()) {
        PullRequest pr = analyze(repo, NO_API).pullRequest();
        assertThat(pr.title()).isEqualTo("Fix crash on empty input");
        assertThat(pr.linkedIssues()).isEmpty();
        assertThat(pr.url()).isEqualTo("https://github.com/acme/widget/pull/1");
        assertThat(pr.merged()).isTrue();
      }
    }
  }
}
