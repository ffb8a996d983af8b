package dev.taskmill.enrichment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * What a solver is asked: the PR's title, body and linked issues, cleaned of markdown noise and of
 * the fix's code.
 *
 * @param sources where the statement comes from: "pr-title", "pr-body", "linked-issue #12"
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskGoal(String statement, List<String> sources, LeakCheck leakCheck) {
  public TaskGoal {
    if (statement == null || statement.isBlank()) {
      throw new IllegalArgumentException("the task statement is empty");
    }
    sources = List.copyOf(sources);
    Objects.requireNonNull(leakCheck, "leakCheck");
  }

  /**
   * The fix leak check.
   *
   * @param fixLinesFound lines of the PR text that held an added fix line (>= 12 chars,
   *     whitespace-normalized); each was removed (with its whole code block) before the statement
   *     was written
   * @param checkedLines non-blank lines of the PR text that were checked
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record LeakCheck(int fixLinesFound, int checkedLines) {
    public LeakCheck {
      if (fixLinesFound < 0 || checkedLines < 0 || fixLinesFound > checkedLines) {
        throw new IllegalArgumentException(
            "leak check figures out of range: " + fixLinesFound + "/" + checkedLines);
      }
    }
  }
}
