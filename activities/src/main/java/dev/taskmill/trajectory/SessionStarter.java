package dev.taskmill.trajectory;

import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.docker.ContainerSpec;
import dev.taskmill.docker.SessionContainer;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.stage.BindMount;
import dev.taskmill.stage.StageContract;
import dev.taskmill.validation.StageEnvironment;
import dev.taskmill.validation.StageRunner;
import dev.taskmill.validation.ValidationSettings;
import java.time.Duration;
import java.util.Map;

/**
 * Starts a trajectory's session container and makes /testbed a git repository of the base snapshot.
 */
final class SessionStarter {
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

  private final ContainerEngine engine;
  private final ValidationSettings settings;
  private final Map<String, String> labels;
  private final Heartbeat heartbeat;

  SessionStarter(
      ContainerEngine engine,
      ValidationSettings settings,
      Map<String, String> labels,
      Heartbeat heartbeat) {
    this.engine = engine;
    this.settings = settings;
    this.labels = labels;
    this.heartbeat = heartbeat;
  }

  SessionContainer start(TrajectoryContext ctx, String which) {
    String name =
        "taskmill-" + Integer.toHexString(ctx.workDir().toString().hashCode()) + "-traj-" + which;
    return engine.startSession(
        spec(ctx.env(), settings, name, labels, ctx.commands().sessionEnv()), heartbeat);
  }

  /**
   * A session's container: a stage's limits, user and dependency mounts (read-only always), no
   * network, no run.sh and no patches mounted, in /testbed.
   */
  static ContainerSpec spec(
      StageEnvironment stage,
      ValidationSettings settings,
      String name,
      Map<String, String> labels,
      Map<String, String> env) {
    return new ContainerSpec(
            name,
            stage.image(),
            SessionContainer.IDLE_COMMAND,
            env,
            stage.mounts().stream()
                .map(m -> BindMount.readOnly(m.hostPath(), m.containerPath()))
                .toList(),
            stage.user(),
            Math.round(settings.cpus() * 1_000_000_000L),
            settings.memoryMb() * 1024L * 1024L,
            StageRunner.PIDS_LIMIT,
            labels)
        .inDirectory(StageContract.TESTBED);
  }

  /**
   * /testbed becomes a repository with exactly one commit, the base snapshot; build outputs are
   * ignored.
   */
  SessionTools init(TrajectoryContext ctx, SessionContainer session) throws InterruptedException {
    String base = ctx.input().analysis().pullRequest().baseCommit();
    String init =
        "rm -rf .git && git init -q && printf '%s\\n' node_modules/ __pycache__/ '*.pyc' target/ "
            + ".pytest_cache/ build/ >.git/info/exclude && git add -A && git -c user.name=taskmill "
            + "-c user.email=taskmill@localhost commit -qm "
            + TestCommands.quote("base " + base);
    SessionContainer.ExecResult r = session.bash(init, SessionTools.ROOT, CALL_TIMEOUT);
    if (r.exitCode() != 0) {
      throw new IllegalStateException(
          "cannot make /testbed a git repository in the session: " + r.output().strip());
    }
    String setup = ctx.commands().setup();
    if (!setup.isEmpty()) {
      session.bash(setup, ctx.commands().projectDir(), CALL_TIMEOUT);
    }
    return new SessionTools(
        session, ctx.commands().projectDir(), CALL_TIMEOUT, ctx.submitCommand());
  }
}
