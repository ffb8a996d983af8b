package dev.taskmill.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmill.trajectory.FailureMode;
import dev.taskmill.trajectory.Trajectory;
import dev.taskmill.trajectory.TrajectoryOutcome;
import dev.taskmill.trajectory.TrajectoryStep;
import java.util.List;
import java.util.Map;

/**
 * Hand-made sample documents (trajectories, metadata.json with the seven enrichment sections) for
 * tests.
 */
public final class SampleDocuments {
  public static final ObjectMapper JSON = new ObjectMapper();

  private SampleDocuments() {}

  /**
   * A small trajectory of the given kind ("ideal" or "failed"): find, open, edit, run the tests,
   * submit.
   */
  public static Trajectory trajectory(String kind, String sampleKey, String baseCommit) {
    List<Trajectory.ToolSpec> tools =
        List.of(
            new Trajectory.ToolSpec(
                "bash",
                "Run a shell command in the repository.",
                Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of("command", Map.of("type", "string")),
                    "required",
                    List.of("command"))),
            new Trajectory.ToolSpec(
                "str_replace_editor",
                "View or edit a file.",
                Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of(
                        "command",
                        Map.of("type", "string"),
                        "path",
                        Map.of("type", "string"),
                        "old_str",
                        Map.of("type", "string"),
                        "new_str",
                        Map.of("type", "string")))),
            new Trajectory.ToolSpec(
                "submit", "Submit the current diff.", Map.of("type", "object")));
    List<TrajectoryStep> steps =
        List.of(
            step(
                1,
                "locate",
                "Find where clamp is defined.",
                "bash",
                Map.of("command", "grep -rn 'def clamp' ."),
                "./calc.py:5:def clamp(x, lo, hi):",
                0,
                List.of(),
                List.of(),
                true),
            step(
                2,
                "read",
                "Read clamp.",
                "str_replace_editor",
                Map.of("command", "view", "path", "calc.py"),
                "def clamp(x, lo, hi):\n    return max(lo, x)\n",
                0,
                List.of("calc.py"),
                List.of(),
                true),
            step(
                3,
                "edit",
                "clamp ignores hi: bound it.",
                "str_replace_editor",
                Map.of(
                    "command",
                    "str_replace",
                    "path",
                    "calc.py",
                    "old_str",
                    "return max(lo, x)",
                    "new_str",
                    "return min(hi, max(lo, x))"),
                "The file calc.py has been edited.",
                0,
                List.of(),
                List.of("calc.py"),
                true),
            step(
                4,
                "verify",
                "Run the tests.",
                "bash",
                Map.of("command", "python -m pytest -q tests/test_calc.py"),
                "2 passed in 0.01s",
                0,
                List.of(),
                List.of(),
                true),
            step(
                5,
                "submit",
                "Submit.",
                "submit",
                Map.of(),
                "submitted",
                0,
                List.of(),
                List.of(),
                false));
    boolean failed = Trajectory.FAILED.equals(kind);
    Trajectory.Divergence divergence =
        failed
            ? new Trajectory.Divergence(
                3,
                FailureMode.INCOMPLETE_FIX,
                "only part of the fix",
                List.of("E   assert 15 == 10"))
            : null;
    TrajectoryOutcome outcome =
        new TrajectoryOutcome(
            "--- a/calc.py\n+++ b/calc.py\n",
            new TrajectoryOutcome.TestSplit(
                failed ? List.of() : List.of("tests/test_calc.py::test_clamp_upper"),
                failed ? List.of("tests/test_calc.py::test_clamp_upper") : List.of()),
            new TrajectoryOutcome.TestSplit(List.of("tests/test_calc.py::test_add"), List.of()),
            !failed,
            "PASS_post_patch.log");
    return new Trajectory(
        null,
        sampleKey,
        kind,
        new Trajectory.Generator("taskmill", "0.1.0", Trajectory.Generator.DETERMINISTIC, null),
        new Trajectory.Environment(
            "taskmill-sample/x:abc", null, baseCommit, "python/pip/pytest", "/testbed"),
        "clamp(x, lo, hi) ignores its upper bound: clamp(15, 0, 10) returns 15.",
        tools,
        steps,
        divergence,
        outcome);
  }

  static TrajectoryStep step(
      int id,
      String phase,
      String thought,
      String tool,
      Map<String, Object> args,
      String output,
      int exitCode,
      List<String> opened,
      List<String> edited,
      boolean gold) {
    return new TrajectoryStep(
        id,
        phase,
        thought,
        "template",
        new TrajectoryStep.ToolCall("call_" + id, tool, args),
        new TrajectoryStep.Observation(output, exitCode, false, output.length()),
        100L * id,
        new TrajectoryStep.Tokens(5, 7, 11),
        opened,
        edited,
        gold);
  }

  /**
   * metadata.json as MetadataWriter writes it today, plus the seven enrichment sections of
   * docs/enrichment.md.
   */
  public static ObjectNode metadata(
      String sampleKey,
      String repoUrl,
      String baseCommit,
      String mergeCommit,
      List<String> failToPass) {
    String text =
        """
        {
          "sampleKey": "%s",
          "repo": {"url": "%s", "name": "calc", "defaultBranch": "main"},
          "pullRequest": {"number": 1, "title": "Fix clamp ignoring the upper bound", "body": "", "url": null,
            "merged": true, "source": "MERGE_COMMIT", "mergedAt": null, "linkedIssues": []},
          "baseCommit": "%s", "mergeCommit": "%s",
          "language": "python", "buildSystem": "pip", "testFramework": "pytest", "toolchainVersion": "3.11",
          "toolchainRequired": "3.10",
          "projectDir": "",
          "patches": {"fix": {"file": "fix.patch", "files": ["calc.py"]},
            "tests": {"file": "tests.patch", "files": ["tests/test_calc.py"]}, "other": {"files": []},
            "binaryFiles": [], "linesAdded": 4, "linesRemoved": 1, "notes": []},
          "FAIL_TO_PASS": [], "PASS_TO_PASS": ["tests/test_calc.py::test_add"], "flaky": [],
          "stages": [{"name": "PASS_pre_tests", "log": "PASS_pre_tests.log", "exitCode": 0, "timedOut": false,
            "testsRun": 1, "passed": 1, "failed": 0, "skipped": 0, "lineCoverage": 81.2, "millis": 900}],
          "environment": {"baseImage": "taskmill/python:3.11", "environmentImage": "taskmill-env/python:1",
            "sampleImage": "taskmill-sample/x:abc", "user": "1000:1000"},
          "candidates": [{"number": 1, "score": 5.0}],
          "pickReason": "the only PR",
          "timings": {"phaseMillis": {"ANALYSIS": 10, "VALIDATION": 900}, "totalMillis": 910},
          "toolVersion": "0.1.0", "createdAt": "2026-11-25T18:40:16Z",
          "taskGoal": {"statement": "clamp ignores its upper bound", "sources": ["pr-title"],
            "leakCheck": {"fixLinesFound": 0, "checkedLines": 1}},
          "failureModeAnalysis": {"mode": "INCOMPLETE_FIX", "label": "incomplete fix",
            "failureClass": "incorrect-fix", "divergenceStep": 3, "description": "only part of the fix",
            "stillFailing": ["tests/test_calc.py::test_clamp_upper"], "evidence": ["E   assert 15 == 10"],
            "weakTests": false},
          "stepLevelMetrics": {"tokenizer": {"library": "jtokkit", "encoding": "o200k_base"},
            "totalSteps": {"idealTrajectory": 5, "failedTrajectory": 5},
            "toolCalls": {"idealTrajectory": {"bash": 2, "str_replace_editor": 2, "submit": 1},
              "failedTrajectory": {"bash": 2, "str_replace_editor": 2, "submit": 1}},
            "perStep": {"idealTrajectory": [{"id": 1, "phase": "locate", "tool": "bash", "wallMillis": 100,
                "tokens": {"thought": 5, "action": 7, "observation": 11, "total": 23}}], "failedTrajectory": []},
            "totals": {"idealTrajectory": {"wallMillis": 1500, "tokens": 115},
              "failedTrajectory": {"wallMillis": 1500, "tokens": 115}}},
          "diffSemantics": {"parser": {"python": "tree-sitter-python 0.25.0"}, "filesChanged": 2,
            "linesAdded": 4, "linesRemoved": 1,
            "files": [{"path": "calc.py", "role": "fix", "language": "python", "linesAdded": 1, "linesRemoved": 1,
              "hunks": [{"oldStart": 5, "oldLines": 2, "newStart": 5, "newLines": 2,
                "symbols": [{"kind": "function", "name": "clamp", "qualifiedName": "clamp"}]}],
              "symbols": [{"kind": "function", "name": "clamp", "qualifiedName": "clamp"}]}],
            "changedSymbols": ["calc.py: clamp"]},
          "testExecution": {"framework": "pytest", "command": "bash /taskmill/run.sh stage",
            "runs": [{"stage": "PASS_pre_tests", "patches": [], "exitCode": 0, "timedOut": false, "testsRun": 1,
              "passed": 1, "failed": 0, "skipped": 0, "durationMillis": 900, "lineCoverage": 81.2}],
            "FAIL_TO_PASS": [], "PASS_TO_PASS": ["tests/test_calc.py::test_add"], "flaky": [],
            "coverage": {"PASS_pre_tests": 81.2, "PASS_post_patch": null},
            "fixLineCoverage": {"coveredLines": 1, "changedLines": 1, "ratio": 1.0}},
          "navigationMetrics": {"goldFiles": ["calc.py"],
            "idealTrajectory": {"filesOpened": ["calc.py"], "filesEdited": ["calc.py"], "editPrecision": 1.0,
              "editRecall": 1.0, "stepsToFirstGoldFileView": 2},
            "failedTrajectory": {"filesOpened": ["calc.py"], "filesEdited": ["calc.py"], "editPrecision": 1.0,
              "editRecall": 1.0, "stepsToFirstGoldFileView": null}},
          "planAndMemorySignals": {
            "idealTrajectory": {"thoughts": 5, "reproducedBeforeEdit": false, "verificationRunsAfterLastEdit": 1,
              "fileRereads": 0, "planChanges": 0},
            "failedTrajectory": {"thoughts": 5, "reproducedBeforeEdit": false, "verificationRunsAfterLastEdit": 0,
              "fileRereads": 0, "planChanges": 0}}
        }
        """
            .formatted(sampleKey, repoUrl, baseCommit, mergeCommit);
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(text);
      failToPass.forEach(root.withArray("FAIL_TO_PASS")::add);
      failToPass.forEach(((ObjectNode) root.get("testExecution")).withArray("FAIL_TO_PASS")::add);
      return root;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
