package dev.taskmill.worker;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a finished run's history for the replay test when -Dtaskmill.recordHistories=DIR is set, e.g.
 * {@code ./mvnw -pl worker test -Dtaskmill.recordHistories=$PWD/workflows/src/test/resources/histories}.
 */
final class HistoryRecorder {
  private HistoryRecorder() {}

  static void record(WorkflowClient client, String workflowId, String name) {
    String dir = System.getProperty("taskmill.recordHistories");
    if (dir == null || dir.isBlank()) {
      return;
    }
    try {
      Files.writeString(Path.of(dir, name + ".json"), client.fetchHistory(workflowId).toJson(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
