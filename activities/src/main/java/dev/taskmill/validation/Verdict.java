package dev.taskmill.validation;

import dev.taskmill.validation.report.TestOutcome;
import dev.taskmill.validation.report.TestResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The per-test verdict of pass, fail, pass with reruns (docs/sample-format.md): a test missing from
 * a run counts as "absent", and a test whose outcome differs between runs of the same stage is
 * flaky and in neither list.
 *
 * @param passToFail tests that passed before (base or after tests.patch) and fail after the fix
 */
public record Verdict(
    List<String> failToPass, List<String> passToPass, List<String> flaky, List<String> passToFail) {
  public Verdict {
    failToPass = List.copyOf(failToPass);
    passToPass = List.copyOf(passToPass);
    flaky = List.copyOf(flaky);
    passToFail = List.copyOf(passToFail);
  }

  /**
   * @param base the run before any patch
   * @param failRuns the runs after tests.patch (first run and reruns)
   * @param postRuns the runs after tests.patch and fix.patch
   */
  public static Verdict of(
      TestResults base, List<TestResults> failRuns, List<TestResults> postRuns) {
    if (failRuns.isEmpty() || postRuns.isEmpty()) {
      throw new IllegalArgumentException("a verdict needs at least one fail run and one post run");
    }
    TreeSet<String> ids = new TreeSet<>(base.asMap().keySet());
    failRuns.forEach(r -> ids.addAll(r.asMap().keySet()));
    postRuns.forEach(r -> ids.addAll(r.asMap().keySet()));
    List<String> f2p = new ArrayList<>();
    List<String> p2p = new ArrayList<>();
    List<String> flaky = new ArrayList<>();
    List<String> p2f = new ArrayList<>();
    for (String id : ids) {
      if (changes(id, failRuns) || changes(id, postRuns)) {
        flaky.add(id);
        continue;
      }
      TestOutcome before = base.outcome(id);
      TestOutcome fail = failRuns.get(0).outcome(id);
      TestOutcome post = postRuns.get(0).outcome(id);
      if (post == TestOutcome.PASSED) {
        if (fail == TestOutcome.PASSED) {
          p2p.add(id);
        } else if (fail == null || fail == TestOutcome.FAILED) {
          f2p.add(id);
        }
      } else if (post == TestOutcome.FAILED
          && (fail == TestOutcome.PASSED || before == TestOutcome.PASSED)) {
        p2f.add(id);
      }
    }
    return new Verdict(f2p, p2p, flaky, p2f);
  }

  private static boolean changes(String id, List<TestResults> runs) {
    TestOutcome first = runs.get(0).outcome(id);
    return runs.stream().anyMatch(r -> !Objects.equals(r.outcome(id), first));
  }
}
