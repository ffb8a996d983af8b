package dev.taskmill.client;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.util.Duration;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.workflowservice.v1.GetClusterInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.concurrent.TimeUnit;

/** Opens service stubs and clients, and tells a real server from the standalone test server. */
public final class TemporalConnections {
  private TemporalConnections() {}

  /** Stubs to {@code settings.address()}, reporting Temporal's own metrics to {@code registry} when given. */
  public static WorkflowServiceStubs connect(ConnectionSettings settings, MeterRegistry registry) {
    WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder()
        .setTarget(settings.address());
    if (registry != null) {
      Scope scope = new RootScopeBuilder()
          .reporter(new MicrometerClientStatsReporter(registry))
          .reportEvery(Duration.ofSeconds(10));
      options.setMetricsScope(scope);
    }
    return WorkflowServiceStubs.newServiceStubs(options.build());
  }

  public static WorkflowClient client(WorkflowServiceStubs stubs, ConnectionSettings settings) {
    return WorkflowClient.newInstance(stubs,
        WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).build());
  }

  /** True when a Temporal frontend answers at the stubs' address within {@code seconds}. */
  public static boolean answers(WorkflowServiceStubs stubs, long seconds) {
    try {
      stubs.blockingStub().withDeadlineAfter(seconds, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return true;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.UNIMPLEMENTED;
    }
  }

  /**
   * The standalone test server does not implement GetClusterInfo; a real server does. Workers attached to the test
   * server need a zero sticky schedule-to-start timeout, or a killed worker's workflows hang (platform notes).
   */
  public static boolean isTestServer(WorkflowServiceStubs stubs) {
    try {
      stubs.blockingStub().withDeadlineAfter(5, TimeUnit.SECONDS)
          .getClusterInfo(GetClusterInfoRequest.getDefaultInstance());
      return false;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.UNIMPLEMENTED;
    }
  }
}
