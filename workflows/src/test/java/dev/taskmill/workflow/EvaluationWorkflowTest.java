package dev.taskmill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.evaluation.EvaluationActivity;
import dev.taskmill.evaluation.EvaluationStatus;
import dev.taskmill.evaluation.EvaluationTask;
import dev.taskmill.evaluation.InstanceVerdict;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** EvaluationWorkflowImpl on the test environment with a fake activity on the Docker queue. */
class EvaluationWorkflowTest {
  @RegisterExtension
  static final TestWorkflowExtension TEMPORAL =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(EvaluationWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  /**
   * Resolves every instance whose id ends in "-1", counts how many run at once, fails for good on
   * "broken".
   */
  static final class FakeActivity implements EvaluationActivity {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();

    @Override
    public InstanceVerdict evaluate(EvaluationTask task) {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(50);
        if (task.instanceId().startsWith("broken")) {
          throw Failures.of(
              FailureType.DOCKER_UNREACHABLE, "the Docker engine at unix:///x does not answer");
        }
        boolean resolved = task.instanceId().endsWith("-1");
        return new InstanceVerdict(
            task.instanceId(),
            task.modelName(),
            EvaluationStatus.TESTS_RAN,
            resolved,
            resolved ? 1 : 0,
            resolved ? 0 : 1,
            3,
            0,
            "",
            null,
            null,
            50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        running.decrementAndGet();
      }
    }
  }

  static EvaluationTask task(String id) {
    return new EvaluationTask(
        id, "model", "/tmp/" + id + ".patch", "/samples/task-1", "/tmp/work/" + id, null);
  }

  static EvaluationResult run(
      TestWorkflowEnvironment env,
      Worker worker,
      FakeActivity activity,
      EvaluationRequest request) {
    env.newWorker(TaskQueues.DOCKER).registerActivitiesImplementations(activity);
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    return client
        .newWorkflowStub(
            EvaluationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(worker.getTaskQueue())
                .setWorkflowId("taskmill/evaluate/test")
                .build())
        .run(request);
  }

  @Nested
  class Verdicts {
    @Test
    void keepThePredictionsOrderAndCountTheResolved(TestWorkflowEnvironment env, Worker worker) {
      FakeActivity activity = new FakeActivity();
      List<EvaluationTask> tasks = List.of(task("a__b-1"), task("a__b-2"), task("c__d-1"));

      EvaluationResult result = run(env, worker, activity, new EvaluationRequest(tasks, 2));

      assertThat(result.verdicts())
          .extracting(InstanceVerdict::instanceId)
          .containsExactly("a__b-1", "a__b-2", "c__d-1");
      assertThat(result.summary()).isEqualTo("resolved 2 of 3");
    }

    @Test
    void anActivityThatFailsForGoodIsAnErrorVerdictNotAFailedEvaluation(
        TestWorkflowEnvironment env, Worker worker) {
      EvaluationResult result =
          run(
              env,
              worker,
              new FakeActivity(),
              new EvaluationRequest(List.of(task("broken__x-1"), task("a__b-1")), 1));

      assertThat(result.verdicts()).hasSize(2);
      assertThat(result.verdicts().get(0).status()).isEqualTo(EvaluationStatus.ENVIRONMENT_FAILED);
      assertThat(result.verdicts().get(0).detail()).contains("does not answer");
      assertThat(result.verdicts().get(1).resolved()).isTrue();
    }
  }

  @Nested
  class Parallelism {
    @Test
    void neverRunsMoreThanAskedAtOnce(TestWorkflowEnvironment env, Worker worker) {
      FakeActivity activity = new FakeActivity();
      List<EvaluationTask> tasks =
          IntStream.range(0, 7).mapToObj(i -> task("p__q-" + (i + 2))).toList();

      EvaluationResult result = run(env, worker, activity, new EvaluationRequest(tasks, 3));

      assertThat(result.verdicts()).hasSize(7);
      assertThat(activity.most.get()).isBetween(1, 3);
    }

    @Test
    void anEmptyEvaluationEndsAtOnce(TestWorkflowEnvironment env, Worker worker) {
      assertThat(
              run(env, worker, new FakeActivity(), new EvaluationRequest(List.of(), 4)).summary())
          .isEqualTo("resolved 0 of 0");
    }
  }
}
