package dev.taskmill.validation;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.stage.StageContract;
import dev.taskmill.validation.report.TestOutcome;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Optional;

/**
 * Decides right after a stage whether the sample is already lost, from the stage contract's exit
 * codes (0 passed, 1 tests failed, 3 a patch does not apply, 4 the build failed) and, for the base,
 * the reports.
 */
final class StageGate {
  static final int MAX_NAMED = 3;

  private StageGate() {}

  /** The rejection this stage causes, if any; the caller throws it after its logs are safe. */
  static Optional<ApplicationFailure> check(StageRun run, int timeoutSeconds) {
    return check(run, timeoutSeconds, TestScope.everything());
  }

  /**
   * As above; a base failure only rejects when its test comes from a file tests.patch touches, or
   * when no test passes at the base at all. Other base failures (an environment without a pager, a
   * locale...) fail in every stage and so are in neither list.
   */
  static Optional<ApplicationFailure> check(StageRun run, int timeoutSeconds, TestScope scope) {
    String name = run.stage().name();
    String log = name + ".log";
    if (run.timedOut()) {
      return reject(
          FailureType.STAGE_TIMEOUT,
          "stage "
              + name
              + " did not finish within "
              + timeoutSeconds
              + " s and was killed (see "
              + log
              + "): a test hangs, or raise the stage timeout");
    }
    int exit = run.exitCode();
    StageRole role = run.stage().role();
    if (role == StageRole.OTHER) {
      return Optional.empty();
    }
    if (StageContract.Exit.PATCH_FAILED.is(exit)) {
      String which =
          switch (role) {
            case TESTS_ONLY -> "tests.patch does not apply on the base commit";
            case TESTS_AND_FIX -> "fix.patch does not apply after tests.patch";
            default -> "a patch does not apply";
          };
      return reject(
          FailureType.PATCH_DOES_NOT_APPLY, which + " (stage " + name + ", see " + log + ")");
    }
    if (StageContract.Exit.BUILD_FAILED.is(exit)) {
      return switch (role) {
        case BASE ->
            reject(
                FailureType.BASE_BUILD_FAILED,
                "the environment image built, but the project does not"
                    + " build in it at the base commit (stage "
                    + name
                    + " exited 4, see "
                    + log
                    + "): a dependency or"
                    + " tool the build needs is missing from the image or the offline caches");
        case TESTS_ONLY ->
            reject(
                FailureType.TESTS_DO_NOT_COMPILE,
                "tests.patch does not compile without the fix"
                    + " (stage "
                    + name
                    + " exited 4, see "
                    + log
                    + "): no test could run, so no test can be shown to fail");
        default ->
            reject(
                FailureType.ENVIRONMENT_BUILD_FAILED,
                "the project does not build after tests.patch and"
                    + " fix.patch (stage "
                    + name
                    + " exited 4, see "
                    + log
                    + ")");
      };
    }
    if (exit != 0 && exit != 1) {
      return reject(
          FailureType.ENVIRONMENT_BUILD_FAILED,
          "the stage script itself failed with exit code "
              + exit
              + " in stage "
              + name
              + " (see "
              + log
              + "): check run.sh and the image");
    }
    if (role != StageRole.BASE && run.tests().isEmpty()) {
      // Without reports every test would look "absent", and absent counts as failing: refuse to
      // guess.
      return reject(
          FailureType.ENVIRONMENT_BUILD_FAILED,
          "stage "
              + name
              + " exited "
              + exit
              + " but wrote no"
              + " test report to /taskmill/out/reports (see "
              + log
              + "): run.sh must write JUnit XML, jest JSON or"
              + " go test -json there");
    }
    if (role == StageRole.BASE) {
      List<String> failing =
          run.tests().ids(TestOutcome.FAILED).stream().filter(scope::contains).toList();
      if (!run.tests().ids(TestOutcome.FAILED).isEmpty()
          && run.tests().ids(TestOutcome.PASSED).isEmpty()) {
        return reject(
            FailureType.BASE_TESTS_FAIL,
            "no test passes at the base commit ("
                + run.tests().ids(TestOutcome.FAILED).size()
                + " fail, see "
                + log
                + ")");
      }
      if (!failing.isEmpty()) {
        return reject(
            FailureType.BASE_TESTS_FAIL,
            failing.size()
                + " test(s) already fail at the base commit: "
                + named(failing)
                + " (see "
                + log
                + ")");
      }
      if (exit == 1 && run.tests().ids(TestOutcome.FAILED).isEmpty()) {
        return reject(
            FailureType.BASE_TESTS_FAIL,
            "the base tests exited 1 but no report names a failing test" + " (see " + log + ")");
      }
    }
    return Optional.empty();
  }

  /** At most three names, then how many more. */
  static String named(List<String> ids) {
    String shown = String.join(", ", ids.subList(0, Math.min(MAX_NAMED, ids.size())));
    return ids.size() > MAX_NAMED ? shown + " and " + (ids.size() - MAX_NAMED) + " more" : shown;
  }

  private static Optional<ApplicationFailure> reject(FailureType type, String message) {
    return Optional.of(Failures.of(type, message));
  }
}
