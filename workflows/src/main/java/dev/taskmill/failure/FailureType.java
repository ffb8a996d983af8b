package dev.taskmill.failure;

/**
 * Every way a sample can fail, with whether Temporal may retry it and the CLI exit code it maps to.
 */
public enum FailureType {
  INVALID_INPUT(false, 3, "the input is not valid"),
  REPO_UNREACHABLE(false, 4, "the repository cannot be reached"),
  NO_SUCH_PR(false, 5, "no such pull request"),
  NO_SUITABLE_PR(false, 6, "no pull request qualifies as a bug fix with tests"),
  NO_TESTS(false, 7, "the pull request changes no test"),
  NO_SOURCE_CHANGE(false, 8, "the pull request changes no source file"),
  PATCH_DOES_NOT_APPLY(false, 9, "a patch does not apply on the base commit"),
  UNSAFE_PATCH(false, 10, "a patch path escapes the repository"),
  UNSUPPORTED_STACK(false, 11, "the stack is not supported"),
  TOOLCHAIN_UNAVAILABLE(false, 12, "no image offers the toolchain the project needs"),
  DOCKER_UNREACHABLE(false, 13, "the Docker engine cannot be reached"),
  ENVIRONMENT_BUILD_FAILED(false, 14, "the environment image does not build"),
  BASE_TESTS_FAIL(false, 15, "the base tests already fail"),
  TESTS_DO_NOT_COMPILE(false, 16, "the test patch does not compile without the fix"),
  NO_TEST_FLIPS(false, 17, "no test goes from fail to pass"),
  PASS_TO_FAIL(false, 18, "a test goes from pass to fail"),
  STAGE_TIMEOUT(false, 19, "a test stage timed out"),
  CANCELLED(false, 20, "the run was cancelled"),
  /**
   * The image built, but the project's own build fails in it before any patch (exit 4 of the base
   * stage).
   */
  BASE_BUILD_FAILED(false, 27, "the project does not build at the base commit"),
  /**
   * A dependency the project needs cannot be had on the host: a Python requirement the tests import
   * or a pytest plugin the configuration names, an npm package or git dependency the code loads, a
   * Go module.
   */
  DEPENDENCY_UNAVAILABLE(false, 35, "a dependency the project needs cannot be had"),
  /**
   * The project's lockfile belongs to a package manager taskmill does not run (yarn 2+ Plug'n'Play,
   * ...).
   */
  PACKAGE_MANAGER_UNSUPPORTED(false, 41, "the project's package manager is not supported"),
  TRANSIENT(true, 1, "a transient error"),
  INTERNAL(true, 1, "an internal error");

  private final boolean retryable;
  private final int exitCode;
  private final String meaning;

  FailureType(boolean retryable, int exitCode, String meaning) {
    this.retryable = retryable;
    this.exitCode = exitCode;
    this.meaning = meaning;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The process exit code of the CLI for this failure; 0 and 2 (usage) are never used here. */
  public int exitCode() {
    return exitCode;
  }

  public String meaning() {
    return meaning;
  }

  /**
   * Whether this failure is about the picked PR rather than the repository or the machine: when
   * taskmill picked the PR itself, it may then move on to the next candidate.
   */
  public boolean candidateSpecific() {
    return switch (this) {
      case NO_TESTS,
          NO_SOURCE_CHANGE,
          PATCH_DOES_NOT_APPLY,
          UNSAFE_PATCH,
          TOOLCHAIN_UNAVAILABLE,
          ENVIRONMENT_BUILD_FAILED,
          BASE_BUILD_FAILED,
          DEPENDENCY_UNAVAILABLE,
          PACKAGE_MANAGER_UNSUPPORTED,
          BASE_TESTS_FAIL,
          TESTS_DO_NOT_COMPILE,
          NO_TEST_FLIPS,
          PASS_TO_FAIL,
          STAGE_TIMEOUT ->
          true;
      default -> false;
    };
  }

  /** Reads a failure type from an ApplicationFailure type string; unknown strings are INTERNAL. */
  public static FailureType fromType(String type) {
    if (type == null) {
      return INTERNAL;
    }
    for (FailureType t : values()) {
      if (t.name().equals(type)) {
        return t;
      }
    }
    return INTERNAL;
  }
}
