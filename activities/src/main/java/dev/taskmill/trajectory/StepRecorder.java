package dev.taskmill.trajectory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.tokens.TokenCounter;
import dev.taskmill.trajectory.TrajectoryStep.Observation;
import dev.taskmill.trajectory.TrajectoryStep.ToolCall;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs planned steps in one session and records each: real observation, tokens, thought, files,
 * gold path.
 */
final class StepRecorder {
  static final int OBSERVATION_LIMIT = 8000;

  private final TrajectoryContext ctx;
  private final SessionTools tools;
  private final Heartbeat heartbeat;
  private final Duration testRunTimeout;
  private final ThoughtAuthor author;
  private final TokenCounter tokens;
  private final ObjectMapper compact = new ObjectMapper();
  private String lastObservation = "";
  private String lastFullOutput = "";

  StepRecorder(
      TrajectoryContext ctx,
      SessionTools tools,
      Heartbeat heartbeat,
      Duration testRunTimeout,
      ThoughtAuthor author,
      TokenCounter tokens) {
    this.ctx = ctx;
    this.tools = tools;
    this.heartbeat = heartbeat;
    this.testRunTimeout = testRunTimeout;
    this.author = author;
    this.tokens = tokens;
  }

  SessionTools tools() {
    return tools;
  }

  /** The untruncated output of the last step run (after submit: the submitted patch). */
  String lastFullOutput() {
    return lastFullOutput;
  }

  /**
   * Applies {@code plan} in this session without recording it: the failed trajectory re-makes the
   * ideal one's edits before the divergence, whose recorded steps it shares.
   */
  void replay(PlannedStep plan, TrajectoryStep recorded) throws InterruptedException {
    if (plan.tool().equals(SessionTools.EDITOR) && !"view".equals(plan.args().get("command"))) {
      tools.editor(plan.args());
    }
    lastObservation = recorded.observation().content();
  }

  /** Runs {@code plan} as the next of {@code steps} and keeps it in {@code plans} for a replay. */
  void add(List<PlannedStep> plans, List<TrajectoryStep> steps, PlannedStep plan)
      throws InterruptedException {
    plans.add(plan);
    steps.add(run(steps.size() + 1, plan));
  }

  /** Runs one planned step in the session and records it with its real observation. */
  TrajectoryStep run(int id, PlannedStep plan) throws InterruptedException {
    heartbeat.beat("trajectory step " + id + " (" + plan.phase() + ")");
    long t0 = System.nanoTime();
    SessionTools.Result r =
        switch (plan.tool()) {
          case SessionTools.BASH ->
              tools.bash(
                  (String) plan.args().get("command"), isTestRun(plan) ? testRunTimeout : null);
          case SessionTools.EDITOR -> tools.editor(plan.args());
          default -> tools.submit();
        };
    long wall = (System.nanoTime() - t0) / 1_000_000;
    lastFullOutput = r.output();
    String content = r.output();
    boolean truncated = content.length() > OBSERVATION_LIMIT;
    if (truncated) {
      int half = OBSERVATION_LIMIT / 2;
      content =
          content.substring(0, half)
              + "\n[... "
              + (content.length() - OBSERVATION_LIMIT)
              + " characters cut ...]\n"
              + content.substring(content.length() - half);
    }
    if (content.isEmpty()) {
      content = "(no output, exit code " + r.exitCode() + ")";
    }
    Observation obs = new Observation(content, r.exitCode(), truncated, r.output().length());
    String action;
    try {
      action = compact.writeValueAsString(plan.args());
    } catch (IOException e) {
      action = plan.args().toString();
    }
    List<String> opened = new ArrayList<>();
    List<String> edited = new ArrayList<>();
    if (plan.tool().equals(SessionTools.EDITOR)) {
      String path =
          ((String) plan.args().get("path")).replaceFirst("^" + SessionTools.ROOT + "/", "");
      if ("view".equals(plan.args().get("command"))) {
        opened.add(path);
      } else {
        edited.add(path);
      }
    }
    boolean gold =
        opened.stream().anyMatch(ctx.goldFiles()::contains)
            || edited.stream().anyMatch(ctx.goldFiles()::contains)
            || (plan.tool().equals(SessionTools.BASH)
                && runsFailToPass((String) plan.args().get("command")));
    // The thought is written knowing only what came before the call: the previous step's
    // observation.
    ThoughtAuthor.Thought thought =
        author.write(
            ctx.task(),
            plan.phase(),
            plan.thought(),
            plan.tool() + " " + action,
            id == 1 ? "" : lastObservation);
    lastObservation = content;
    return new TrajectoryStep(
        id,
        plan.phase(),
        thought.text(),
        thought.source(),
        new ToolCall("call_" + id, plan.tool(), plan.args()),
        obs,
        wall,
        new TrajectoryStep.Tokens(
            tokens.count(thought.text()), tokens.count(action), tokens.count(content)),
        opened,
        edited,
        gold);
  }

  private boolean runsFailToPass(String command) {
    String f2p = ctx.commands().run(ctx.f2p());
    String verify = ctx.commands().run(ctx.f2p().isEmpty() ? List.of() : ctx.f2p());
    return command.equals(f2p)
        || command.equals(verify)
        || ctx.f2p().stream()
            .allMatch(id -> command.contains(TestCommands.quote(id)) || command.contains(id));
  }

  private static boolean isTestRun(PlannedStep plan) {
    return plan.phase().equals("reproduce") || plan.phase().equals("verify");
  }
}
