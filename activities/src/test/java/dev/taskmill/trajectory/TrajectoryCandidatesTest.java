package dev.taskmill.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.analysis.Language;
import dev.taskmill.diff.PatchFile;
import dev.taskmill.diff.UnifiedDiffParser;
import dev.taskmill.trajectory.CandidateGenerator.Candidate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wrong-fix candidates, derived from a fix without Docker. */
class TrajectoryCandidatesTest {
  static final String BASE_CALC =
      "def add(a, b):\n    return a + b\n\n\ndef clamp(x, lo, hi):\n    return max(lo, x)\n";
  static final String ONE_HUNK =
      """
      diff --git a/calc.py b/calc.py
      --- a/calc.py
      +++ b/calc.py
      @@ -3,4 +3,4 @@ def add(a, b):
      \s
      \s
       def clamp(x, lo, hi):
      -    return max(lo, x)
      +    return min(hi, max(lo, x))
      """;
  static final String TWO_FILES =
      """
      diff --git a/a.py b/a.py
      --- a/a.py
      +++ b/a.py
      @@ -1,2 +1,3 @@
       def f(x):
      -    return x
      +    if x > 3:
      +        return 3
      +    return x
      diff --git a/b.py b/b.py
      --- a/b.py
      +++ b/b.py
      @@ -1 +1 @@
      -LIMIT = 1
      +LIMIT = 3
      """;
  static final String TESTS =
      """
      diff --git a/tests/test_calc.py b/tests/test_calc.py
      --- a/tests/test_calc.py
      +++ b/tests/test_calc.py
      @@ -1,5 +1,9 @@
      -from calc import add
      +from calc import add, clamp
      \s
      \s
       def test_add():
           assert add(2, 3) == 5
      +
      +
      +def test_clamp_upper():
      +    assert clamp(15, 0, 10) == 10
      """;

  @Test
  void theDiffIsReadIntoHunksWithBothSides() {
    List<PatchFile> fix = UnifiedDiffParser.parseByPrefixes(ONE_HUNK);
    assertThat(fix)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("calc.py");
              assertThat(f.hunks())
                  .singleElement()
                  .satisfies(
                      h -> {
                        assertThat(h.oldText())
                            .isEqualTo("\n\ndef clamp(x, lo, hi):\n    return max(lo, x)\n");
                        assertThat(h.newText())
                            .isEqualTo(
                                "\n\ndef clamp(x, lo, hi):\n    return min(hi, max(lo, x))\n");
                      });
            });
    assertThat(BASE_CALC).contains(fix.get(0).hunks().get(0).oldText());
  }

  @Test
  void theGoldEditsRebuildTheFixAsAPatch() {
    List<PatchFile> fix = UnifiedDiffParser.parseByPrefixes(ONE_HUNK);
    String patch =
        CandidateGenerator.patch(Map.of("calc.py", BASE_CALC), CandidateGenerator.goldEdits(fix));
    assertThat(patch)
        .startsWith("diff --git a/calc.py b/calc.py\n--- a/calc.py\n+++ b/calc.py\n")
        .contains("-    return max(lo, x)\n+    return min(hi, max(lo, x))\n");
  }

  @Test
  void aSingleChangedLineHasNoIncompleteSubsetAndGetsAGuardThenAMutation() {
    List<Candidate> all =
        CandidateGenerator.generate(
            UnifiedDiffParser.parseByPrefixes(ONE_HUNK),
            UnifiedDiffParser.parseByPrefixes(TESTS),
            Map.of("calc.py", BASE_CALC),
            Language.PYTHON);
    assertThat(all)
        .extracting(Candidate::mode)
        .containsExactly(
            FailureMode.SYMPTOM_GUARD, FailureMode.MUTATED_FIX, FailureMode.TEST_EDITED);
    String guard =
        CandidateGenerator.apply(Map.of("calc.py", BASE_CALC), all.get(0).edits()).get("calc.py");
    assertThat(guard)
        .contains(
            "    try:\n        return max(lo, x)\n    except Exception:\n        return None\n");
    String mutated =
        CandidateGenerator.apply(Map.of("calc.py", BASE_CALC), all.get(1).edits()).get("calc.py");
    assertThat(mutated).contains("return max(hi, max(lo, x))");
    assertThat(all.get(2).edits())
        .allSatisfy(e -> assertThat(e.path()).isEqualTo("tests/test_calc.py"));
  }

  @Test
  void severalFilesGiveAStrictSubsetOfFilesFirst() {
    Map<String, String> base = Map.of("a.py", "def f(x):\n    return x\n", "b.py", "LIMIT = 1\n");
    List<Candidate> all =
        CandidateGenerator.generate(
            UnifiedDiffParser.parseByPrefixes(TWO_FILES), List.of(), base, Language.PYTHON);
    assertThat(all.get(0).mode()).isEqualTo(FailureMode.INCOMPLETE_FIX);
    assertThat(all.get(0).edits())
        .extracting(CandidateGenerator.FileEdit::path)
        .containsExactly("a.py");
    Candidate mutation =
        all.stream().filter(c -> c.mode() == FailureMode.MUTATED_FIX).findFirst().orElseThrow();
    assertThat(CandidateGenerator.apply(base, mutation.edits()).get("a.py")).contains("if x >= 3:");
  }

  @Test
  void oneHunkWithSeveralAddedLinesKeepsTheFirstHalf() {
    String diff = TWO_FILES.substring(0, TWO_FILES.indexOf("diff --git a/b.py"));
    Candidate c =
        CandidateGenerator.incomplete(UnifiedDiffParser.parseByPrefixes(diff)).orElseThrow();
    String after =
        CandidateGenerator.apply(Map.of("a.py", "def f(x):\n    return x\n"), c.edits())
            .get("a.py");
    assertThat(after).isEqualTo("def f(x):\n    if x > 3:\n        return 3\n");
  }

  @Test
  void theSameLineElsewhereIsTheWrongLocation() {
    Map<String, String> base = new java.util.LinkedHashMap<>();
    base.put("calc.py", BASE_CALC);
    base.put("other.py", "def limit(x, lo, hi):\n    return max(lo, x)\n");
    Candidate c =
        CandidateGenerator.wrongLocation(UnifiedDiffParser.parseByPrefixes(ONE_HUNK), base)
            .orElseThrow();
    assertThat(c.mode()).isEqualTo(FailureMode.WRONG_LOCATION);
    assertThat(CandidateGenerator.apply(base, c.edits())).containsOnlyKeys("other.py");
    assertThat(CandidateGenerator.apply(base, c.edits()).get("other.py"))
        .contains("return min(hi, max(lo, x))");
  }
}
