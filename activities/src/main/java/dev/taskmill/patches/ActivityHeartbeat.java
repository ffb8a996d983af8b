package dev.taskmill.patches;

import io.temporal.activity.Activity;
import io.temporal.client.ActivityCompletionException;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * Heartbeats a running activity from step lines and from JGit's progress (a first clone on this worker can take
 * longer than the heartbeat timeout). Outside an activity (tests, the CLI) it does nothing. When Temporal reports
 * the activity cancelled, JGit is told through {@link #isCancelled()} and stops.
 */
final class ActivityHeartbeat implements ProgressMonitor, Consumer<String> {
  private static final long MIN_INTERVAL_NANOS = 2_000_000_000L;

  private String task = "";
  private int total;
  private int done;
  private long lastBeat;
  private volatile ActivityCompletionException cancellation;

  @Override
  public void accept(String detail) {
    beat(detail);
    throwIfCancelled();
  }

  @Override
  public void start(int totalTasks) {}

  @Override
  public void beginTask(String title, int totalWork) {
    task = title;
    total = totalWork;
    done = 0;
    beat(title);
  }

  @Override
  public void update(int completed) {
    done += completed;
    long now = System.nanoTime();
    if (now - lastBeat >= MIN_INTERVAL_NANOS) {
      beat(total == UNKNOWN ? task + ": " + done : task + ": " + done + "/" + total);
    }
  }

  @Override
  public void endTask() {}

  @Override
  public boolean isCancelled() {
    return cancellation != null;
  }

  @Override
  public void showDuration(boolean enabled) {}

  /** Rethrows a cancellation seen while JGit was working (JGit callbacks must not throw it themselves). */
  void throwIfCancelled() {
    if (cancellation != null) {
      throw cancellation;
    }
  }

  private void beat(String detail) {
    lastBeat = System.nanoTime();
    try {
      Activity.getExecutionContext().heartbeat(detail);
    } catch (IllegalStateException notInActivity) {
      // Not running inside an activity: nothing to report to.
    } catch (ActivityCompletionException e) {
      cancellation = e;
    }
  }
}
