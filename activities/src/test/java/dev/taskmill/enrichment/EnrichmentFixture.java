package dev.taskmill.enrichment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.analysis.AnalysisOutput;
import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.PrSource;
import dev.taskmill.analysis.PullRequest;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import dev.taskmill.patches.ExtractionOutput;
import dev.taskmill.trajectory.FailureMode;
import dev.taskmill.trajectory.Trajectory;
import dev.taskmill.trajectory.TrajectoryOutcome;
import dev.taskmill.trajectory.TrajectoryOutput;
import dev.taskmill.trajectory.TrajectoryStep;
import dev.taskmill.validation.StageResult;
import dev.taskmill.validation.ValidationOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A hand-made work area: a python fix, two trajectories, three stages and a rerun, a coverage.json.
 */
final class EnrichmentFixture {
  static final String BASE = "a".repeat(40);
  static final String MERGE = "b".repeat(40);
  static final String F2P = "tests/test_calc.py::test_add_none";
  static final String FIX_PATCH =
      """
      diff --git a/src/calc.py b/src/calc.py
      --- a/src/calc.py
      +++ b/src/calc.py
      @@ -1,4 +1,6 @@
       def add(a, b):
      -    return a - b
      +    if a is None or b is None:
      +        raise ValueError("operands required")
      +    return a + b
      \s
       def sub(a, b):
      """;
  static final String TESTS_PATCH =
      """
      diff --git a/tests/test_calc.py b/tests/test_calc.py
      --- a/tests/test_calc.py
      +++ b/tests/test_calc.py
      @@ -1,2 +1,5 @@
       from src.calc import add
       import pytest
      +def test_add_none():
      +    with pytest.raises(ValueError):
      +        add(None, 1)
      """;
  static final String BODY =
      """
      ## Bug
      The `add` function subtracts its operands. See [the docs](https://example.com/calc).

      <!-- Please describe your change -->
      ```python
      if a is None or b is None:
          raise ValueError("operands required")
      ```
      - [x] tests added
      """;
  static final ObjectMapper JSON = new ObjectMapper();

  final Path work;

  EnrichmentFixture(Path work) {
    this.work = work;
  }

  static TrajectoryStep step(
      int id,
      String phase,
      String tool,
      Map<String, Object> args,
      String observation,
      long millis,
      List<String> opened,
      List<String> edited) {
    return new TrajectoryStep(
        id,
        phase,
        "Step " + id + ": I " + phase + " next.",
        "template",
        new TrajectoryStep.ToolCall("call_" + id, tool, args),
        new TrajectoryStep.Observation(observation, 0, false, observation.length()),
        millis,
        null,
        opened,
        edited,
        true);
  }

  /**
   * Reproduce (writing the test) before the edit, a re-read of calc.py, a verify after the last
   * edit.
   */
  static Trajectory ideal() {
    return trajectory(
        Trajectory.IDEAL,
        List.of(
            step(
                1,
                "explore",
                "bash",
                Map.of("command", "grep -rn 'def add' src"),
                "src/calc.py:1:def add(a, b):",
                310,
                List.of(),
                List.of()),
            step(
                2,
                "read",
                "str_replace_editor",
                Map.of("command", "view", "path", "/repo/src/calc.py"),
                "1\tdef add(a, b):\n2\t    return a - b",
                120,
                List.of("/repo/src/calc.py"),
                List.of()),
            step(
                3,
                "reproduce",
                "bash",
                Map.of("command", "pytest tests/test_calc.py"),
                "FAILED " + F2P + " - Failed: DID NOT RAISE",
                2100,
                List.of(),
                List.of("tests/test_calc.py")),
            step(
                4,
                "read",
                "str_replace_editor",
                Map.of("command", "view", "path", "src/calc.py"),
                "1\tdef add(a, b):",
                90,
                List.of("src/calc.py"),
                List.of()),
            step(
                5,
                "edit",
                "str_replace_editor",
                Map.of("command", "str_replace", "path", "src/calc.py"),
                "The file src/calc.py has been edited.",
                80,
                List.of("src/calc.py"),
                List.of("src/calc.py")),
            step(
                6,
                "verify",
                "bash",
                Map.of("command", "pytest tests/test_calc.py"),
                "2 passed in 0.03s",
                1900,
                List.of(),
                List.of()),
            step(7, "submit", "submit", Map.of(), "submitted", 5, List.of(), List.of())),
        null,
        new TrajectoryOutcome(
            FIX_PATCH,
            new TrajectoryOutcome.TestSplit(List.of(F2P), List.of()),
            new TrajectoryOutcome.TestSplit(List.of(), List.of()),
            true,
            null));
  }

