package dev.taskmill.docker;

import com.github.dockerjava.api.async.ResultCallback;
import dev.taskmill.progress.Heartbeat;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.TemporalFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one wait for a long Docker call (a pull, a build, a container's exit): it beats the heartbeat
 * every {@link #BEAT} until the call's stream ends or the time is up, and lets the heartbeat's
 * cancellation through.
 */
public final class EngineWait {
  /**
   * Far below every heartbeat timeout, and often enough that a cancel stops the work within a few
   * seconds.
   */
  public static final Duration BEAT = Duration.ofSeconds(2);

  private EngineWait() {}

  /**
   * Waits for {@code stream} to end, at most {@code timeout}, beating {@code detail} every {@link
   * #BEAT}.
   *
   * @return true when the stream ended, false when the time was up first (the stream is left open)
   * @throws ActivityCompletionException as the heartbeat throws it: the activity was cancelled or
   *     timed out
   */
  public static boolean await(
      Stream<?> stream, Duration timeout, Heartbeat heartbeat, Supplier<String> detail)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      if (stream.ended(Math.min(left, BEAT.toNanos()))) {
        return true;
      }
      heartbeat.beat(detail.get());
    }
  }

  /**
   * True for what must reach the activity as itself, never as a Docker failure: the heartbeat's
   * cancellation ({@link ActivityCompletionException}) and Temporal failures already typed ({@code
   * Failures.of}, a {@code CanceledFailure}).
   */
  public static boolean passesThrough(Throwable e) {
    return e instanceof ActivityCompletionException || e instanceof TemporalFailure;
  }

  /**
   * A docker-java callback whose end can be waited for again and again. docker-java's own {@code
   * awaitCompletion(timeout)} closes the stream when it returns, even on a timeout, so a second
   * call returns at once as if the work were done (docker-java 3.7.1); this one counts its end on a
   * latch of its own.
   */
  public abstract static class Stream<T> extends ResultCallback.Adapter<T> {
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Throwable error;

    /** The error the stream ended with, or null. */
    public Throwable error() {
      return error;
    }

    @Override
    public void onError(Throwable throwable) {
      error = throwable;
      ended.countDown();
      try {
        close(); // not super.onError: it rethrows nothing we want, and logs a second time
      } catch (IOException ignored) {
        // the stream is gone already
      }
    }

    @Override
    public void onComplete() {
      ended.countDown();
      super.onComplete();
    }

    boolean ended(long nanos) throws InterruptedException {
      return ended.await(nanos, TimeUnit.NANOSECONDS);
    }
  }
}
