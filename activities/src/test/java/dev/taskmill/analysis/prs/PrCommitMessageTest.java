package dev.taskmill.analysis.prs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a merge or squash commit message names its pull request. */
class PrCommitMessageTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'Merge pull request #12 from alice/fix-crash\n\nFix crash on empty input\n\nLong body' | 12 | Fix crash on empty input | true",
        "'Fix crash on empty input (#34)\n\n* squashed commit'                               | 34 | Fix crash on empty input | false",
        "'Fix crash (#1) (#35)'                                                              | 35 | Fix crash (#1)           | false",
        "'Merge pull request #7 from bob/fix-null-crash'                                     | 7  | fix null crash           | true"
      })
  void readsNumberAndTitle(String message, int number, String title, boolean merge) {
    PrCommitMessage m = PrCommitMessage.parse(message.replace("\\n", "\n")).orElseThrow();
    assertThat(m.number()).isEqualTo(number);
    assertThat(m.title()).isEqualTo(title);
    assertThat(m.mergeSubject()).isEqualTo(merge);
  }

  @ParameterizedTest
  @CsvSource({
    "'Fix crash on empty input'",
    "'Merge branch ''main'' into dev'",
    "'Use #12 style (see docs)'"
  })
  void ordinaryCommitsAreNoPullRequests(String message) {
    assertThat(PrCommitMessage.parse(message)).isEmpty();
  }
}
