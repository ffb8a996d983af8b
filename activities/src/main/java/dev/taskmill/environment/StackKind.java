package dev.taskmill.environment;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Stack;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;

/**
 * The stacks taskmill can build an environment for, each with its base-image key and run.sh
 * template.
 */
public enum StackKind {
  PYTHON("python", "python"),
  MAVEN("java", "maven"),
  GRADLE("gradle", "gradle"),
  NPM("node", "npm"),
  GO("go", "go");

  private final String imageKey;
  private final String template;

  StackKind(String imageKey, String template) {
    this.imageKey = imageKey;
    this.template = template;
  }

  /** The key of the base image in stacks.properties and TASKMILL_IMAGE_&lt;KEY&gt;. */
  public String imageKey() {
    return imageKey;
  }

  /** The name of the stage template (resource stage-&lt;name&gt;.sh). */
  public String template() {
    return template;
  }

  /** The kind of a detected stack, or UNSUPPORTED_STACK naming it. */
  public static StackKind of(Stack stack) {
    StackKind kind =
        switch (stack.language()) {
          case PYTHON -> PYTHON;
          case JAVA ->
              stack.buildSystem() == BuildSystem.GRADLE
                  ? GRADLE
                  : stack.buildSystem() == BuildSystem.MAVEN ? MAVEN : null;
          case JAVASCRIPT, TYPESCRIPT -> stack.buildSystem() == BuildSystem.NPM ? NPM : null;
          case GO -> GO;
          default -> null;
        };
    if (kind == null) {
      throw Failures.of(
          FailureType.UNSUPPORTED_STACK,
          "taskmill cannot build an environment for "
              + stack.describe()
              + ": supported are python/pytest, java with maven or gradle, "
              + "javascript/typescript with npm, and go");
    }
    return kind;
  }
}
