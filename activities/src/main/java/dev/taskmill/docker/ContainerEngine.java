package dev.taskmill.docker;

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
import dev.taskmill.progress.Heartbeat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Docker engine as taskmill uses it: containers run to their end safely, sessions, images;
 * closing it closes its docker-java client. Nothing outside dev.taskmill.docker touches
 * docker-java.
 */
public final class ContainerEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerEngine.class);

  /** A test suite that prints without end must not fill the disk: the log is cut here. */
  static final long MAX_LOG_BYTES = 64L * 1024 * 1024;

  private static final Duration KILL_GRACE = Duration.ofSeconds(30);

  private final DockerClient client;
  private final String where;

  /**
   * @param where the engine address for messages (DOCKER_HOST or the socket)
   */
  public ContainerEngine(DockerClient client, String where) {
    this.client = client;
    this.where = where;
  }

  /** The engine DOCKER_HOST names, else the local socket. */
  public static ContainerEngine fromEnvironment() {
    return new ContainerEngine(DockerClients.fromEnvironment(), DockerClients.dockerHost());
  }

  /** The engine address, for messages. */
  public String where() {
    return where;
  }

  /** Builds, inspects and pulls images on this engine, heartbeating through {@code heartbeat}. */
  public ImageBuilder images(Heartbeat heartbeat) {
    return new ImageBuilder(client, heartbeat);
  }

  /** Starts a long-lived session container (see {@link SessionContainer#start}). */
  public SessionContainer startSession(ContainerSpec spec, Heartbeat heartbeat) {
    return SessionContainer.start(client, spec, heartbeat);
  }

  /** Closes the docker-java client. */
  @Override
  public void close() throws IOException {
    client.close();
  }

  /**
   * What the engine's host offers (docker info's CPUs and memory), or empty when the engine does
   * not say.
   */
  public java.util.Optional<Host> host() {
    try {
      var info = client.infoCmd().exec();
      return java.util.Optional.of(
          new Host(
              info.getNCPU() == null ? 1 : info.getNCPU(),
              info.getMemTotal() == null ? 0 : info.getMemTotal()));
    } catch (RuntimeException e) {
      LOG.info("docker info failed ({})", e.getMessage());
      return java.util.Optional.empty();
    }
  }

  /** The engine host's CPUs and memory (0 when unknown). */
  public record Host(int cpus, long memoryBytes) {}

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
      client
          .commitCmd(id)
          .withRepository(snapshot.substring(0, colon))
          .withTag(snapshot.substring(colon + 1))
          .withLabels(labels)
          .exec();
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
      throw Failures.of(
          FailureType.DOCKER_UNREACHABLE,
          "the Docker engine at "
              + where
              + " does not answer ("
              + reason(e)
              + "): start the Docker engine or set DOCKER_HOST",
          e);
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
   * Runs a container to its end, streaming stdout and stderr into log; kills it after timeout. The
   * container is removed whatever happens, including cancellation thrown by the heartbeat.
   */
  public ContainerRun run(
      ContainerSpec spec, OutputStream log, Duration timeout, Heartbeat heartbeat)
      throws InterruptedException {
    return run(spec, log, timeout, heartbeat, null);
  }

  /**
   * As above; when {@code snapshot} ("repository:tag") is given and the container ran to its end
   * (not killed), its file system is committed to that image before the container is removed, so
   * that a rerun of the same stage starts where this one ended, built (docs/validation.md).
   */
  public ContainerRun run(
      ContainerSpec spec, OutputStream log, Duration timeout, Heartbeat heartbeat, String snapshot)
      throws InterruptedException {
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
      client
          .logContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .withFollowStream(true)
          .exec(logs);
      long deadline = started + timeout.toNanos();
      ExitWatch watch = client.waitContainerCmd(id).exec(new ExitWatch());
      final long since = started;
      java.util.function.Supplier<String> detail =
          () ->
              spec.title()
                  + " running "
                  + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since)
                  + "s";
      while (true) {
        long until = timedOut ? deadline + KILL_GRACE.toNanos() : deadline;
        if (EngineWait.await(
            watch, Duration.ofNanos(Math.max(0, until - System.nanoTime())), heartbeat, detail)) {
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
        } else if (!timedOut) {
          timedOut = true;
          LOG.info("container {} exceeded {}s: killing it", spec.name(), timeout.toSeconds());
          killQuietly(id);
          logs.note(
              "[taskmill] stage timeout of "
                  + timeout.toSeconds()
                  + " s reached: container killed");
        } else {
          LOG.warn(
              "container {} still runs {} s after its kill: removing it by force",
              spec.name(),
              KILL_GRACE.toSeconds());
          exitCode = 137;
          break;
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
    LOG.debug(
        "{}: create {} ms, start {} ms, wait {} ms, remove {} ms",
        spec.name(),
        ms(created - t0),
        ms(started - created),
        ms(waited - started),
        removeMillis);
    return new ContainerRun(
        exitCode,
        timedOut,
        ms(created - t0),
        ms(started - created),
        ms(waited - started),
        removeMillis,
        committed ? snapshot : null);
  }

  private String create(ContainerSpec spec) {
    return create(client, spec);
  }

  /**
   * Creates (does not start) the container {@code spec} describes; stages and trajectory sessions
   * alike.
   */
  static String create(DockerClient client, ContainerSpec spec) {
    // Network mode "none" keeps a loopback interface and a loopback /etc/hosts (tests open servers
    // on localhost);
    // NetworkDisabled would leave /etc/hosts empty.
    HostConfig host =
        HostConfig.newHostConfig()
            .withNetworkMode(spec.network() ? "bridge" : "none")
            .withNanoCPUs(spec.nanoCpus())
            .withMemory(spec.memoryBytes())
            .withMemorySwap(spec.memoryBytes())
            .withPidsLimit(spec.pidsLimit())
            .withSecurityOpts(java.util.List.of("no-new-privileges"))
            .withBinds(
                spec.mounts().stream()
                    .map(
                        m ->
                            new Bind(
                                m.hostPath(),
                                new Volume(m.containerPath()),
                                m.readOnly() ? AccessMode.ro : AccessMode.rw))
                    .toList());
    var create =
        client
            .createContainerCmd(spec.image())
            .withName(spec.name())
            .withCmd(spec.command())
            .withEnv(
                spec.env().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .sorted()
                    .toList())
            .withLabels(spec.labels())
            .withHostConfig(host);
    if (spec.user() != null && !spec.user().isBlank()) {
      create.withUser(spec.user());
    }
    if (spec.workingDir() != null) {
      create.withWorkingDir(spec.workingDir());
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

  /**
   * The innermost message of a failure, without Java class names ("Connection refused", "No such
   * file").
   */
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

  /** The container's exit status, when the wait stream brings one. */
  private static final class ExitWatch extends EngineWait.Stream<WaitResponse> {
    private volatile Integer status;

    @Override
    public void onNext(WaitResponse response) {
      status = response.getStatusCode();
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
          out.write(
              ("\n[taskmill] log cut at " + MAX_LOG_BYTES + " bytes\n")
                  .getBytes(StandardCharsets.UTF_8));
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
