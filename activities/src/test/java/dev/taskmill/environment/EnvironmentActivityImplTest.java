package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.docker.DockerClients;
import dev.taskmill.git.RepositoryCache;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentActivityImplTest {
  @TempDir Path tmp;

  private EnvironmentActivityImpl activity() {
    return new EnvironmentActivityImpl(
        new EnvironmentPreparer(
            new ContainerEngine(DockerClients.forHost("tcp://127.0.0.1:1"), "tcp://127.0.0.1:1"),
            new RepositoryCache(tmp.resolve("clones")),
            BaseImages.load(name -> null),
            tmp.resolve("deps")));
  }

  private EnvironmentInput input(Stack stack) {
    return new EnvironmentInput(
        "https://example.com/o/r.git",
        "o/r",
        "a".repeat(40),
        stack,
        tmp.resolve("work").toString(),
        List.of());
  }

  @Test
  void anUnsupportedStackFailsBeforeTouchingDocker() {
    Stack rust = new Stack(Language.RUST, BuildSystem.CARGO, TestFramework.CARGO_TEST, null, "");
    assertThatThrownBy(() -> activity().prepare(input(rust)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("UNSUPPORTED_STACK");
              assertThat(f.getOriginalMessage()).contains("rust/cargo/cargo_test");
            });
  }

  @Test
  void throughTemporalTheFailureKeepsItsTypeAndIsNotRetried() {
    var env = io.temporal.testing.TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(activity());
      EnvironmentActivity stub =
          env.newActivityStub(
              EnvironmentActivity.class,
              io.temporal.activity.ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(java.time.Duration.ofMinutes(1))
                  .build());
      Stack python = new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, null, "");
      assertThatThrownBy(() -> stub.prepare(input(python)))
          .isInstanceOf(io.temporal.failure.ActivityFailure.class)
          .cause()
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> {
                assertThat(f.getType()).isEqualTo("DOCKER_UNREACHABLE");
                assertThat(f.isNonRetryable()).isTrue();
              });
    } finally {
      env.close();
    }
  }

  @Test
  void anUnreachableEngineIsReportedAsSuch() {
    Stack python = new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, ">=3.8", "");
    assertThatThrownBy(() -> activity().prepare(input(python)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("DOCKER_UNREACHABLE");
              assertThat(f.isNonRetryable()).isTrue();
            });
    assertThat(tmp.resolve("work")).doesNotExist();
  }
}
