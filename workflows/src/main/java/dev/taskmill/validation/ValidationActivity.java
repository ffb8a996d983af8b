package dev.taskmill.validation;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Phase 5: run the tests before any patch, after tests.patch, and after both, each in a fresh
 * container.
 */
@ActivityInterface
public interface ValidationActivity {
  @ActivityMethod(name = "ValidateSample")
  ValidationOutput validate(ValidationInput input);
}
