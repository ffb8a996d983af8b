package dev.taskmill.cli;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.filter.v1.StartTimeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lists runs through the visibility API (with a list filter), or, on a server without advanced
 * visibility (the in-memory test server), through the open and closed listings merged newest first.
 */
final class RunListing {
  /** What the listing found, and whether it had to fall back to the plain listings. */
  record Result(List<RunRow> rows, boolean plain) {}

  private final WorkflowClient client;

  RunListing(WorkflowClient client) {
    this.client = client;
  }

  /**
   * Up to {@code limit} runs, newest first; {@code query} is a Temporal list filter or null for all
   * runs.
   */
  Result list(String query, int limit) {
    try {
      List<RunRow> rows = client.listExecutions(query).limit(limit).map(RunRow::of).toList();
      return new Result(rows, false);
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.INVALID_ARGUMENT) {
        throw new UserError(
            3,
            "--query is not a valid list filter: "
                + e.getStatus().getDescription()
                + " (e.g. --query \"TaskmillOutcome='failed'\")");
      }
      if (code != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
    }
    if (query != null) {
      // Filtering needs the server's visibility store; listing everything instead would look like
      // matches.
      throw new UserError(
          3,
          "this server cannot filter runs (no advanced visibility, e.g. the in-memory server);"
              + " leave out --query, or use a real server (taskmill server)");
    }
    return new Result(plain(limit), true);
  }

  private List<RunRow> plain(int limit) {
    var stub = client.getWorkflowServiceStubs().blockingStub();
    String namespace = client.getOptions().getNamespace();
    // The plain listings want a start-time window; everything since the epoch is every run.
    StartTimeFilter always =
        StartTimeFilter.newBuilder()
            .setEarliestTime(Timestamp.getDefaultInstance())
            .setLatestTime(Timestamp.newBuilder().setSeconds(253402300799L))
            .build();
    List<WorkflowExecutionInfo> found = new ArrayList<>();
    ByteString token = ByteString.EMPTY;
    do {
      var page =
          stub.withDeadlineAfter(10, TimeUnit.SECONDS)
              .listOpenWorkflowExecutions(
                  ListOpenWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setMaximumPageSize(limit)
                      .setStartTimeFilter(always)
                      .setNextPageToken(token)
                      .build());
      found.addAll(page.getExecutionsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty() && found.size() < limit);
    token = ByteString.EMPTY;
    int open = found.size();
    do {
      var page =
          stub.withDeadlineAfter(10, TimeUnit.SECONDS)
              .listClosedWorkflowExecutions(
                  ListClosedWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setMaximumPageSize(limit)
                      .setStartTimeFilter(always)
                      .setNextPageToken(token)
                      .build());
      found.addAll(page.getExecutionsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty() && found.size() - open < limit);
    var converter = client.getOptions().getDataConverter();
    return found.stream()
        .map(info -> RunRow.of(new WorkflowExecutionMetadata(info, converter)))
        .sorted(
            Comparator.comparing(RunRow::start, Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(limit)
        .toList();
  }
}
