package dev.taskmill.validation;

import dev.taskmill.validation.report.TestResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The tests a rerun repeats: those whose verdict depends on them, i.e. every test whose outcome is
 * not the same at the base, after tests.patch and after fix.patch (the FAIL_TO_PASS candidates,
 * tests that break, tests that tests.patch adds). A test that passes everywhere is PASS_TO_PASS
 * whatever a rerun would say of it, except that a flaky one would go unnoticed: the price of not
 * running the suite again (docs/validation.md).
 *
 * @param deciding the tests whose verdict depends on them, sorted
 * @param wholeSuite true when there are so many that selecting them would cost as much as the suite
 */
record RerunSelection(List<String> deciding, boolean wholeSuite) {
  RerunSelection {
    deciding = List.copyOf(deciding);
  }

  static RerunSelection of(TestResults base, TestResults fail, TestResults post) {
    TreeSet<String> ids = new TreeSet<>(base.asMap().keySet());
    ids.addAll(fail.asMap().keySet());
    ids.addAll(post.asMap().keySet());
    List<String> deciding = new ArrayList<>();
    for (String id : ids) {
      if (!Objects.equals(base.outcome(id), fail.outcome(id))
          || !Objects.equals(fail.outcome(id), post.outcome(id))) {
        deciding.add(id);
      }
    }
    return new RerunSelection(deciding, deciding.size() > StageRunner.MAX_SELECTED_TESTS);
  }

  /** Nothing to rerun: no outcome differs, so no test can flip and the verdict is already known. */
  boolean isEmpty() {
    return deciding.isEmpty();
  }

  /**
   * The deciding ids that a stage whose first run reported {@code first} can select (see
   * wholeSuite).
   */
  List<String> idsFor(TestResults first) {
    // A test the first run did not report (a file that fails to import, say) cannot be selected by
    // id.
    return deciding.stream().filter(id -> first.outcome(id) != null).toList();
  }
}
