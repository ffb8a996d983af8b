package dev.taskmill.patches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.git.RepositoryCache;
import dev.taskmill.testing.FixtureRepo;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter inside a real activity context: heartbeats go through, failures keep their type. */
class PatchExtractionActivityImplTest {
  @TempDir Path tmp;
  TestActivityEnvironment env;
  PatchExtractionActivity activity;
  FixtureRepo repo;
  String base;

  @BeforeEach
  void setUp() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new PatchExtractionActivityImpl(new RepositoryCache(tmp.resolve("cache"))));
    activity =
        env.newActivityStub(
            PatchExtractionActivity.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
    repo = FixtureRepo.init(tmp.resolve("origin"));
    repo.write("lib/core.js", "module.exports = (a, b) => a - b;\n")
        .write("test/core.spec.js", "// tests\n");
    base = repo.commit("initial");
  }

  @AfterEach
  void tearDown() {
    repo.close();
    env.close();
  }

  @Test
  void extractsAsAnActivity() throws Exception {
    String merge =
        repo.mergePullRequest(
            31,
            "Fix sum",
            r ->
                r.write("lib/core.js", "module.exports = (a, b) => a + b;\n")
                    .write("test/core.spec.js", "// tests\nit('adds', () => {});\n"));

    ExtractionOutput out =
        activity.extract(
            new ExtractionInput(repo.url(), base, merge, tmp.resolve("w").toString(), 31));

    assertThat(out.fixFiles()).containsExactly("lib/core.js");
    assertThat(out.testFiles()).containsExactly("test/core.spec.js");
    assertThat(Files.readString(Path.of(out.testsPatch()))).contains("+it('adds'");
  }

  @Test
  void aPermanentRejectionKeepsItsTypeAndIsNotRetried() {
    String merge =
        repo.squashPullRequest(32, "Docs", r -> r.write("lib/core.js", "// only source\n"));
    assertThatThrownBy(
            () ->
                activity.extract(
                    new ExtractionInput(repo.url(), base, merge, tmp.resolve("w").toString(), 32)))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("NO_TESTS");
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage()).startsWith("PR #32 changes no test file");
            });
  }
}
