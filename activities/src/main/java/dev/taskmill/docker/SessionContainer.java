package dev.taskmill.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import dev.taskmill.progress.Heartbeat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived, locked-down container from a sample image in which a trajectory's tool calls run,
 * each as a {@code docker exec} with its own timeout. Same limits, user and dependency mounts as a
 * stage, network mode "none", no run.sh and no patches mounted. {@link #close()} removes the
 * container whatever happened.
 */
public final class SessionContainer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionContainer.class);
  public static final String ROLE = "trajectory-session";

  /** The output of one call is kept up to here; the observation is cut much shorter later. */
  static final int MAX_CAPTURE_BYTES = 4 * 1024 * 1024;

  /** Above this, a file is copied in as a tar archive instead of through a base64 argument. */
  private static final int MAX_INLINE_BYTES = 64 * 1024;

  /** What one exec printed (stdout and stderr interleaved as they came) and how it ended. */
  public record ExecResult(int exitCode, String output, long millis, boolean timedOut) {}

  private final DockerClient client;
  private final String id;
  private final String name;
  private final String user;
  private final Map<String, String> env;
  private final Heartbeat heartbeat;
  private volatile boolean closed;

  private SessionContainer(
      DockerClient client,
      String id,
      String name,
      String user,
      Map<String, String> env,
      Heartbeat heartbeat) {
    this.client = client;
    this.heartbeat = heartbeat;
    this.id = id;
    this.name = name;
    this.user = user;
    this.env = env;
  }

  /** Keeps the session's container alive between calls, and ends at once on docker stop. */
  public static final List<String> IDLE_COMMAND =
      List.of("sh", "-c", "trap 'exit 0' TERM; while :; do sleep 3600 & wait $!; done");

  /**
   * Creates and starts the session container from {@code spec}: its name is deterministic (a
   * leftover of the same name is removed first), its command {@link #IDLE_COMMAND}, its env that of
   * every exec (HOME, PYTHONPATH, ...). Every exec waits through {@link EngineWait}, heartbeating.
   */
  public static SessionContainer start(
      DockerClient client, ContainerSpec spec, Heartbeat heartbeat) {
    try {
      client.removeContainerCmd(spec.name()).withForce(true).withRemoveVolumes(true).exec();
      LOG.info("removed leftover session container {}", spec.name());
    } catch (NotFoundException expected) {
      // the usual case
    }
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.putAll(ContainerOwner.labels());
    labels.put(ContainerOwner.ROLE_LABEL, ROLE);
    ContainerSpec owned =
        new ContainerSpec(
            spec.name(),
            spec.image(),
            spec.command(),
            spec.env(),
            spec.mounts(),
            spec.user(),
            spec.nanoCpus(),
            spec.memoryBytes(),
            spec.pidsLimit(),
            labels,
            spec.network(),
            spec.workingDir());
    String id = ContainerEngine.create(client, owned);
    SessionContainer session =
        new SessionContainer(client, id, spec.name(), spec.user(), spec.env(), heartbeat);
    try {
      client.startContainerCmd(id).exec();
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    return session;
  }

  public String name() {
    return name;
  }

  /**
   * Runs {@code bash -c command} in {@code workdir}; output beyond MAX_CAPTURE_BYTES is dropped.
   */
  public ExecResult bash(String command, String workdir, Duration timeout)
      throws InterruptedException {
    return exec(List.of("bash", "-c", command), workdir, timeout);
  }

  /**
   * Runs argv under coreutils' {@code timeout}, so that a call that hangs is killed inside the
   * container.
   */
  public ExecResult exec(List<String> argv, String workdir, Duration timeout)
      throws InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of("timeout", "-k", "5", Long.toString(Math.max(1, timeout.toSeconds()))));
    cmd.addAll(argv);
    long t0 = System.nanoTime();
    String execId =
        client
            .execCreateCmd(id)
            .withCmd(cmd.toArray(String[]::new))
            .withAttachStdout(true)
            .withAttachStderr(true)
            .withWorkingDir(workdir)
            .exec()
            .getId();
    Capture capture = new Capture();
    client.execStartCmd(execId).exec(capture);
    boolean done =
        EngineWait.await(
            capture,
            timeout.plusSeconds(15),
            heartbeat,
            () -> "session " + name + ": " + argv.get(0) + " running");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    try {
      capture.close();
    } catch (IOException ignored) {
      // the stream is gone already
    }
    Integer code = null;
    for (int i = 0; i < 20 && code == null; i++) {
      InspectExecResponse inspect = client.inspectExecCmd(execId).exec();
      if (!Boolean.TRUE.equals(inspect.isRunning()) && inspect.getExitCodeLong() != null) {
        code = inspect.getExitCodeLong().intValue();
      } else {
        Thread.sleep(100);
      }
    }
    int exit = code == null ? 124 : code;
    return new ExecResult(exit, capture.text(), millis, !done || exit == 124 || exit == 137);
  }

  /**
   * Writes a file in the container with the session's user (base64 through an exec, or a tar copy
   * when large).
   */
  public void writeFile(String absolutePath, String content) throws InterruptedException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_INLINE_BYTES) {
      ExecResult r =
          exec(
              List.of(
                  "bash",
                  "-c",
                  "mkdir -p -- \"$(dirname -- \"$2\")\" && printf '%s' \"$1\" | base64 -d > \"$2\"",
                  "write",
                  Base64.getEncoder().encodeToString(bytes),
                  absolutePath),
              "/",
              Duration.ofSeconds(30));
      if (r.exitCode() != 0) {
        throw new IllegalStateException(
            "writing " + absolutePath + " in the session failed: " + r.output().strip());
      }
      return;
    }
    int slash = absolutePath.lastIndexOf('/');
    String dir = slash <= 0 ? "/" : absolutePath.substring(0, slash);
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
      TarArchiveEntry entry = new TarArchiveEntry(absolutePath.substring(slash + 1));
      entry.setSize(bytes.length);
      entry.setMode(0100644);
      int[] ids = uidGid();
      entry.setUserId(ids[0]);
      entry.setGroupId(ids[1]);
      out.putArchiveEntry(entry);
      out.write(bytes);
      out.closeArchiveEntry();
    } catch (IOException e) {
      throw new IllegalStateException("cannot build the archive for " + absolutePath, e);
    }
    bash("mkdir -p -- \"$0\"".replace("$0", dir.replace("\"", "")), "/", Duration.ofSeconds(30));
    client
        .copyArchiveToContainerCmd(id)
        .withRemotePath(dir)
        .withTarInputStream(new ByteArrayInputStream(tar.toByteArray()))
        .exec();
  }

  private int[] uidGid() {
    if (user == null) {
      return new int[] {0, 0};
    }
    String[] parts = user.split(":");
    try {
      int uid = Integer.parseInt(parts[0]);
      return new int[] {uid, parts.length > 1 ? Integer.parseInt(parts[1]) : uid};
    } catch (NumberFormatException e) {
      return new int[] {0, 0};
    }
  }

  /** Removes the container (forced); safe to call twice. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // already removed
    } catch (RuntimeException e) {
      LOG.warn("could not remove session container {}: {}", name, e.getMessage());
    }
  }

  /** Collects stdout and stderr frames in arrival order, up to MAX_CAPTURE_BYTES. */
  private static final class Capture extends EngineWait.Stream<Frame> {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void onNext(Frame frame) {
      byte[] payload = frame.getPayload();
      if (payload != null && bytes.size() < MAX_CAPTURE_BYTES) {
        bytes.write(payload, 0, Math.min(payload.length, MAX_CAPTURE_BYTES - bytes.size()));
      }
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
