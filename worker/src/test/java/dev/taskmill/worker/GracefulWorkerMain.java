package dev.taskmill.worker;

import dev.taskmill.client.ConnectionSettings;
import dev.taskmill.client.TemporalConnections;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A worker process for ShutdownGraceTest: one slow activity that heartbeats, and WorkerApp's
 * SIGTERM hook.
 */
public final class GracefulWorkerMain {
  private GracefulWorkerMain() {}

  /**
   * Heartbeats every half second for {@code seconds}, writing "started" and "finished" into {@code
   * markers}.
   */
  @ActivityInterface
  public interface Slow {
    @ActivityMethod
    String work(String markers, int seconds);
  }

  /** Runs the slow activity once. */
  @WorkflowInterface
  public interface SlowFlow {
    @WorkflowMethod
    String run(String markers, int seconds);
  }

  /** The workflow side. */
  public static final class SlowFlowImpl implements SlowFlow {
    @Override
    public String run(String markers, int seconds) {
      return Workflow.newActivityStub(
              Slow.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofMinutes(2))
                  .setHeartbeatTimeout(Duration.ofSeconds(5))
                  .build())
          .work(markers, seconds);
    }
  }

  /** The activity side. */
  public static final class SlowImpl implements Slow {
    @Override
    public String work(String markers, int seconds) {
      write(Path.of(markers, "started"));
      for (int i = 0; i < seconds * 2; i++) {
        Activity.getExecutionContext().heartbeat(i);
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw Activity.wrap(e);
        }
      }
      write(Path.of(markers, "finished"));
      return "done";
    }

    private static void write(Path file) {
      try {
        Files.writeString(file, "x");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Arguments: address, task queue, grace seconds. */
  public static void main(String[] args) throws InterruptedException {
    ConnectionSettings settings = new ConnectionSettings(args[0], "default");
    WorkflowServiceStubs stubs = TemporalConnections.connect(settings, null);
    WorkflowClient client = TemporalConnections.client(stubs, settings);
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(args[1], TaskmillWorkers.options(true, 2));
    worker.registerWorkflowImplementationTypes(SlowFlowImpl.class);
    worker.registerActivitiesImplementations(new SlowImpl());
    factory.start();
    System.out.println("ready");
    WorkerApp.stopGracefullyOnSigterm(
            factory, stubs, Duration.ofSeconds(Integer.parseInt(args[2])), () -> {})
        .await();
  }
}
