package dev.taskmill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays histories recorded from real runs against today's workflow code: a change that would
 * break running workflows (non-determinism) fails here; the evaluation histories
 * (evaluation-*.json) replay EvaluationWorkflowImpl, the batch histories (batch-*.json)
 * BatchWorkflowImpl. Histories are recorded by HistoryRecorder in the worker module.
 */
class SampleCreationWorkflowReplayTest {
  static final Path HISTORIES = Path.of("src/test/resources/histories");

  static Stream<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      var list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertThat(list).as("committed workflow histories in " + HISTORIES).isNotEmpty();
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void replaysWithoutNonDeterminism(Path history) throws Exception {
    WorkflowExecutionHistory recorded =
        WorkflowExecutionHistory.fromJson(Files.readString(history));
    // Each history names its workflow type; the replayer picks the matching implementation.
    WorkflowReplayer.replayWorkflowExecution(
        recorded,
        SampleCreationWorkflowImpl.class,
        EvaluationWorkflowImpl.class,
        BatchWorkflowImpl.class);
  }
}
