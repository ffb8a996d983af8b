package dev.taskmill.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.analysis.github.GitHubClient;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.testing.FixtureRepo;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activity adapter inside Temporal's activity test environment: heartbeats reach Temporal,
 * cancel stops it.
 */
class RepositoryAnalysisActivityImplTest {
  @TempDir Path tmp;

  private TestActivityEnvironment env;

  @BeforeEach
  void setUp() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new RepositoryAnalysisActivityImpl(
            new RepositoryCache(tmp.resolve("cache")),
            GitHubClient.disabled(),
            AnalysisSettings.DEFAULTS));
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private FixtureRepo repo() {
    FixtureRepo repo = FixtureRepo.init(tmp.resolve("widget"));
    repo.write("go.mod", "module example.com/widget\n\ngo 1.22\n")
        .write("widget.go", "package widget\n")
        .commit("Initial import");
    repo.squashPullRequest(
        8,
        "Fix off-by-one error in Range",
        r ->
            r.write("widget.go", "package widget\n// fixed\n")
                .write("widget_test.go", "package widget\n"));
    return repo;
  }

  @Test
  void analyzesAndHeartbeatsThroughTemporal() {
    try (FixtureRepo repo = repo()) {
      List<String> beats = new CopyOnWriteArrayList<>();
      env.setActivityHeartbeatListener(String.class, beats::add);
      RepositoryAnalysisActivity activity = env.newActivityStub(RepositoryAnalysisActivity.class);
      AnalysisOutput out = activity.analyze(new AnalysisInput(repo.url(), null, null));
      assertThat(out.pullRequest().number()).isEqualTo(8);
      assertThat(out.stack().describe()).isEqualTo("go/go_modules/go_test (1.22)");
      // The output went through Temporal's JSON payload converter: every candidate field survives
      // it.
      assertThat(out.candidates())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.eligible()).isTrue();
                assertThat(c.testFiles()).isEqualTo(1);
                assertThat(c.linesChanged()).isPositive();
                assertThat(c.baseCommit()).isEqualTo(out.pullRequest().baseCommit());
              });
      // Temporal throttles heartbeats, so only the first one is sure to reach the listener.
      assertThat(beats).first().asString().startsWith("opening " + repo.dir().toAbsolutePath());
    }
  }

  @Test
  void aPermanentFailureKeepsItsTypeThroughTemporal() {
    try (FixtureRepo repo = repo()) {
      RepositoryAnalysisActivity activity = env.newActivityStub(RepositoryAnalysisActivity.class);
      assertThatThrownBy(() -> activity.analyze(new AnalysisInput(repo.url(), 404, null)))
          .isInstanceOfSatisfying(
              ActivityFailure.class,
              f ->
                  assertThat(f.getCause())
                      .isInstanceOfSatisfying(
                          ApplicationFailure.class,
                          cause -> {
                            assertThat(cause.getType()).isEqualTo("NO_SUCH_PR");
                            assertThat(cause.isNonRetryable()).isTrue();
                          }));
    }
  }

  @Test
  void aCancelledActivityStopsAtTheNextHeartbeat() {
    try (FixtureRepo repo = repo()) {
      env.requestCancelActivity();
      RepositoryAnalysisActivity activity = env.newActivityStub(RepositoryAnalysisActivity.class);
      assertThatThrownBy(() -> activity.analyze(new AnalysisInput(repo.url(), null, null)))
          .isInstanceOf(CanceledFailure.class);
      assertThat(tmp.resolve("cache")).doesNotExist();
    }
  }
}
