package dev.taskmill.enrichment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taskmill.tokens.TokenCounter;
import dev.taskmill.trajectory.Trajectory;
import dev.taskmill.trajectory.TrajectoryStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link StepLevelMetrics}. Tokens are recounted from the step's thought, its arguments as
 * compact JSON (keys sorted, so the count does not depend on map order) and its observation,
 * whatever the file says.
 */
public final class StepLevelMetricsBuilder {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private final TokenCounter counter;

  public StepLevelMetricsBuilder(TokenCounter counter) {
    this.counter = counter;
  }

  public StepLevelMetrics build(TrajectoryPair pair) {
    PerTrajectory<List<StepLevelMetrics.Step>> perStep = PerTrajectory.of(pair, this::steps);
    return new StepLevelMetrics(
        new StepLevelMetrics.Tokenizer("jtokkit", counter.encodingName()),
        PerTrajectory.of(pair, t -> t.steps().size()),
        PerTrajectory.of(pair, StepLevelMetricsBuilder::toolCalls),
        perStep,
        new PerTrajectory<>(totals(perStep.idealTrajectory()), totals(perStep.failedTrajectory())));
  }

  /** The arguments of a tool call as the JSON whose tokens are counted as the step's action. */
  public static String actionJson(TrajectoryStep.ToolCall call) {
    try {
      return JSON.writeValueAsString(call.arguments());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "tool call " + call.id() + " has arguments that are not JSON", e);
    }
  }

  List<StepLevelMetrics.Step> steps(Trajectory t) {
    return t.steps().stream()
        .map(
            s ->
                new StepLevelMetrics.Step(
                    s.id(),
                    s.phase(),
                    s.toolCall().name(),
                    Math.max(0, s.wallMillis()),
                    StepLevelMetrics.Tokens.of(
                        counter.count(s.thought()),
                        counter.count(actionJson(s.toolCall())),
                        counter.count(s.observation().content()))))
        .toList();
  }

  static Map<String, Integer> toolCalls(Trajectory t) {
    Map<String, Integer> calls = new LinkedHashMap<>();
    t.steps().forEach(s -> calls.merge(s.toolCall().name(), 1, Integer::sum));
    return calls;
  }

  static StepLevelMetrics.Totals totals(List<StepLevelMetrics.Step> steps) {
    return new StepLevelMetrics.Totals(
        steps.stream().mapToLong(StepLevelMetrics.Step::wallMillis).sum(),
        steps.stream().mapToLong(s -> s.tokens().total()).sum());
  }
}
