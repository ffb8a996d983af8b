package dev.taskmill.cli;

import dev.taskmill.batch.BatchItem;
import dev.taskmill.batch.BatchItemStatus;
import dev.taskmill.batch.BatchProgress;
import dev.taskmill.batch.BatchSummary;
import dev.taskmill.client.TaskmillClient;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows a batch: one line per child that ends, a count line when the counts change, and the
 * summary at the end. Line by line on a terminal too: a batch's list outgrows any screen.
 */
final class BatchBoard {
  /** The batch ended without making a single sample. */
  static final int NO_SAMPLE = 31;

  private static final long POLL_MILLIS = 1_000;

  private final TaskmillClient client;
  private final PrintStream out;
  private final ServerWatch server;
  private final Set<String> printed = new HashSet<>();
  private String lastCounts = "";

  BatchBoard(TaskmillClient client, PrintStream out, ServerWatch server) {
    this.client = client;
    this.out = out;
    this.server = server;
  }

  /**
   * Prints until the batch ends and returns its summary; a failed batch throws its
   * TaskmillException.
   */
  BatchSummary followToEnd(String workflowId) throws Exception {
    CompletableFuture<BatchSummary> result =
        CompletableFuture.supplyAsync(() -> client.awaitBatch(workflowId));
    while (true) {
      try {
        BatchSummary summary = result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        draw(workflowId);
        return summary;
      } catch (TimeoutException stillRunning) {
        server.check(workflowId);
        draw(workflowId);
      } catch (ExecutionException e) {
        if (!server.answersNow()) {
          throw server.gone(workflowId);
        }
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }
  }

  /**
   * Prints what is new; false when no worker answered the query (none polls, or the batch is
   * between two runs).
   */
  boolean draw(String workflowId) {
    BatchProgress progress;
    try {
      progress = client.batchProgress(workflowId);
    } catch (RuntimeException notAnsweringYet) {
      return false;
    }
    for (BatchItem item : progress.ended()) {
      String key = item.workflowId() == null ? item.repoUrl() : item.workflowId();
      if (printed.add(key)) {
        out.println(line(item));
      }
    }
    BatchSummary s = progress.summary();
    String counts =
        String.format(
            "  [%d/%d entries started, %d running] %d sample(s), %d rejected",
            progress.entriesStarted(),
            progress.entriesTotal(),
            progress.running().size(),
            s.samplesMade(),
            s.rejected());
    if (!counts.equals(lastCounts)) {
      out.println(counts);
      lastCounts = counts;
    }
    out.flush();
    return true;
  }

  static String line(BatchItem item) {
    String who = item.workflowId() == null ? item.repoUrl() : item.workflowId();
    String attached = item.attached() ? " (an existing run)" : "";
    if (item.status() == BatchItemStatus.CREATED) {
      return "  + " + who + attached + ": sample at " + item.sampleDir();
    }
    return "  - "
        + who
        + attached
        + ": "
        + item.failure().toLowerCase(java.util.Locale.ROOT)
        + " ("
        + item.line()
        + ")";
  }

  /** The summary: samples made, then rejections by reason and by language. */
  static void printSummary(BatchSummary s, PrintStream out) {
    out.println();
    out.println(
        "Batch done: "
            + s.samplesMade()
            + " sample(s) made, "
            + s.rejected()
            + " rejected"
            + (s.attached() > 0 ? " (" + s.attached() + " were runs that already existed)" : ""));
    print("  samples by language:    ", s.samplesByLanguage(), out);
    print("  rejections by reason:   ", s.rejectionsByReason(), out);
    print("  rejections by language: ", s.rejectionsByLanguage(), out);
  }

  private static void print(String label, Map<String, Integer> counts, PrintStream out) {
    if (counts.isEmpty()) {
      return;
    }
    StringBuilder line = new StringBuilder(label);
    counts.forEach((k, v) -> line.append(k).append(' ').append(v).append(", "));
    out.println(line.substring(0, line.length() - 2));
  }

  /** 0 when the batch made a sample (or had nothing to do), else {@link #NO_SAMPLE}. */
  static int exitCode(BatchSummary s) {
    return s.samplesMade() > 0 || s.finished() == 0 ? 0 : NO_SAMPLE;
  }
}
