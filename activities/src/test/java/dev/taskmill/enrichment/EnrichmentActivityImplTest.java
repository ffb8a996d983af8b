package dev.taskmill.enrichment;

import static dev.taskmill.enrichment.EnrichmentFixture.F2P;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.tokens.TokenCounter;
import dev.taskmill.trajectory.FailureMode;
import dev.taskmill.trajectory.Trajectory;
import dev.taskmill.trajectory.TrajectoryStep;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EnrichmentActivityImplTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final TokenCounter COUNTER = TokenCounter.standard();

  @TempDir Path work;
  EnrichmentFixture fixture;
  EnrichmentActivityImpl activity;

  @BeforeEach
  void setUp() {
    fixture = new EnrichmentFixture(work);
    activity = new EnrichmentActivityImpl(input -> JSON.readTree(EnrichmentFixture.DIFF_SEMANTICS));
  }

  EnrichmentSections sections() throws Exception {
    return new Enricher(input -> JSON.readTree(EnrichmentFixture.DIFF_SEMANTICS), COUNTER)
        .sections(fixture.input(), Heartbeat.none());
  }

  @Nested
  class Activity {
    @Test
    void writesEnrichmentJsonWithExactlyTheSevenKeys() throws Exception {
      EnrichmentOutput out = activity.enrich(fixture.input());

      assertThat(out.sections()).isEqualTo(work.resolve("enrichment.json").toString());
      JsonNode root = JSON.readTree(work.resolve("enrichment.json").toFile());
      List<String> keys = new ArrayList<>();
      root.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactlyElementsOf(EnrichmentSections.KEYS);
      assertThat(out.changedSymbols()).containsExactly("src/calc.py: add");
      assertThat(out.idealEditPrecision()).isEqualTo(1.0);
      assertThat(out.fixLinesCovered()).isEqualTo(0.6667);
      assertThat(out.tokenEncoding()).isEqualTo("o200k_base");
      assertThat(root.at("/testExecution/FAIL_TO_PASS/0").asText()).isEqualTo(F2P);
      assertThat(root.at("/stepLevelMetrics/totalSteps/idealTrajectory").asInt()).isEqualTo(7);
      assertThat(root.at("/failureModeAnalysis/mode").asText()).isEqualTo("WRONG_LOCATION");
      try (Stream<Path> files = Files.list(work)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.startsWith(".enrichment-"));
      }
    }

    @Test
    void aMissingTrajectoryFileIsAnInvalidInput() throws Exception {
      var input = fixture.input();
      Files.delete(Path.of(input.trajectories().failedTrajectory()));
      assertThatThrownBy(() -> activity.enrich(input))
          .isInstanceOf(ApplicationFailure.class)
          .satisfies(e -> assertThat(((ApplicationFailure) e).getType()).isEqualTo("INVALID_INPUT"))
          .hasMessageContaining("failed_trajectory.json");
    }
  }

  @Nested
  class TaskGoalSection {
    @Test
    void theStatementHasTheTitleBodyAndIssueButNotTheFixLinesPastedInTheBody() throws Exception {
      TaskGoal goal = sections().taskGoal();

      assertThat(goal.statement())
          .startsWith("Fix add when an operand is None")
          .contains("The `add` function subtracts its operands. See the docs.")
          .contains("Linked issue: #7.")
          .doesNotContain("operands required")
          .doesNotContain("a is None or b is None")
          .doesNotContain("<!--")
          .doesNotContain("https://example.com")
          .doesNotContain("## ")
          .doesNotContain("[x]");
      assertThat(goal.sources()).containsExactly("pr-title", "pr-body", "linked-issue #7");
      assertThat(goal.leakCheck().fixLinesFound()).isEqualTo(2);
      assertThat(goal.leakCheck().checkedLines()).isEqualTo(6);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "The fix: `return a + b` instead of a - b. | 1",
          "return a+b                               | 0",
          "It should return the sum                 | 0",
        })
    void aLineHoldingAnAddedFixLineOfTwelveCharsIsALeak(String line, int leaks) {
      TaskGoal goal =
          TaskGoalBuilder.build(
              EnrichmentFixture.pr("Context.\n" + line), EnrichmentFixture.FIX_PATCH);
      assertThat(goal.leakCheck().fixLinesFound()).isEqualTo(leaks);
      assertThat(goal.statement().contains(line.strip())).isEqualTo(leaks == 0);
    }
  }

  @Nested
  class FailureModeSection {
    @Test
    void theModeDivergenceAndEvidenceComeFromTheFailedRun() throws Exception {
      FailureModeAnalysis f = sections().failureModeAnalysis();

      assertThat(f.mode()).isEqualTo(FailureMode.WRONG_LOCATION);
      assertThat(f.label()).isEqualTo("wrong location");
      assertThat(f.failureClass()).isEqualTo("localization");
      assertThat(f.divergenceStep()).isEqualTo(3);
      assertThat(f.description()).isEqualTo("the guard went into src/utils.py");
      assertThat(f.stillFailing()).containsExactly(F2P);
      assertThat(f.evidence())
          .containsExactly(
              "FAILED tests/test_calc.py::test_add_none - Failed: DID NOT RAISE <class 'ValueError'>");
      assertThat(f.weakTests()).isFalse();
    }

    @Test
    void withoutAnEvaluationLogTheVerifyObservationIsTheEvidence() throws Exception {
      var input = fixture.input();
      JSON.writeValue(
          Path.of(input.trajectories().failedTrajectory()).toFile(),
          EnrichmentFixture.failed("../outside.log"));
      FailureModeAnalysis f =
          new FailureModeAnalysisBuilder(work)
              .build(TrajectoryPair.read(input.trajectories()), input.trajectories());
      assertThat(f.evidence())
          .containsExactly(
              "FAILED tests/test_calc.py::test_add_none - Failed: DID NOT RAISE <class 'ValueError'>");
    }

    @ParameterizedTest
    @CsvSource({
      "tests/test_calc.py::test_add_none, test_add_none",
      "com.acme.CalcTest#addsNone, addsNone",
      "com.acme.CalcTest.addsNone(), addsNone",
      "TestAdd/none_operand, none_operand",
      "tests/test_calc.py::test_add[1-2], test_add",
    })
    void shortNames(String id, String name) {
      assertThat(FailureModeAnalysisBuilder.shortName(id)).isEqualTo(name);
    }
  }

  @Nested
  class StepLevelSection {
    @Test
    void tokensAreTheTokenCounterCountsOfThoughtArgumentsAndObservation() throws Exception {
      StepLevelMetrics m = sections().stepLevelMetrics();
      TrajectoryStep step = EnrichmentFixture.ideal().steps().get(2);
      StepLevelMetrics.Step measured = m.perStep().idealTrajectory().get(2);

      assertThat(measured.id()).isEqualTo(3);
      assertThat(measured.tokens().thought()).isEqualTo(COUNTER.count(step.thought())).isPositive();
      assertThat(measured.tokens().action())
          .isEqualTo(COUNTER.count("{\"command\":\"pytest tests/test_calc.py\"}"));
      assertThat(measured.tokens().observation())
          .isEqualTo(COUNTER.count(step.observation().content()));
      assertThat(measured.tokens().total())
          .isEqualTo(
              measured.tokens().thought()
                  + measured.tokens().action()
                  + measured.tokens().observation());
      assertThat(measured.wallMillis()).isEqualTo(2100);
      assertThat(m.tokenizer()).isEqualTo(new StepLevelMetrics.Tokenizer("jtokkit", "o200k_base"));
    }

    @Test
    void stepsToolCallsAndTotals() throws Exception {
      StepLevelMetrics m = sections().stepLevelMetrics();

      assertThat(m.totalSteps()).isEqualTo(new PerTrajectory<>(7, 7));
      assertThat(m.toolCalls().idealTrajectory())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("bash", 3, "str_replace_editor", 3, "submit", 1));
      assertThat(m.totals().idealTrajectory().wallMillis())
          .isEqualTo(310 + 120 + 2100 + 90 + 80 + 1900 + 5);
      assertThat(m.totals().failedTrajectory().tokens())
          .isEqualTo(
              m.perStep().failedTrajectory().stream().mapToLong(s -> s.tokens().total()).sum());
    }
  }

  @Nested
  class TestExecutionSection {
    @Test
    void everyRunWithItsPatchesAndCoverage() throws Exception {
      TestExecution t = sections().testExecution();

      assertThat(t.framework()).isEqualTo("pytest");
      assertThat(t.runs())
          .extracting(TestExecution.Run::stage)
          .containsExactly(
              "PASS_pre_tests", "FAIL_pre_patch", "PASS_post_patch", "FAIL_pre_patch.rerun1");
      assertThat(t.runs().get(2).patches()).containsExactly("tests.patch", "fix.patch");
      assertThat(t.runs().get(1))
          .extracting(
              TestExecution.Run::exitCode,
              TestExecution.Run::failed,
              TestExecution.Run::durationMillis)
          .containsExactly(1, 1, 1100L);
      assertThat(t.coverage())
          .containsExactly(Map.entry("PASS_pre_tests", 80.0), Map.entry("PASS_post_patch", 87.5));
      assertThat(t.failToPass()).containsExactly(F2P);
      assertThat(t.passToPass()).containsExactly("tests/test_calc.py::test_sub");
    }

    @Test
    void fixLineCoverageFromCoveragePyExecutedLines() throws Exception {
      TestExecution.FixLineCoverage c = sections().testExecution().fixLineCoverage();
      assertThat(c.changedLines()).isEqualTo(3);
      assertThat(c.coveredLines()).isEqualTo(2);
      assertThat(c.ratio()).isCloseTo(2 / 3.0, within(0.0001));
      assertThat(c.reason()).isNull();
    }

    @Test
    void goCoverBlocksGivePerLineData() throws Exception {
      String fix =
          """
          diff --git a/calc/calc.go b/calc/calc.go
          --- a/calc/calc.go
          +++ b/calc/calc.go
          @@ -10,2 +10,4 @@ func Add(a, b int) int {
           \tx := a
          +\tif a < 0 {
          +\t\treturn 0
          +\t}
           \treturn x + b
          """;
      Path dir = Files.createDirectories(work.resolve("cov"));
      Files.writeString(
          dir.resolve("cover.out"),
          """
          mode: set
          github.com/acme/calc/calc/calc.go:10.2,11.12 2 1
          github.com/acme/calc/calc/calc.go:11.12,13.3 1 0
          github.com/acme/calc/calc/calc.go:14.2,14.14 1 1
          """);
      TestExecution.FixLineCoverage c = TestExecutionBuilder.fixLineCoverage(fix, dir);
      assertThat(c.changedLines()).isEqualTo(3);
      assertThat(c.coveredLines()).isEqualTo(1);
      assertThat(c.ratio()).isEqualTo(0.3333);
    }

    static Stream<Arguments> unmeasured() {
      return Stream.of(
          Arguments.of(null, null, "no coverage report from PASS_post_patch"),
          Arguments.of(
              "coverage-summary.json",
              "{\"total\": {\"lines\": {\"total\": 10, \"covered\": 8, \"pct\": 80}}}",
              "istanbul json-summary has no per-line data"));
    }

    @ParameterizedTest
    @MethodSource("unmeasured")
    void withoutPerLineDataTheRatioIsNullWithAReason(String file, String content, String reason)
        throws Exception {
      Path dir = Files.createDirectories(work.resolve("cov"));
      if (file != null) {
        Files.writeString(dir.resolve(file), content);
      }
      TestExecution.FixLineCoverage c =
          TestExecutionBuilder.fixLineCoverage(EnrichmentFixture.FIX_PATCH, dir);
      assertThat(c.ratio()).isNull();
      assertThat(c.coveredLines()).isNull();
      assertThat(c.changedLines()).isEqualTo(3);
      assertThat(c.reason()).isEqualTo(reason);
      assertThat(JSON.valueToTree(c).has("ratio")).isTrue();
    }
  }

  @Nested
  class NavigationSection {
    @Test
    void idealEditsOnlyTheGoldFileAndTheReproductionTestDoesNotCount() throws Exception {
      NavigationMetrics n = sections().navigationMetrics();

      assertThat(n.goldFiles()).containsExactly("src/calc.py");
      assertThat(n.idealTrajectory().filesOpened()).containsExactly("src/calc.py");
      assertThat(n.idealTrajectory().filesEdited()).containsExactly("src/calc.py");
      assertThat(n.idealTrajectory().editPrecision()).isEqualTo(1.0);
      assertThat(n.idealTrajectory().editRecall()).isEqualTo(1.0);
      assertThat(n.idealTrajectory().stepsToFirstGoldFileView()).isEqualTo(2);
    }

    @Test
    void theFailedTrajectoryEditsTheWrongFile() throws Exception {
      NavigationMetrics.Navigation f = sections().navigationMetrics().failedTrajectory();

      assertThat(f.filesOpened()).containsExactly("src/utils.py", "src/calc.py");
      assertThat(f.filesEdited()).containsExactly("src/utils.py");
      assertThat(f.editPrecision()).isEqualTo(0.0);
      assertThat(f.editRecall()).isEqualTo(0.0);
      assertThat(f.stepsToFirstGoldFileView()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "''                    | 0.0 | 0.0",
          "src/calc.py           | 1.0 | 0.5",
          "src/calc.py,src/x.py  | 0.5 | 0.5",
          "src/calc.py,src/io.py | 1.0 | 1.0",
          "tests/test_calc.py    | 0.0 | 0.0",
        })
    void precisionAndRecall(String edited, double precision, double recall) {
      List<String> files = edited.isEmpty() ? List.of() : List.of(edited.split(","));
      Trajectory t =
          EnrichmentFixture.trajectory(
              Trajectory.IDEAL,
              List.of(
                  EnrichmentFixture.step(
                      1, "edit", "str_replace_editor", Map.of(), "ok", 1, List.of(), files)),
              null,
              EnrichmentFixture.ideal().outcome());
      NavigationMetrics.Navigation n =
          new NavigationMetricsBuilder(
                  List.of("src/calc.py", "src/io.py"), List.of("tests/test_calc.py"))
              .navigation(t);
      assertThat(n.editPrecision()).isEqualTo(precision);
      assertThat(n.editRecall()).isEqualTo(recall);
      assertThat(n.stepsToFirstGoldFileView()).isNull();
    }
  }

  @Nested
  class PlanAndMemorySection {
    @Test
    void idealReproducesBeforeTheEditRereadsOnceAndVerifiesAfter() throws Exception {
      PlanAndMemorySignals.Signals s = sections().planAndMemorySignals().idealTrajectory();
      assertThat(s).isEqualTo(new PlanAndMemorySignals.Signals(7, true, 1, 1, 0));
    }

    @Test
    void failedChangesPlanAfterItsEditAndNeverReproduces() throws Exception {
      PlanAndMemorySignals.Signals s = sections().planAndMemorySignals().failedTrajectory();
      assertThat(s).isEqualTo(new PlanAndMemorySignals.Signals(7, false, 1, 0, 1));
    }
  }
}
