package dev.taskmill.worker;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.TemporalFailure;

/**
 * Makes every activity failure a {@link FailureType}: what an activity throws untyped (an
 * UncheckedIOException, an IllegalStateException from a library) leaves the worker as {@code
 * Failures.of(INTERNAL, one line)}, retried like before but with a type and one line instead of a
 * Java class name and a stack of messages. Typed failures and the heartbeat's cancellation pass
 * untouched.
 */
public final class TypedFailureInterceptor extends WorkerInterceptorBase {
  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private String type = "activity";

      @Override
      public void init(ActivityExecutionContext context) {
        type = context.getInfo().getActivityType();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } catch (TemporalFailure | ActivityCompletionException e) {
          throw e;
        } catch (RuntimeException e) {
          throw Failures.of(FailureType.INTERNAL, type + " failed: " + oneLine(e), e);
        }
      }
    };
  }

  /** The exception's own message on one line, or its class's simple name when it has none. */
  static String oneLine(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message.strip().replaceAll("\\s+", " ");
  }
}
