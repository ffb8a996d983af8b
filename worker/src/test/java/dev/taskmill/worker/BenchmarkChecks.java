package dev.taskmill.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.evaluation.EvaluationStatus;
import dev.taskmill.evaluation.EvaluationTask;
import dev.taskmill.evaluation.InstanceReports;
import dev.taskmill.evaluation.InstanceVerdict;
import dev.taskmill.evaluation.SampleIndex;
import dev.taskmill.export.ExportFormat;
import dev.taskmill.export.ExportSchemas;
import dev.taskmill.export.SampleExporter;
import dev.taskmill.trajectory.Trajectory;
import dev.taskmill.validation.ValidationSettings;
import dev.taskmill.workflow.EvaluationRequest;
import dev.taskmill.workflow.EvaluationResult;
import dev.taskmill.workflow.EvaluationWorkflow;
import dev.taskmill.workflow.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the end-to-end samples must do as a benchmark: {@code taskmill evaluate}'s workflow on the
 * real activities (gold resolves, empty does not, the failed trajectory's patch does not, a patch
 * that does not apply says so) and every export format read back by its schema.
 */
final class BenchmarkChecks {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A patch of a file no fixture has: it can never apply. */
  static final String NOT_APPLYING =
      "diff --git a/no/such/file.txt b/no/such/file.txt\n--- a/no/such/file.txt\n"
          + "+++ b/no/such/file.txt\n@@ -1 +1 @@\n-old\n+new\n";

  private BenchmarkChecks() {}

  /**
   * Evaluates four predictions on the sample of {@code samples} (one task-N) and checks each
   * verdict.
   */
  static EvaluationResult evaluate(
      WorkflowClient client,
      Path samples,
      String workflowId,
      boolean weakTests,
      ValidationSettings settings)
      throws IOException {
    SampleIndex index = SampleIndex.scan(samples);
    SampleIndex.Sample sample = index.samples().get(0);
    Trajectory failed =
        JSON.readValue(sample.dir().resolve("failed_trajectory.json").toFile(), Trajectory.class);
    Map<String, String> patches = new LinkedHashMap<>();
    patches.put("gold", Files.readString(sample.dir().resolve("fix.patch")));
    patches.put("empty", "");
    patches.put("failed", failed.outcome().submittedPatch());
    patches.put("not-applying", NOT_APPLYING);
    List<EvaluationTask> tasks = new ArrayList<>();
    for (var e : patches.entrySet()) {
      // One instance id per sample: each model is its own evaluation run, as SWE-bench runs one
      // model at a time.
      Path work = Files.createDirectories(samples.resolve(".work/eval-" + e.getKey()));
      Path patch = Files.writeString(work.resolve("prediction.patch"), e.getValue());
      tasks.add(
          new EvaluationTask(
              sample.instanceId(),
              e.getKey(),
              patch.toString(),
              sample.dir().toString(),
              work.toString(),
              settings));
    }
    List<InstanceVerdict> verdicts = new ArrayList<>();
    EvaluationResult last = null;
    for (EvaluationTask task : tasks) {
      String id = workflowId + "/" + task.modelName();
      last =
          client
              .newWorkflowStub(
                  EvaluationWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(TaskQueues.LIGHT)
                      .setWorkflowId(id)
                      .build())
              .run(new EvaluationRequest(List.of(task), 2));
      verdicts.addAll(last.verdicts());
    }
    assertThat(verdicts)
        .extracting(InstanceVerdict::modelName)
        .containsExactly("gold", "empty", "failed", "not-applying");
    InstanceVerdict gold = verdicts.get(0);
    assertThat(gold.resolved()).as("the gold patch resolves the sample: " + gold).isTrue();
    assertThat(gold.failToPassFailed() + gold.passToPassFailed()).isZero();
    assertThat(verdicts.get(1).status()).isEqualTo(EvaluationStatus.EMPTY_PATCH);
    assertThat(verdicts.get(1).resolved()).isFalse();
    if (!weakTests) {
      assertThat(verdicts.get(2).resolved())
          .as("the failed trajectory's patch: " + verdicts.get(2))
          .isFalse();
    }
    assertThat(verdicts.get(3).status())
        .as(verdicts.get(3).toString())
        .isEqualTo(EvaluationStatus.PATCH_DOES_NOT_APPLY);
    JsonNode report = InstanceReports.merge(List.of(gold)).get(sample.instanceId());
    assertThat(report.path("resolved").asBoolean()).isTrue();
    assertThat(report.path("tests_status").path("FAIL_TO_PASS").path("success")).isNotEmpty();
    assertThat(report.path("tests_status").path("FAIL_TO_PASS").path("failure")).isEmpty();
    return last;
  }

  /**
   * Every format exported from {@code samples} passes its schema; trajectories answer every tool
   * call.
   */
  static void exportsAreValid(Path samples) throws IOException {
    SampleIndex index = SampleIndex.scan(samples);
    for (ExportFormat format : ExportFormat.values()) {
      StringWriter out = new StringWriter();
      int lines = SampleExporter.export(index, format, out);
      assertThat(lines).as(format.cliName()).isEqualTo(format == ExportFormat.TRAJECTORIES ? 2 : 1);
      assertThat(ExportSchemas.get().validateLines(format, out.toString()))
          .as(format.cliName())
          .isEmpty();
      assertThat(
              JSON.readTree(out.toString().lines().findFirst().orElseThrow())
                  .path("instance_id")
                  .asText())
          .isEqualTo(index.samples().get(0).instanceId());
    }
  }
}