  /** Edits src/utils.py (wrong location) at step 3, goes back to locate, verifies, still fails. */
  static Trajectory failed(String evaluatedBy) {
    return trajectory(
        Trajectory.FAILED,
        List.of(
            step(
                1,
                "explore",
                "bash",
                Map.of("command", "grep -rn add src"),
                "src/utils.py:3:def add_all(xs):",
                300,
                List.of(),
                List.of()),
            step(
                2,
                "read",
                "str_replace_editor",
                Map.of("command", "view", "path", "src/utils.py"),
                "def add_all(xs):",
                100,
                List.of("src/utils.py"),
                List.of()),
            step(
                3,
                "edit",
                "str_replace_editor",
                Map.of("command", "str_replace", "path", "src/utils.py"),
                "The file src/utils.py has been edited.",
                70,
                List.of("src/utils.py"),
                List.of("src/utils.py")),
            step(
                4,
                "locate",
                "bash",
                Map.of("command", "grep -rn 'def add(' src"),
                "src/calc.py:1:def add(a, b):",
                250,
                List.of(),
                List.of()),
            step(
                5,
                "read",
                "str_replace_editor",
                Map.of("command", "view", "path", "src/calc.py"),
                "def add(a, b):",
                95,
                List.of("src/calc.py"),
                List.of()),
            step(
                6,
                "verify",
                "bash",
                Map.of("command", "pytest"),
                "tests/test_calc.py F.\nFAILED "
                    + F2P
                    + " - Failed: DID NOT RAISE <class 'ValueError'>\n1 failed",
                1800,
                List.of(),
                List.of()),
            step(7, "submit", "submit", Map.of(), "submitted", 5, List.of(), List.of())),
        new Trajectory.Divergence(
            3, FailureMode.WRONG_LOCATION, "the guard went into src/utils.py", List.of()),
        new TrajectoryOutcome(
            "diff --git a/src/utils.py b/src/utils.py\n",
            new TrajectoryOutcome.TestSplit(List.of(), List.of(F2P)),
            new TrajectoryOutcome.TestSplit(List.of("tests/test_calc.py::test_sub"), List.of()),
            false,
            evaluatedBy));
  }

  static Trajectory trajectory(
      String kind,
      List<TrajectoryStep> steps,
      Trajectory.Divergence divergence,
      TrajectoryOutcome outcome) {
    return new Trajectory(
        null,
        "acme_calc__pr-42",
        kind,
        new Trajectory.Generator("taskmill", "0.1.0", Trajectory.Generator.DETERMINISTIC, null),
        new Trajectory.Environment("taskmill-sample:def", "sha256:0", BASE, "python", "/repo"),
        "Fix add",
        List.of(),
        steps,
        divergence,
        outcome);
  }

  static PullRequest pr(String body) {
    return new PullRequest(
        42,
        "Fix **add** when an operand is None",
        body,
        "https://github.com/acme/calc/pull/42",
        List.of(7),
        true,
        BASE,
        MERGE,
        PrSource.MERGE_COMMIT,
        "2026-11-01T10:00:00Z");
  }

  ExtractionOutput patches() throws IOException {
    Files.writeString(work.resolve("fix.patch"), FIX_PATCH);
    Files.writeString(work.resolve("tests.patch"), TESTS_PATCH);
    return new ExtractionOutput(
        work.resolve("fix.patch").toString(),
        work.resolve("tests.patch").toString(),
        List.of("src/calc.py"),
        List.of("tests/test_calc.py"),
        List.of(),
        List.of(),
        3,
        1,
        List.of());
  }

