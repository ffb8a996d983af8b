package dev.taskmill.docker;

import dev.taskmill.progress.Heartbeat;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.WaitResponse;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.taskmill.validation.StageParallelism;
import dev.taskmill.validation.StageRunner;

/** The few Docker operations validation needs, on a given docker-java client: run one stage container safely. */
public final class ContainerEngine {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerEngine.class);
  /** A test suite that prints without end must not fill the disk: the log is cut here. */
  static final long MAX_LOG_BYTES = 64L * 1024 * 1024;
  private static final long POLL_MILLIS = 2000;
  private static final Duration KILL_GRACE = Duration.ofSeconds(30);

  private final DockerClient client;
  private final String where;

  /** @param where the engine address for messages (DOCKER_HOST or the socket) */
  public ContainerEngine(DockerClient client, String where) {
    this.client = client;
    this.where = where;
  }

  /** The engine address, for messages. */
  public String where() {
    return where;
  }

  /**
   * How many stages of one sample this engine's host runs side by side (docker info's CPUs and memory), unless
   * {@code override} says; sequential when the engine does not say.
   */
  public StageParallelism parallelism(int memoryMbPerStage, String override) {
    return parallelism(memoryMbPerStage, override, true);
  }

  /** As above; {@code pays} false (a stack that gains nothing side by side) means one after the other. */
  public StageParallelism parallelism(int memoryMbPerStage, String override, boolean pays) {
    if (override != null && !override.isBlank()) {
      return StageParallelism.forHost(1, 0, memoryMbPerStage, override);
    }
    if (!pays) {
      return StageParallelism.sequential();
    }
    try {
      var info = client.infoCmd().exec();
      int cpus = info.getNCPU() == null ? 1 : info.getNCPU();
      long memory = info.getMemTotal() == null ? 0 : info.getMemTotal();
      return StageParallelism.forHost(cpus, memory, memoryMbPerStage, null);
    } catch (RuntimeException e) {
      LOG.info("docker info failed ({}): running stages one after the other", e.getMessage());
      return StageParallelism.sequential();
    }
  }

  /** Removes an image made by {@link #run}'s snapshot; a missing one is fine. */
  public void removeImageQuietly(String image) {
    try {
      client.removeImageCmd(image).withForce(true).exec();
    } catch (RuntimeException e) {
      LOG.debug("image {} not removed: {}", image, e.getMessage());
    }
  }

  private boolean commitQuietly(String id, String snapshot, java.util.Map<String, String> labels) {
    int colon = snapshot.lastIndexOf(':');
    try {
      client.commitCmd(id).withRepository(snapshot.substring(0, colon)).withTag(snapshot.substring(colon + 1))
          .withLabels(labels).exec();
      return true;
    } catch (RuntimeException e) {
      // Without the snapshot the rerun builds again from the sample image: slower, never wrong.
      LOG.info("snapshot {} of a stage not made: {}", snapshot, e.getMessage());
      return false;
    }
  }

  /** Fails with DOCKER_UNREACHABLE, naming where it looked, when the engine does not answer. */
  public void ping() {
    try {
      client.pingCmd().exec();
    } catch (RuntimeException e) {
      throw Failures.of(FailureType.DOCKER_UNREACHABLE, "the Docker engine at " + where
          + " does not answer (" + reason(e) + "): start the Docker engine or set DOCKER_HOST", e);
    }
  }

  public boolean imageExists(String image) {
    try {
      client.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /**
   * Runs a container to its end, streaming stdout and stderr into log; kills it after timeout. The container is
   * removed whatever happens, including cancellation thrown by the heartbeat.
   */
  public ContainerRun run(ContainerSpec spec, OutputStream log, Duration timeout, Heartbeat heartbeat)
      throws InterruptedException {
    return run(spec, log, timeout, heartbeat, null);
  }

  /**
   * As above; when {@code snapshot} ("repository:tag") is given and the container ran to its end (not killed),
   * its file system is committed to that image before the container is removed, so that a rerun of the same
   * stage starts where this one ended, built (docs/validation.md).
   */
  public ContainerRun run(ContainerSpec spec, OutputStream log, Duration timeout, Heartbeat heartbeat,
      String snapshot) throws InterruptedException {
    removeIfPresent(spec.name()); // a leftover from a crashed attempt of the same stage
    long t0 = System.nanoTime();
    String id = create(spec);
    long created = System.nanoTime();
    long started = created;
    long waited = created;
    boolean timedOut = false;
    boolean committed = false;
    int exitCode;
    long removeMillis;
    try (LogCallback logs = new LogCallback(log)) {
      client.startContainerCmd(id).exec();
      started = System.nanoTime();
      client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).exec(logs);
      long deadline = started + timeout.toNanos();
      ExitWatch watch = client.waitContainerCmd(id).exec(new ExitWatch());
      while (true) {
        long untilDeadline = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        long pollMillis = timedOut ? POLL_MILLIS : Math.max(50, Math.min(POLL_MILLIS, untilDeadline));
        if (watch.await(pollMillis)) {
          if (watch.status != null) {
            exitCode = watch.status;
            break;
          }
          // The wait stream ended without a status (a dropped connection): ask the engine directly.
          var state = client.inspectContainerCmd(id).exec().getState();
          if (!Boolean.TRUE.equals(state.getRunning())) {
            exitCode = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue();
            break;
          }
          Thread.sleep(500); // never spin on a stream that keeps breaking
          watch = client.waitContainerCmd(id).exec(new ExitWatch());
        }
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        heartbeat.beat(spec.labels().getOrDefault(StageRunner.STAGE_LABEL, spec.name()) + " running " + elapsed + "s");
        if (timedOut && System.nanoTime() > deadline + KILL_GRACE.toNanos()) {
          LOG.warn("stage container {} still runs {} s after its kill: removing it by force", spec.name(),
              KILL_GRACE.toSeconds());
          exitCode = 137;
          break;
        }
        if (!timedOut && System.nanoTime() > deadline) {
          timedOut = true;
          LOG.info("stage container {} exceeded {}s: killing it", spec.name(), timeout.toSeconds());
          killQuietly(id);
          logs.note("[taskmill] stage timeout of " + timeout.toSeconds() + " s reached: container killed");
        }
      }
      waited = System.nanoTime();
      logs.awaitCompletion(10, TimeUnit.SECONDS); // the rest of the log after the exit
      if (snapshot != null && !timedOut) {
        committed = commitQuietly(id, snapshot, spec.labels());
      }
    } catch (IOException e) {
      throw new IllegalStateException("closing the log stream of " + spec.name() + " failed", e);
    } finally {
      long removeStart = System.nanoTime();
      removeQuietly(id);
      removeMillis = ms(System.nanoTime() - removeStart);
    }
    LOG.debug("{}: create {} ms, start {} ms, wait {} ms, remove {} ms", spec.name(), ms(created - t0),
        ms(started - created), ms(waited - started), removeMillis);
    return new ContainerRun(exitCode, timedOut, ms(created - t0), ms(started - created), ms(waited - started),
        removeMillis, committed ? snapshot : null);
  }

  private String create(ContainerSpec spec) {
    // Network mode "none" keeps a loopback interface and a loopback /etc/hosts (tests open servers on localhost);
    // NetworkDisabled would leave /etc/hosts empty.
    HostConfig host = HostConfig.newHostConfig()
        .withNetworkMode("none")
        .withNanoCPUs(spec.nanoCpus())
        .withMemory(spec.memoryBytes())
        .withMemorySwap(spec.memoryBytes())
        .withPidsLimit(spec.pidsLimit())
        .withSecurityOpts(java.util.List.of("no-new-privileges"))
        .withBinds(spec.mounts().stream()
            .map(m -> new Bind(m.hostPath(), new Volume(m.containerPath()), m.readOnly() ? AccessMode.ro : AccessMode.rw))
            .toList());
    var create = client.createContainerCmd(spec.image())
        .withName(spec.name())
        .withCmd(spec.command())
        .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList())
        .withLabels(spec.labels())
        .withHostConfig(host);
    if (spec.user() != null && !spec.user().isBlank()) {
      create.withUser(spec.user());
    }
    return create.exec().getId();
  }

  private void removeIfPresent(String name) {
    try {
      client.removeContainerCmd(name).withForce(true).withRemoveVolumes(true).exec();
      LOG.info("removed leftover container {}", name);
    } catch (NotFoundException expected) {
      // the usual case: no earlier attempt left anything
    }
  }

  private void killQuietly(String id) {
    try {
      client.killContainerCmd(id).exec();
    } catch (RuntimeException e) {
      LOG.debug("kill of {} failed (it may have just ended): {}", id, e.getMessage());
    }
  }

  private void removeQuietly(String id) {
    try {
      client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // already removed
    } catch (RuntimeException e) {
      LOG.warn("could not remove container {}: {}", id, e.getMessage());
    }
  }

  /** The innermost message of a failure, without Java class names ("Connection refused", "No such file"). */
  static String reason(Throwable e) {
    String reason = null;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        reason = t.getMessage();
      }
    }
    if (reason == null) {
      return "no answer";
    }
    // docker-java and the JDK prefix nested messages with the exception's class name.
    return reason.replaceAll("(?:[a-z]+\\.)+[A-Z][A-Za-z]*(?:Exception|Error): ", "").strip();
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  /**
   * Waits for the container's exit status on its own latch: ResultCallbackTemplate.awaitCompletion(timeout) closes
   * the stream when it returns, so it cannot be polled.
   */
  private static final class ExitWatch extends ResultCallback.Adapter<WaitResponse> {
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Integer status;

    @Override
    public void onNext(WaitResponse response) {
      status = response.getStatusCode();
    }

    @Override
    public void onError(Throwable error) {
      LOG.debug("wait stream ended: {}", error.toString());
      done.countDown();
      try {
        close();
      } catch (IOException ignored) {
        // the stream is gone already
      }
    }

    @Override
    public void onComplete() {
      done.countDown();
      super.onComplete();
    }

    boolean await(long millis) throws InterruptedException {
      return done.await(millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Copies log frames into the stage log, up to MAX_LOG_BYTES. */
  private static final class LogCallback extends ResultCallback.Adapter<Frame> {
    private final OutputStream out;
    private long written;
    private boolean cut;

    LogCallback(OutputStream out) {
      this.out = out;
    }

    /** A line of taskmill's own in the stage log, so that a reader sees why the output stops. */
    synchronized void note(String line) {
      try {
        out.write(("\n" + line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        LOG.warn("cannot write to the stage log: {}", e.getMessage());
      }
    }

    @Override
    public synchronized void onNext(Frame frame) {
      byte[] payload = frame.getPayload();
      if (payload == null || cut) {
        return;
      }
      try {
        if (written + payload.length > MAX_LOG_BYTES) {
          cut = true;
          out.write(("\n[taskmill] log cut at " + MAX_LOG_BYTES + " bytes\n").getBytes(StandardCharsets.UTF_8));
        } else {
          out.write(payload);
          written += payload.length;
        }
        out.flush();
      } catch (IOException e) {
        throw new IllegalStateException("cannot write the stage log", e);
      }
    }
  }

}
