package dev.taskmill.cli;

import dev.taskmill.client.TaskmillClient;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Finds a run by id, turning "not found" into one line. */
final class RunLookup {
  private RunLookup() {}

  static String status(TaskmillClient client, String workflowId) {
    try {
      return client
          .status(workflowId)
          .name()
          .replace("WORKFLOW_EXECUTION_STATUS_", "")
          .toLowerCase();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new UserError(
            UserError.NOT_FOUND,
            "no run with id '"
                + workflowId
                + "' on this server; ids are printed by `taskmill submit`");
      }
      throw e;
    }
  }
}
