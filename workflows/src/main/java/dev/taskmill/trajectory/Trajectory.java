package dev.taskmill.trajectory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One trajectory file (ideal_trajectory.json or failed_trajectory.json), as
 * docs/schemas/trajectory.schema.json describes it. It converts without loss to OpenAI-style chat
 * messages with tool calls.
 *
 * @param kind "ideal" or "failed"
 * @param task the task text a solver gets (no code from the fix)
 * @param tools the function schemas of the tools the steps call
 * @param divergence for a failed trajectory, where and how it goes wrong; null for the ideal one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trajectory(
    String schemaVersion,
    String sampleKey,
    String kind,
    Generator generator,
    Environment environment,
    String task,
    List<ToolSpec> tools,
    List<TrajectoryStep> steps,
    Divergence divergence,
    TrajectoryOutcome outcome) {
  public static final String SCHEMA_VERSION = "1.0";
  public static final String IDEAL = "ideal";
  public static final String FAILED = "failed";

  public Trajectory {
    schemaVersion = schemaVersion == null ? SCHEMA_VERSION : schemaVersion;
    Objects.requireNonNull(sampleKey, "sampleKey");
    if (!IDEAL.equals(kind) && !FAILED.equals(kind)) {
      throw new IllegalArgumentException("kind must be ideal or failed: " + kind);
    }
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(task, "task");
    tools = tools == null ? List.of() : List.copyOf(tools);
    steps = steps == null ? List.of() : List.copyOf(steps);
    Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * Who wrote the trajectory: taskmill's version and whether the thoughts are templated or from a
   * model.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Generator(String name, String version, String mode, String model) {
    public static final String DETERMINISTIC = "deterministic";
    public static final String LLM = "llm";

    public Generator {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mode, "mode");
    }
  }

  /** Where every step ran: the sample's image at the base commit. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Environment(
      String image, String imageId, String baseCommit, String stack, String workdir) {
    public Environment {
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(baseCommit, "baseCommit");
    }
  }

  /**
   * A function the steps may call, in the OpenAI "tools" shape: parameters is a JSON Schema object.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ToolSpec(String name, String description, Map<String, Object> parameters) {
    public ToolSpec {
      Objects.requireNonNull(name, "name");
      description = description == null ? "" : description;
      parameters = parameters == null ? Map.of("type", "object") : Map.copyOf(parameters);
    }
  }

  /** Where a failed trajectory leaves the ideal path and which failure mode it follows. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Divergence(int step, FailureMode mode, String description, List<String> evidence) {
    public Divergence {
      Objects.requireNonNull(mode, "mode");
      description = description == null ? "" : description;
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
  }
}
