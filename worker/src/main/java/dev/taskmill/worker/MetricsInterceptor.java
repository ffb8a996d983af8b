package dev.taskmill.worker;

import dev.taskmill.assembly.AssemblyInput;
import dev.taskmill.assembly.AssemblyOutput;
import dev.taskmill.assembly.RejectionInput;
import dev.taskmill.environment.EnvironmentInput;
import dev.taskmill.failure.FailureType;
import dev.taskmill.metrics.TaskmillMetrics;
import dev.taskmill.validation.StageResult;
import dev.taskmill.validation.ValidationOutput;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Records taskmill's metrics from what every activity receives, returns and throws, so that the
 * activities' own code (and the Docker code) stays free of metrics: phase durations and outcomes,
 * samples, rejections, the environment phase and each test stage.
 */
public final class MetricsInterceptor extends WorkerInterceptorBase {
  /**
   * Activity type to phase label; the assembly activities end a run rather than belong to a phase.
   */
  static final Map<String, String> PHASES =
      Map.of(
          "AnalyzeRepository",
          "analysis",
          "ExtractPatches",
          "patches",
          "WriteTrajectories",
          "trajectories",
          "PrepareEnvironment",
          "environment",
          "ValidateSample",
          "validation",
          "EnrichMetadata",
          "enrichment",
          "AssembleSample",
          "assembly",
          "RejectSample",
          "rejection",
          "EvaluatePrediction",
          "evaluation");

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private String type;

      @Override
      public void init(ActivityExecutionContext context) {
        type = context.getInfo().getActivityType();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        long started = System.nanoTime();
        try {
          ActivityOutput output = super.execute(input);
          Duration took = Duration.ofNanos(System.nanoTime() - started);
          TaskmillMetrics.phase(phase(type), "ok", took);
          succeeded(type, input.getArguments(), output.getResult(), took);
          return output;
        } catch (RuntimeException | Error e) {
          TaskmillMetrics.phase(
              phase(type), outcome(e), Duration.ofNanos(System.nanoTime() - started));
          throw e;
        }
      }
    };
  }

  static String phase(String activityType) {
    return PHASES.getOrDefault(activityType, "other");
  }

  /** The failure type when it is one of taskmill's (a bounded set), else "error". */
  static String outcome(Throwable failure) {
    if (failure instanceof ApplicationFailure application) {
      boolean known =
          Arrays.stream(FailureType.values()).anyMatch(t -> t.name().equals(application.getType()));
      return known ? application.getType().toLowerCase(Locale.ROOT) : "error";
    }
    return "error";
  }

  private static void succeeded(String type, Object[] arguments, Object result, Duration took) {
    Object input = arguments.length > 0 ? arguments[0] : null;
    if (input instanceof AssemblyInput assembly
        && result instanceof AssemblyOutput sample
        && !sample.alreadyExisted()) {
      TaskmillMetrics.sample("created", assembly.analysis().stack().language().name());
    } else if (input instanceof RejectionInput rejection) {
      TaskmillMetrics.sample("rejected", rejection.language());
      TaskmillMetrics.rejection(
          rejection.failure().name(), rejection.phase() == null ? null : rejection.phase().name());
    } else if (input instanceof EnvironmentInput environment) {
      TaskmillMetrics.imageBuild(environment.stack().language().name(), took);
    } else if (result instanceof ValidationOutput validation) {
      for (StageResult stage : validation.stages()) {
        TaskmillMetrics.stageRun(stage.name(), Duration.ofMillis(stage.millis()));
      }
    }
  }
}
