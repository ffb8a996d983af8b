package dev.taskmill.cli;

import dev.taskmill.client.TaskmillClient;
import dev.taskmill.client.TaskmillException;
import dev.taskmill.phase.Phase;
import dev.taskmill.workflow.PhaseProgress;
import dev.taskmill.workflow.PhaseState;
import dev.taskmill.workflow.Progress;
import dev.taskmill.workflow.SampleResult;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Polls a run's progress query and redraws the board until the run ends. On a terminal it redraws
 * in place; otherwise (CI logs, pipes) it prints one line for each phase that changes state.
 */
final class LiveBoard {
  private static final long POLL_MILLIS = 500;

  /**
   * A progress query that takes longer is abandoned for this tick; the SDK retries a dead server
   * for minutes.
   */
  private static final long QUERY_WAIT_MILLIS = 5_000;

  private final TaskmillClient client;
  private final PrintStream out;
  private final boolean terminal;
  private final ServerWatch server;
  private final ExecutorService background =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "taskmill-board");
            thread.setDaemon(true);
            return thread;
          });
  private CompletableFuture<Progress> query;
  private volatile Progress latest;
  private int drawnLines;
  private final Map<Phase, PhaseState> lastStates = new EnumMap<>(Phase.class);

  LiveBoard(TaskmillClient client, PrintStream out, boolean terminal, ServerWatch server) {
    this.client = client;
    this.out = out;
    this.terminal = terminal;
    this.server = server;
  }

  /**
   * Draws the board until the run ends; returns its result or throws its TaskmillException, whose
   * log names are then full paths into the rejection report.
   */
  SampleResult followToEnd(String workflowId) throws Exception {
    try {
      return follow(workflowId, () -> client.await(workflowId));
    } catch (TaskmillException failure) {
      throw LogPaths.resolve(failure, latest == null ? null : latest.detail());
    }
  }

  /**
   * Runs {@code waitForResult} in the background and draws the board until it completes. Throws a
   * one-line UserError when the server stops answering, since the SDK's own wait would retry a dead
   * server for minutes.
   */
  <T> T follow(String workflowId, Supplier<T> waitForResult) throws Exception {
    CompletableFuture<T> result = CompletableFuture.supplyAsync(waitForResult, background);
    try {
      while (true) {
        try {
          T value = result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
          drawNow(workflowId);
          return value;
        } catch (TimeoutException stillRunning) {
          server.check(workflowId);
          drawLatest(workflowId);
        } catch (ExecutionException e) {
          if (!server.answersNow()) {
            throw server.gone(workflowId);
          }
          drawNow(workflowId);
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    } finally {
      background.shutdownNow();
    }
  }

  /**
   * Draws the answer of the last query if there is one and asks again; never waits for the server.
   */
  void drawLatest(String workflowId) {
    if (query != null && !query.isDone()) {
      return;
    }
    if (query != null) {
      Progress progress = query.getNow(null);
      if (progress != null) {
        draw(progress);
      }
    }
    query =
        CompletableFuture.supplyAsync(() -> client.progress(workflowId), background)
            .exceptionally(notYetAnswering -> null);
  }

  /** Draws the board now, waiting a bounded time for the query (as the run ended). */
  void drawNow(String workflowId) {
    Progress progress = queryNow(workflowId);
    if (progress != null) {
      draw(progress);
    }
  }

  /**
   * The run's board, waiting a bounded time for the query; null when the server does not answer in
   * time.
   */
  Progress queryNow(String workflowId) {
    try {
      return CompletableFuture.supplyAsync(() -> client.progress(workflowId), background)
          .get(QUERY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException noAnswer) {
      return null; // the result decides what is printed; a missing board is not worth waiting for
    }
  }

  void draw(Progress progress) {
    latest = progress;
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
      // Logs and pipes get one line per phase whose state changed, never the whole board again.
      for (int i = 0; i < progress.phases().size(); i++) {
        PhaseProgress phase = progress.phases().get(i);
        if (phase.state() != lastStates.put(phase.phase(), phase.state())
            && phase.state() != PhaseState.WAITING) {
          out.println(lines.get(i).stripTrailing());
        }
      }
    }
    out.flush();
  }
}
