package dev.taskmill.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatchTextTest {
  private static final String JGIT =
      """
      diff --git a/calc.py b/calc.py
      index 1a2b3c4..5d6e7f8 100644
      --- a/calc.py
      +++ b/calc.py
      @@ -4,2 +4,2 @@
       def clamp(x, lo, hi):
      -    return max(lo, x)
      +    return min(hi, max(lo, x))
      """;

  @Test
  void gitAndJgitWritingsOfTheSameChangeAreTheSame() {
    String git =
        JGIT.replace("index 1a2b3c4..5d6e7f8 100644", "index 1a2b3c4d5e..5d6e7f8a9b 100644")
            .replace("@@ -4,2 +4,2 @@", "@@ -4,2 +4,2 @@ def add(a, b):");
    assertThat(PatchText.sameChanges(JGIT, git)).isTrue();
  }

  @Test
  void aDifferentLineIsADifferentChange() {
    assertThat(PatchText.sameChanges(JGIT, JGIT.replace("min(hi,", "min(lo,"))).isFalse();
  }

  @Test
  void anEmptyDiffIsNeverTheSame() {
    assertThat(PatchText.sameChanges("", "")).isFalse();
  }
}
