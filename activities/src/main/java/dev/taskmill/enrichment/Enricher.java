package dev.taskmill.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.tokens.TokenCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 6 without Temporal: reads every earlier phase's output and writes workDir/enrichment.json.
 */
public final class Enricher {
  public static final String FILE = "enrichment.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final DiffSemanticsSource diffSemantics;
  private final TokenCounter counter;

  public Enricher(DiffSemanticsSource diffSemantics, TokenCounter counter) {
    this.diffSemantics = diffSemantics;
    this.counter = counter;
  }

  public EnrichmentOutput enrich(EnrichmentInput input, Heartbeat heartbeat) throws IOException {
    EnrichmentSections sections = sections(input, heartbeat);
    Path workDir = Path.of(input.workDir());
    Path target = workDir.resolve(FILE);
    Path temp = Files.createTempFile(workDir, ".enrichment-", ".json");
    try {
      JSON.writeValue(temp.toFile(), sections);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    List<String> symbols = new ArrayList<>();
    sections.diffSemantics().path("changedSymbols").forEach(s -> symbols.add(s.asText()));
    return new EnrichmentOutput(
        target.toString(),
        symbols,
        sections.navigationMetrics().idealTrajectory().editPrecision(),
        sections.testExecution().fixLineCoverage().ratio(),
        counter.encodingName());
  }

  public EnrichmentSections sections(EnrichmentInput input, Heartbeat heartbeat)
      throws IOException {
    Path workDir = Path.of(input.workDir());
    heartbeat.beat("reading trajectories");
    TrajectoryPair pair = TrajectoryPair.read(input.trajectories());
    String fixPatch = Files.readString(Path.of(input.patches().fixPatch()), StandardCharsets.UTF_8);
    heartbeat.beat("taskGoal");
    TaskGoal goal = TaskGoalBuilder.build(input.analysis().pullRequest(), fixPatch);
    heartbeat.beat("failureModeAnalysis");
    FailureModeAnalysis failure =
        new FailureModeAnalysisBuilder(workDir).build(pair, input.trajectories());
    heartbeat.beat("stepLevelMetrics");
    StepLevelMetrics steps = new StepLevelMetricsBuilder(counter).build(pair);
    heartbeat.beat("diffSemantics");
    JsonNode diff = diffSemantics.diffSemantics(input);
    heartbeat.beat("testExecution");
    TestExecution tests =
        new TestExecutionBuilder(workDir)
            .build(input.analysis().stack().testFramework(), input.validation(), fixPatch);
    heartbeat.beat("navigationMetrics");
    NavigationMetrics navigation =
        new NavigationMetricsBuilder(input.patches().fixFiles(), input.patches().testFiles())
            .build(pair);
    PlanAndMemorySignals plan =
        new PlanAndMemorySignalsBuilder(input.patches().testFiles()).build(pair);
    return new EnrichmentSections(goal, failure, steps, diff, tests, navigation, plan);
  }
}