  TrajectoryOutput trajectories() throws IOException {
    Files.createDirectories(work.resolve("trajectories"));
    Files.writeString(
        work.resolve("trajectories/failed_eval.log"),
        """
        ============================= test session starts ==============================
        tests/test_calc.py F.                                                     [100%]
        _________________________________ test_add_none _________________________________
        E       Failed: DID NOT RAISE <class 'ValueError'>
        FAILED tests/test_calc.py::test_add_none - Failed: DID NOT RAISE <class 'ValueError'>
        ========================= 1 failed, 1 passed in 0.05s ==========================
        """);
    Path ideal = work.resolve("ideal_trajectory.json");
    Path failed = work.resolve("failed_trajectory.json");
    JSON.writeValue(ideal.toFile(), ideal());
    JSON.writeValue(failed.toFile(), failed("trajectories/failed_eval.log"));
    return new TrajectoryOutput(
        ideal.toString(),
        failed.toString(),
        7,
        7,
        true,
        "WRONG_LOCATION",
        3,
        false,
        List.of(F2P),
        4200);
  }

  StageResult stage(
      String name,
      int exit,
      int run,
      int passed,
      int failed,
      Double coverage,
      long millis,
      List<String> patches)
      throws IOException {
    Path dir = Files.createDirectories(work.resolve("validation").resolve(name));
    Path results = dir.resolve("tests.json");
    JSON.writeValue(
        results.toFile(),
        Map.of(
            "stage",
            name,
            "exitCode",
            exit,
            "timedOut",
            false,
            "patches",
            patches.stream().map(p -> "/work/" + p).toList(),
            "tests",
            Map.of()));
    Path log = work.resolve(name + ".log");
    Files.writeString(log, name + "\n");
    return new StageResult(
        name,
        log.toString(),
        exit,
        false,
        run,
        passed,
        failed,
        0,
        coverage,
        millis,
        results.toString());
  }

  ValidationOutput validation() throws IOException {
    return new ValidationOutput(
        List.of(
            stage("PASS_pre_tests", 0, 1, 1, 0, 80.0, 1200, List.of()),
            stage("FAIL_pre_patch", 1, 2, 1, 1, null, 1100, List.of("01-tests.patch")),
            stage(
                "PASS_post_patch",
                0,
                2,
                2,
                0,
                87.5,
                1150,
                List.of("01-tests.patch", "02-fix.patch")),
            stage("FAIL_pre_patch.rerun1", 1, 2, 1, 1, null, 1000, List.of("01-tests.patch"))),
        List.of(F2P),
        List.of("tests/test_calc.py::test_sub"),
        List.of());
  }

  /**
   * coverage.py JSON for PASS_post_patch: of the added lines 2, 3, 4 of calc.py, 3 was not
   * executed.
   */
  void coverageJson() throws IOException {
    Path dir = Files.createDirectories(work.resolve("validation/PASS_post_patch/out/coverage"));
    Files.writeString(
        dir.resolve("coverage.json"),
        """
        {"meta": {"version": "7.6.1"},
         "files": {"src/calc.py": {"executed_lines": [1, 2, 4, 6, 7], "missing_lines": [3],
                                   "summary": {"covered_lines": 5, "num_statements": 6}}},
         "totals": {"covered_lines": 5, "num_statements": 6, "percent_covered": 83.3}}
        """);
  }

  AnalysisOutput analysis(String body) {
    return new AnalysisOutput(
        "https://github.com/acme/calc",
        "acme/calc",
        "main",
        new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, "3.11", ""),
        pr(body),
        List.of(),
        "only");
  }

  dev.taskmill.enrichment.EnrichmentInput input() throws IOException {
    coverageJson();
    return new dev.taskmill.enrichment.EnrichmentInput(
        "https://github.com/acme/calc",
        work.toString(),
        analysis(BODY),
        patches(),
        validation(),
        trajectories());
  }

  /** The diffSemantics section as the parser-based source would give it. */
  static final String DIFF_SEMANTICS =
      """
      {"parser": {"python": "tree-sitter-python 0.25.0"}, "filesChanged": 1, "linesAdded": 3, "linesRemoved": 1,
       "files": [], "changedSymbols": ["src/calc.py: add"]}
      """;
}
