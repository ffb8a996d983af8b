package dev.taskmill.trajectory;

/**
 * Who writes a step's thought. The default keeps taskmill's own template text, so the output is
 * deterministic; an OpenAI-compatible model may rewrite it. Observations and outcomes are never
 * touched either way.
 */
public interface ThoughtAuthor {
  /** The template author: the thought as taskmill planned it. */
  ThoughtAuthor TEMPLATE =
      new ThoughtAuthor() {
        @Override
        public Thought write(
            String task,
            String phase,
            String plannedThought,
            String toolCall,
            String previousObservation) {
          return new Thought(plannedThought, "template");
        }

        @Override
        public String mode() {
          return Trajectory.Generator.DETERMINISTIC;
        }

        @Override
        public String model() {
          return null;
        }
      };

  /**
   * The thought before a tool call: what the next step is for, knowing only what came before it.
   *
   * @param toolCall the call's name and JSON arguments
   * @param previousObservation the observation of the step before (empty for the first)
   */
  Thought write(
      String task,
      String phase,
      String plannedThought,
      String toolCall,
      String previousObservation);

  /** "deterministic" or "llm", recorded as the generator's mode. */
  String mode();

  /** The model's name, or null. */
  String model();

  /**
   * The chosen author: the model named by the environment (docs/trajectories.md), else the
   * template.
   */
  static ThoughtAuthor fromEnvironment() {
    return OpenAiThoughtAuthor.fromEnvironment().map(a -> (ThoughtAuthor) a).orElse(TEMPLATE);
  }

  /** A thought and where it came from ("template" or "llm"). */
  record Thought(String text, String source) {}
}
