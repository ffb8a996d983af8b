package dev.taskmill.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.failure.FailureType;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.testing.DependencyFixtures;
import dev.taskmill.testing.DockerRequirement;
import dev.taskmill.testing.StackFixtures;
import dev.taskmill.verify.DockerRerun;
import dev.taskmill.verify.SampleVerifier;
import dev.taskmill.verify.VerificationReport;
import dev.taskmill.workflow.Outcome;
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
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's Python fixtures through the whole pipeline with every real activity: a runtime
 * dependency and a pytest plugin from PyPI make a sample; a dependency PyPI does not have is one
 * line, exit 35 and no sample. The worker host downloads from PyPI (CI's machines reach it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DependenciesEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  TestWorkflowEnvironment env;
  WorkerFactory workers;
  WorkflowClient client;

  @BeforeAll
  void start() {
    DockerRequirement.client();
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
  }

  SampleResult run(String repo, Path samples) {
    SampleRequest request =
        SampleRequest.builder(repo, samples.toString())
            .pr(1)
            .validation(EndToEndTest.QUICK)
            .build();
    return client
        .newWorkflowStub(
            SampleCreationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.LIGHT)
                .setWorkflowId(WorkflowIds.forRequest(repo, 1, null))
                .build())
        .run(request);
  }

  @Test
  void aProjectWithAPypiDependencyAndAPytestPluginBecomesAValidatedSample() throws IOException {
    StackFixtures.Fixture fixture =
        DependencyFixtures.pythonWithDependencies(tmp.resolve("repo-deps"));
    Path samples = tmp.resolve("samples-deps");

    SampleResult result = run(fixture.url(), samples);

    assertThat(result.outcome()).isEqualTo(Outcome.SAMPLE_CREATED);
    assertThat(result.validation().failToPass()).containsExactlyElementsOf(fixture.failToPass());
    Path sample = Path.of(result.sample().sampleDir());
    JsonNode metadata = JSON.readTree(sample.resolve("metadata.json").toFile());
    assertThat(EndToEndTest.texts(metadata.path("environment").path("dependencyNotes")))
        .singleElement()
        .asString()
        .startsWith(
            "left out " + DependencyFixtures.MISSING_PYPI + "-lint>=1.0 (requirements-dev.txt)");
    VerificationReport verified =
        new SampleVerifier(
                new RepositoryCache(tmp.resolve("cache/repos")),
                new DockerRerun(EndToEndTest.QUICK))
            .verify(sample, true);
    assertThat(verified.passed())
        .as("metadata.json against its schema, and the Docker cycle again: " + verified.checks())
        .isTrue();
  }

  @Test
  void aDependencyThatCannotBeHadIsOneLineExit35AndNoSample() throws IOException {
    String repo = DependencyFixtures.pythonMissingDependency(tmp.resolve("repo-missing")).url();
    Path samples = tmp.resolve("samples-missing");

    assertThatThrownBy(() -> run(repo, samples))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ApplicationFailure.class)
        .satisfies(
            e -> {
              ApplicationFailure failure = (ApplicationFailure) e;
              assertThat(failure.getType()).isEqualTo(FailureType.DEPENDENCY_UNAVAILABLE.name());
              assertThat(failure.getOriginalMessage())
                  .contains(DependencyFixtures.MISSING_PYPI)
                  .doesNotContain("\n");
            });
    assertThat(FailureType.DEPENDENCY_UNAVAILABLE.exitCode()).isEqualTo(35);
    try (Stream<Path> entries = Files.list(samples)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("task-"));
    }
    Path rejected = samples.resolve(".rejected").resolve(WorkflowIds.sampleKey(repo, 1));
    assertThat(Files.readString(rejected.resolve("reason.txt")))
        .contains("DEPENDENCY_UNAVAILABLE")
        .contains(DependencyFixtures.MISSING_PYPI);
  }
}
