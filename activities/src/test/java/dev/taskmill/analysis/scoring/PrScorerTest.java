package dev.taskmill.analysis.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.analysis.github.LinkedIssues;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrScorerTest {
  private final PrScorer scorer = new PrScorer();

  private PrScorer.Score score(
      String title,
      String body,
      int tests,
      int sources,
      int others,
      int lines,
      int linked,
      boolean merged) {
    return scorer.score(
        new PrScorer.Input(title, body, tests, sources, others, lines, linked, merged));
  }

  @Nested
  class Eligibility {
    @ParameterizedTest(name = "{0} tests, {1} sources -> eligible {2}")
    @CsvSource({"1, 1, true", "0, 1, false", "1, 0, false", "0, 0, false", "3, 5, true"})
    void needsBothTestAndSourceChanges(int tests, int sources, boolean eligible) {
      PrScorer.Score s = score("Fix crash", "", tests, sources, 0, 20, 0, true);
      assertThat(s.eligible()).isEqualTo(eligible);
      if (!eligible) {
        assertThat(s.value()).isNegative();
        assertThat(s.reasons()).anyMatch(r -> r.startsWith("no "));
      }
    }
  }

  @Nested
  class Words {
    @ParameterizedTest(name = "''{0}'' scores {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Fix crash on empty input               | 5.0",
          "Handle None in parser, regression      | 5.0",
          "Wrong rounding of totals               | 5.0",
          "Add support for YAML                   | -2.0",
          "Refactor the parser                    | -2.0",
          "docs: explain the cache                | -2.0",
          "Bump lodash from 4.17.20 to 4.17.21    | -2.0",
          "Parser tweaks                          | 1.0",
          "Add a missing check to fix the crash   | 5.0",
          "Revert \"Fix crash (#12)\"            | 2.0",
          "latest changes to prefix handling      | 1.0"
        })
    void bugFixWordsRaiseAndChoreWordsLower(String title, double expected) {
      // Small (+1), merged, no body, no linked issue: only the title words differ.
      assertThat(score(title.strip(), "", 1, 1, 0, 20, 0, true).value()).isEqualTo(expected);
    }

    @Test
    void aBugWordInTheBodyCountsLessThanInTheTitle() {
      PrScorer.Score body =
          score(
              "Parser tweaks", "This fixes a crash when the input is empty", 1, 1, 0, 20, 0, true);
      PrScorer.Score title = score("Fix crash on empty input", "", 1, 1, 0, 20, 0, true);
      assertThat(body.value()).isLessThan(title.value()).isGreaterThan(1.0);
      assertThat(body.reasons()).contains("body says 'fixes'");
    }
  }

  @Nested
  class SizeAndState {
    @ParameterizedTest(name = "{0} files, {1} lines -> {2}")
    @CsvSource({
      "2, 40, 1.0",
      "10, 300, 0.0",
      "20, 100, -2.0",
      "4, 800, -2.0",
      "80, 100, -5.0",
      "3, 5000, -5.0",
      "400, 2147483647, -5.0"
    })
    void smallerIsBetter(int files, int lines, double sizePoints) {
      PrScorer.Score s = score("Parser tweaks", "", 1, files - 1, 0, lines, 0, true);
      assertThat(s.value()).isEqualTo(sizePoints);
    }

    @Test
    void linkedIssuesAddAndUnmergedSubtracts() {
      double plain = score("Fix crash", "", 1, 1, 0, 20, 0, true).value();
      assertThat(score("Fix crash", "", 1, 1, 0, 20, 2, true).value())
          .isEqualTo(plain + PrScorer.LINKED_ISSUE);
      PrScorer.Score unmerged = score("Fix crash", "", 1, 1, 0, 20, 0, false);
      assertThat(unmerged.value()).isEqualTo(plain + PrScorer.UNMERGED);
      assertThat(unmerged.reasons()).contains("not merged");
    }

    @Test
    void reasonsExplainEveryPoint() {
      assertThat(score("Fix crash in parser", "", 2, 1, 1, 30, 1, true).reasons())
          .containsExactly(
              "2 test and 1 source file(s) changed",
              "title says 'fix'",
              "links 1 issue(s)",
              "small: 4 files, 30 lines");
    }
  }

  @Nested
  class Links {
    @ParameterizedTest(name = "{0} | {1} -> {3}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Fix crash                  | Fixes #12                         | 40 | 12",
          "Fix crash                  | closes org/repo#3 and resolves #4 | 40 | 3,4",
          "Fix crash (#40)            | ''                                | 40 | ''",
          "Fix crash, see #77         | ''                                | 40 | 77",
          "Fix crash                  | Fixed: https://github.com/a/b/issues/9 | 40 | 9",
          "Fix crash                  | mentions #5 only in passing       | 40 | ''"
        })
    void findsClosingKeywordsAndTitleReferences(
        String title, String body, int pr, String expected) {
      List<Integer> want =
          expected.isBlank()
              ? List.of()
              : java.util.Arrays.stream(expected.split(","))
                  .map(String::trim)
                  .map(Integer::valueOf)
                  .toList();
      assertThat(LinkedIssues.find(title.strip(), body.strip(), pr)).isEqualTo(want);
    }
  }
}
