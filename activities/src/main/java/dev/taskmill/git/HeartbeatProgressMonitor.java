package dev.taskmill.git;

import dev.taskmill.progress.Heartbeat;
import io.temporal.client.ActivityCompletionException;
import java.util.Objects;
import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * A JGit ProgressMonitor that turns clone and fetch progress into heartbeats ("Receiving objects
 * 42%") and reports itself cancelled once a heartbeat says the activity was cancelled, so JGit
 * stops the transfer.
 */
public final class HeartbeatProgressMonitor implements ProgressMonitor {
  private final Heartbeat heartbeat;
  private volatile RuntimeException cancellation;
  private String task = "";
  private int total;
  private int done;
  private int lastPercent = -1;

  public HeartbeatProgressMonitor(Heartbeat heartbeat) {
    this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
  }

  @Override
  public void start(int totalTasks) {
    // Task count is not useful to a person watching; each task reports its own percent.
  }

  @Override
  public void beginTask(String title, int totalWork) {
    task = title == null ? "" : title;
    total = totalWork;
    done = 0;
    lastPercent = -1;
    beat(task);
  }

  @Override
  public void update(int completed) {
    done += completed;
    if (total <= 0) {
      return;
    }
    int percent = (int) Math.min(100, (100L * done) / total);
    // One heartbeat per percent: JGit calls update once per object, far too often to forward each.
    if (percent != lastPercent) {
      lastPercent = percent;
      beat(task + " " + percent + "%");
    }
  }

  @Override
  public void endTask() {
    beat(task + " done");
  }

  @Override
  public boolean isCancelled() {
    return cancellation != null;
  }

  @Override
  public void showDuration(boolean enabled) {
    // Durations are not reported in heartbeats.
  }

  /**
   * Rethrows the cancellation a heartbeat reported, if any; call after a JGit operation fails or
   * returns.
   */
  public void throwIfCancelled() {
    if (cancellation != null) {
      throw cancellation;
    }
  }

  /** The last task and percent reported, for logs and tests. */
  public String lastDetail() {
    return lastPercent < 0 ? task : task + " " + lastPercent + "%";
  }

  private void beat(String detail) {
    if (cancellation != null) {
      return;
    }
    try {
      heartbeat.beat(detail);
    } catch (ActivityCompletionException e) {
      cancellation = e;
    }
  }
}
