package dev.taskmill.enrichment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Steps, tool calls, wall time and tokens of both trajectories, tokens counted again with a real
 * tokenizer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StepLevelMetrics(
    Tokenizer tokenizer,
    PerTrajectory<Integer> totalSteps,
    PerTrajectory<Map<String, Integer>> toolCalls,
    PerTrajectory<List<Step>> perStep,
    PerTrajectory<Totals> totals) {
  public StepLevelMetrics {
    Objects.requireNonNull(tokenizer, "tokenizer");
    Objects.requireNonNull(totalSteps, "totalSteps");
    Objects.requireNonNull(toolCalls, "toolCalls");
    Objects.requireNonNull(perStep, "perStep");
    Objects.requireNonNull(totals, "totals");
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Tokenizer(String library, String encoding) {
    public Tokenizer {
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(encoding, "encoding");
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Step(int id, String phase, String tool, long wallMillis, Tokens tokens) {
    public Step {
      if (id < 1 || wallMillis < 0) {
        throw new IllegalArgumentException(
            "bad step figures: id " + id + ", wallMillis " + wallMillis);
      }
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(tokens, "tokens");
    }
  }

  /**
   * @param action the tokens of the tool call's arguments as JSON
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Tokens(int thought, int action, int observation, int total) {
    public Tokens {
      if (thought < 0 || action < 0 || observation < 0 || total != thought + action + observation) {
        throw new IllegalArgumentException(
            "bad token figures: " + thought + "+" + action + "+" + observation + " != " + total);
      }
    }

    public static Tokens of(int thought, int action, int observation) {
      return new Tokens(thought, action, observation, thought + action + observation);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Totals(long wallMillis, long tokens) {
    public Totals {
      if (wallMillis < 0 || tokens < 0) {
        throw new IllegalArgumentException("negative totals");
      }
    }
  }
}
