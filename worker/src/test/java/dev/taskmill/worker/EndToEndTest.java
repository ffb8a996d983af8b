package dev.taskmill.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.failure.FailureType;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.testing.DockerRequirement;
import dev.taskmill.testing.StackFixtures;
import dev.taskmill.trajectory.Trajectory;
import dev.taskmill.validation.ValidationSettings;
import dev.taskmill.verify.DockerRerun;
import dev.taskmill.verify.SampleVerifier;
import dev.taskmill.verify.VerificationReport;
import dev.taskmill.workflow.Outcome;
import dev.taskmill.workflow.PhaseState;
import dev.taskmill.workflow.SampleCreationWorkflow;
import dev.taskmill.workflow.SampleRequest;
import dev.taskmill.workflow.SampleResult;
import dev.taskmill.workflow.TaskQueues;
import dev.taskmill.workflow.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole pipeline on a Temporal test environment with every real activity: JGit, docker-java and
 * a real engine. Under CI=true these fail when Docker is missing; on a developer machine without
 * Docker they are skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ValidationSettings QUICK = new ValidationSettings(1, 120, 2.0, 2048);

  @TempDir static Path tmp;
  TestWorkflowEnvironment env;
  WorkerFactory workers;
  WorkflowClient client;
  MetricsEndpoint metrics;

  @BeforeAll
  void start() throws IOException {
    DockerRequirement.client();
    metrics = MetricsEndpoint.start(0);
    env = TestWorkflowEnvironment.newInstance();
    client = env.getWorkflowClient();
    workers =
        TaskmillWorkers.start(
            client,
            EnumSet.allOf(QueueRole.class),
            ActivityWiring.create(tmp.resolve("cache")),
            false);
  }

  @AfterAll
  void stop() {
    if (workers != null) {
      workers.shutdownNow();
      env.close();
    }
    if (metrics != null) {
      metrics.close();
    }
  }

  SampleResult run(String repo, Integer pr, Path samples, ValidationSettings settings) {
    SampleRequest request =
        SampleRequest.builder(repo, samples.toString()).pr(pr).validation(settings).build();
    return client
        .newWorkflowStub(
            SampleCreationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.LIGHT)
                .setWorkflowId(WorkflowIds.forRequest(repo, pr, null))
                .build())
        .run(request);
  }

  /** Each stack fixture's language as a metrics label. */
  static final java.util.Map<String, String> LANGUAGE =
      java.util.Map.of(
          "python",
          "python",
          "maven",
          "java",
          "maven-21",
          "java",
          "mocha",
          "javascript",
          "go-modern",
          "go",
          "typescript",
          "typescript");

  /** The changed symbol each stack's fixture fix touches, as diffSemantics names it. */
  static final java.util.Map<String, String> FIXED_SYMBOL =
      java.util.Map.of(
          "python",
          "clamp",
          "maven",
          "clamp",
          "maven-21",
          "clamp",
          "mocha",
          "clamp",
          "go-modern",
          "Clamp",
          "typescript",
          "clamp");

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Samples {
    Stream<Arguments> stacks() {
      // maven-21: release 21 on the JDK 21 image; go-modern: go 1.22 with go-cmp (a toolchain from
      // the Go module proxy, a module from it); typescript: tsc, ts-jest and Node 20 from npm.
      // -Dtaskmill.e2e.stacks=go-modern,typescript runs only those (a developer's loop; CI runs
      // all).
      String only = System.getProperty("taskmill.e2e.stacks", "");
      return Stream.of("python", "maven", "maven-21", "mocha", "go-modern", "typescript")
          .filter(s -> only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(s))
          .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void aFixtureBecomesAValidatedSample(String stack) throws IOException {
      Function<Path, StackFixtures.Fixture> make = StackFixtures.all().get(stack);
      StackFixtures.Fixture fixture = make.apply(tmp.resolve("repo-" + stack));
      Path samples = tmp.resolve("samples-" + stack);

      SampleResult result = run(fixture.url(), null, samples, QUICK);

      assertThat(result.outcome()).isEqualTo(Outcome.SAMPLE_CREATED);
      String page = MetricsScrape.page(metrics);
      assertThat(MetricsScrape.names(page))
          .contains(
              "taskmill_phase_seconds",
              "taskmill_samples_total",
              "taskmill_image_build_seconds",
              "taskmill_stage_run_seconds",
              "taskmill_cache_lookups_total");
      assertThat(page)
          .contains(
              "taskmill_samples_total{language=\""
                  + LANGUAGE.get(stack)
                  + "\",outcome=\"created\"}")
          .contains("taskmill_stage_run_seconds_count{stage=\"FAIL_pre_patch\"}")
          .contains("taskmill_phase_seconds_count{outcome=\"ok\",phase=\"validation\"}")
          .as("each cache a run consults is counted, hit or miss")
          .containsPattern("taskmill_cache_lookups_total\\{cache=\"clone\",result=\"(hit|miss)\"}")
          .containsPattern(
              "taskmill_cache_lookups_total\\{cache=\"dependencies\",result=\"(hit|miss)\"}")
          .containsPattern(
              "taskmill_cache_lookups_total\\{cache=\"environment_image\",result=\"(hit|miss)\"}")
          .containsPattern("taskmill_cache_lookups_total\\{cache=\"sample_image\",result=\"miss\"}")
          .as("no repository or PR as a label")
          .doesNotContain(fixture.url())
          .doesNotContain("repo=");
      Path sample = Path.of(result.sample().sampleDir());
      assertThat(sample).isEqualTo(samples.resolve("task-1"));
      assertThat(sample.resolve("run.sh")).isExecutable();
      for (String file : SampleVerifier.FILES) {
        assertThat(sample.resolve(file)).as(file).isNotEmptyFile();
      }
      JsonNode metadata = JSON.readTree(sample.resolve("metadata.json").toFile());
      assertThat(metadata.toString())
          .contains(fixture.baseCommit())
          .contains(fixture.mergeCommit());
      assertThat(result.validation().failToPass()).containsExactlyElementsOf(fixture.failToPass());
      if (stack.equals("maven-21")) {
        assertThat(metadata.path("toolchainVersion").asText())
            .as("the JDK the sample runs with")
            .isEqualTo("21");
        assertThat(metadata.path("toolchainRequired").asText()).isEqualTo("21");
        assertThat(metadata.path("environment").path("baseImage").asText())
            .as("a JDK 21 image (taskmill/java:21-maven offline)")
            .contains("21");
      }
      assertThat(result.validation().passToPass()).isNotEmpty();
      if (!stack.equals("mocha")) { // the mocha fixture has no c8 among its dependencies
        assertThat(result.validation().stages())
            .filteredOn(s -> s.name().equals("PASS_post_patch"))
            .singleElement()
            .as("the pass logs carry coverage")
            .extracting(s -> s.lineCoverage())
            .isNotNull();
      }
      assertThat(result.validation().stages())
          .filteredOn(s -> s.name().startsWith("FAIL_pre_patch"))
          .as("the fail stage and the reruns measure no coverage")
          .allSatisfy(s -> assertThat(s.lineCoverage()).isNull());
      assertThat(metadata.path("diffSemantics").path("changedSymbols").toString())
          .as("the changed function, found by parsing")
          .contains(FIXED_SYMBOL.get(stack));
      assertThat(result.progress().phases())
          .allSatisfy(p -> assertThat(p.state()).isEqualTo(PhaseState.DONE));
      try (Stream<Path> entries = Files.list(samples)) {
        assertThat(entries.map(p -> p.getFileName().toString()))
            .as("one sample, nothing half-written next to it")
            .containsOnly("task-1", ".lock", ".work");
      }
      try (Stream<Path> work = Files.list(samples.resolve(".work"))) {
        assertThat(work).as("the work area is cleaned up").isEmpty();
      }

      VerificationReport verified =
          new SampleVerifier(
                  new RepositoryCache(tmp.resolve("cache/repos")), new DockerRerun(QUICK))
              .verify(sample, true);
      assertThat(verified.passed()).as(verified.checks().toString()).isTrue();

      Trajectory failed =
          JSON.readValue(sample.resolve("failed_trajectory.json").toFile(), Trajectory.class);
      assertThat(failed.outcome().resolved()).isFalse();
      // taskmill evaluate's workflow on this sample: gold, empty, the failed trajectory's patch, a
      // stray patch.
      BenchmarkChecks.evaluate(
          client,
          samples,
          "taskmill/evaluate/e2e-" + stack,
          result.trajectories().weakTests(),
          QUICK);
      HistoryRecorder.record(
          client, "taskmill/evaluate/e2e-" + stack + "/gold", "evaluation-gold-" + stack);
      BenchmarkChecks.exportsAreValid(samples);
      Trajectory ideal =
          JSON.readValue(sample.resolve("ideal_trajectory.json").toFile(), Trajectory.class);
      assertThat(ideal.outcome().resolved()).isTrue();

      HistoryRecorder.record(
          client, WorkflowIds.forRequest(fixture.url(), null, null), "six-phases-sample-" + stack);
      SampleResult again = run(fixture.url(), null, samples, QUICK);
      assertThat(again.sample().sampleDir())
          .as("the same work submitted twice")
          .isEqualTo(sample.toString());
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class UnavailableDependencies {
    Stream<Arguments> cases() {
      return Stream.of(
          Arguments.of(
              "go module",
              (Function<Path, StackFixtures.Fixture>)
                  dir ->
                      StackFixtures.goModernWith(
                          dir,
                          "module example.com/calc\n\ngo 1.22\n\nrequire example.com/taskmill-no-such-module v1.0.0\n"),
              FailureType.DEPENDENCY_UNAVAILABLE,
              "example.com/taskmill-no-such-module@v1.0.0"),
          Arguments.of(
              "go toolchain",
              (Function<Path, StackFixtures.Fixture>)
                  dir -> StackFixtures.goModernWith(dir, "module example.com/calc\n\ngo 1.99.0\n"),
              FailureType.TOOLCHAIN_UNAVAILABLE,
              "go.mod asks for go1.99.0, which cannot be had from the Go module proxy"),
          Arguments.of(
              "npm package",
              (Function<Path, StackFixtures.Fixture>) StackFixtures::typescriptWithMissingPackage,
              FailureType.DEPENDENCY_UNAVAILABLE,
              "taskmill-fixture-no-such-package-4f1c"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isOneLineAndLeavesNoSample(
        String name, Function<Path, StackFixtures.Fixture> make, FailureType expected, String named)
        throws IOException {
      StackFixtures.Fixture fixture =
          make.apply(tmp.resolve("unavailable-" + name.replace(' ', '-')));
      Path samples = tmp.resolve("samples-unavailable-" + name.replace(' ', '-'));

      assertThatThrownBy(() -> run(fixture.url(), 1, samples, QUICK))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> {
                assertThat(f.getType()).isEqualTo(expected.name());
                assertThat(f.getOriginalMessage()).contains(named).doesNotContain("\n");
              });
      try (Stream<Path> entries = Files.list(samples)) {
        assertThat(entries.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.startsWith("task-"));
      }
      if (Files.isDirectory(samples.resolve(".work"))) {
        try (Stream<Path> work = Files.list(samples.resolve(".work"))) {
          assertThat(work).as("nothing half-written in the work area").isEmpty();
        }
      }
      assertThat(
              samples
                  .resolve(".rejected")
                  .resolve(WorkflowIds.sampleKey(fixture.url(), 1))
                  .resolve("reason.txt"))
          .content()
          .contains(expected.name());
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Rejections {
    Stream<Arguments> cases() {
      return Stream.of(
          Arguments.of(
              "tests do not compile",
              (Function<Path, String>) NegativeFixtures::testsDoNotCompile,
              FailureType.TESTS_DO_NOT_COMPILE),
          Arguments.of(
              "no test flips",
              (Function<Path, String>) NegativeFixtures::noTestFlips,
              FailureType.NO_TEST_FLIPS),
          Arguments.of(
              "base tests fail",
              (Function<Path, String>) NegativeFixtures::baseTestsFail,
              FailureType.BASE_TESTS_FAIL),
          Arguments.of(
              "a test hangs",
              (Function<Path, String>) NegativeFixtures::testHangs,
              FailureType.STAGE_TIMEOUT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedWithItsReasonAndLeavesNoSample(
        String name, Function<Path, String> fixture, FailureType expected) throws IOException {
      String repo = fixture.apply(tmp.resolve("neg-" + name.replace(' ', '-')));
      Path samples = tmp.resolve("samples-neg-" + name.replace(' ', '-'));
      ValidationSettings settings = new ValidationSettings(1, 20, 2.0, 1024);

      assertThatThrownBy(() -> run(repo, 7, samples, settings))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOf(ApplicationFailure.class)
          .satisfies(
              e -> assertThat(((ApplicationFailure) e).getType()).isEqualTo(expected.name()));

      try (Stream<Path> entries = Files.list(samples)) {
        assertThat(entries.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.startsWith("task-"));
      }
      HistoryRecorder.record(
          client,
          WorkflowIds.forRequest(repo, 7, null),
          "rejected-" + expected.name().toLowerCase());
      Path rejected = samples.resolve(".rejected").resolve(WorkflowIds.sampleKey(repo, 7));
      assertThat(Files.readString(rejected.resolve("reason.txt"))).contains(expected.name());
      assertThat(MetricsScrape.page(metrics))
          .contains(
              "taskmill_rejections_total{phase=\"validation\",reason=\""
                  + expected.name().toLowerCase()
                  + "\"}")
          .contains("taskmill_samples_total{language=\"python\",outcome=\"rejected\"}");
    }
  }

  @Nested
  class CandidateRetry {
    @Test
    void withoutAPrNumberARejectedPickMovesOnToTheNextCandidate() throws IOException {
      String repo = NegativeFixtures.firstPickDoesNotFlip(tmp.resolve("retry"));
      Path samples = tmp.resolve("samples-retry");

      SampleResult result = run(repo, null, samples, QUICK);

      assertThat(result.outcome()).isEqualTo(Outcome.SAMPLE_CREATED);
      assertThat(result.analysis().pullRequest().number()).isEqualTo(7);
      assertThat(result.progress().candidatesLeft())
          .singleElement()
          .satisfies(
              left -> {
                assertThat(left.prNumber()).isEqualTo(8);
                assertThat(left.failure()).isEqualTo(FailureType.NO_TEST_FLIPS.name());
                assertThat(left.rejectedDir()).endsWith(WorkflowIds.sampleKey(repo, 8));
              });
      HistoryRecorder.record(
          client, WorkflowIds.forRequest(repo, null, null), "six-phases-candidate-retry");
      assertThat(
              samples
                  .resolve(".rejected")
                  .resolve(WorkflowIds.sampleKey(repo, 8))
                  .resolve("reason.txt"))
          .content()
          .contains("NO_TEST_FLIPS");
      try (Stream<Path> entries = Files.list(samples)) {
        assertThat(entries.map(p -> p.getFileName().toString()))
            .filteredOn(n -> n.startsWith("task-"))
            .containsExactly("task-1");
      }
    }

    @Test
    void withAPrNumberARejectionEndsTheRun() {
      String repo = NegativeFixtures.firstPickDoesNotFlip(tmp.resolve("retry-pr"));

      assertThatThrownBy(() -> run(repo, 8, tmp.resolve("samples-retry-pr"), QUICK))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOf(ApplicationFailure.class)
          .satisfies(
              e ->
                  assertThat(((ApplicationFailure) e).getType())
                      .isEqualTo(FailureType.NO_TEST_FLIPS.name()));
    }
  }

  @Nested
  class EnvironmentNoise {
    @Test
    void aBaseFailureOutsideThePrsTestsIsInNeitherList() {
      String repo = NegativeFixtures.unrelatedBaseFailure(tmp.resolve("noise"));
      SampleResult result = run(repo, 7, tmp.resolve("samples-noise"), QUICK);

      assertThat(result.validation().failToPass())
          .containsExactly("tests/test_clamp.py::test_upper");
      assertThat(result.validation().passToPass())
          .contains("tests/test_calc.py::test_add")
          .doesNotContain("tests/test_env.py::test_needs_a_pager");
    }
  }

  @Nested
  class Flaky {
    @Test
    void aFlakyTestIsInNeitherList() throws IOException {
      String repo = NegativeFixtures.withFlakyTest(tmp.resolve("flaky"));
      SampleResult result = run(repo, 7, tmp.resolve("samples-flaky"), QUICK);

      assertThat(result.validation().failToPass())
          .containsExactly("tests/test_clamp.py::test_upper");
      assertThat(result.validation().flaky())
          .containsExactly("tests/test_clamp.py::test_timing_sensitive");
      assertThat(result.validation().passToPass())
          .doesNotContain("tests/test_clamp.py::test_timing_sensitive");
    }
  }
}
