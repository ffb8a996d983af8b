package dev.taskmill.trajectory;

import com.github.dockerjava.api.DockerClient;
import dev.taskmill.docker.SessionContainer;
import dev.taskmill.validation.ValidationSettings;
import java.time.Duration;
import java.util.Map;

/** Starts a trajectory's session container and makes /testbed a git repository of the base snapshot. */
final class SessionStarter {
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

  private final DockerClient client;
  private final ValidationSettings settings;
  private final Map<String, String> labels;

  SessionStarter(DockerClient client, ValidationSettings settings, Map<String, String> labels) {
    this.client = client;
    this.settings = settings;
    this.labels = labels;
  }

  SessionContainer start(TrajectoryContext ctx, String which) {
    String name = "taskmill-" + Integer.toHexString(ctx.workDir().toString().hashCode()) + "-traj-" + which;
    return SessionContainer.start(client, ctx.env(), settings, name, labels, ctx.commands().sessionEnv());
  }

  /** /testbed becomes a repository with exactly one commit, the base snapshot; build outputs are ignored. */
  SessionTools init(TrajectoryContext ctx, SessionContainer session) throws InterruptedException {
    String base = ctx.input().analysis().pullRequest().baseCommit();
    String init = "rm -rf .git && git init -q && printf '%s\\n' node_modules/ __pycache__/ '*.pyc' target/ "
        + ".pytest_cache/ build/ >.git/info/exclude && git add -A && git -c user.name=taskmill "
        + "-c user.email=taskmill@localhost commit -qm " + TestCommands.quote("base " + base);
    SessionContainer.ExecResult r = session.bash(init, SessionTools.ROOT, CALL_TIMEOUT);
    if (r.exitCode() != 0) {
      throw new IllegalStateException("cannot make /testbed a git repository in the session: " + r.output().strip());
    }
    String setup = ctx.commands().setup();
    if (!setup.isEmpty()) {
      session.bash(setup, ctx.commands().projectDir(), CALL_TIMEOUT);
    }
    return new SessionTools(session, ctx.commands().projectDir(), CALL_TIMEOUT, ctx.submitCommand());
  }
}
