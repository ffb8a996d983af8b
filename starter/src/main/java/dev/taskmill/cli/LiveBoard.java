package dev.taskmill.cli;

import dev.taskmill.client.TaskmillClient;
import dev.taskmill.workflow.Progress;
import dev.taskmill.workflow.SampleResult;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Polls a run's progress query and redraws the board until the run ends. On a terminal it redraws in place;
 * otherwise (CI logs, pipes) it prints the board again only when a phase changes state.
 */
final class LiveBoard {
  private static final long POLL_MILLIS = 500;

  private final TaskmillClient client;
  private final PrintStream out;
  private final boolean terminal;
  private int drawnLines;
  private String lastStates = "";

  LiveBoard(TaskmillClient client, PrintStream out, boolean terminal) {
    this.client = client;
    this.out = out;
    this.terminal = terminal;
  }

  /** Draws the board until the run ends; returns its result or throws its TaskmillException. */
  SampleResult followToEnd(String workflowId) throws Exception {
    return follow(workflowId, () -> client.await(workflowId));
  }

  /** Runs {@code waitForResult} in the background and draws the board until it completes. */
  <T> T follow(String workflowId, Supplier<T> waitForResult) throws Exception {
    CompletableFuture<T> result = CompletableFuture.supplyAsync(waitForResult);
    while (true) {
      try {
        T value = result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        drawLatest(workflowId);
        return value;
      } catch (TimeoutException stillRunning) {
        drawLatest(workflowId);
      } catch (java.util.concurrent.ExecutionException e) {
        drawLatest(workflowId);
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }
  }

  void drawLatest(String workflowId) {
    Progress progress;
    try {
      progress = client.progress(workflowId);
    } catch (RuntimeException notYetAnswering) {
      return;
    }
    draw(progress);
  }

  void draw(Progress progress) {
    List<String> lines = PhaseBoard.render(progress, System.currentTimeMillis());
    if (terminal) {
      StringBuilder sb = new StringBuilder();
      if (drawnLines > 0) {
        sb.append("\033[").append(drawnLines).append('A');
      }
      for (String line : lines) {
        sb.append("\033[2K").append(line).append('\n');
      }
      out.print(sb);
      drawnLines = lines.size();
    } else {
      String states = progress.phases().stream().map(p -> p.state().name()).reduce("", String::concat)
          + progress.outcome();
      if (!states.equals(lastStates)) {
        lines.forEach(out::println);
        out.println();
        lastStates = states;
      }
    }
    out.flush();
  }
}
