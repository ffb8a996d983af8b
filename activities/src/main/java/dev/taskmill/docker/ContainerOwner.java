package dev.taskmill.docker;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Labels that tie a container to the process that started it (host name, pid, process start time),
 * and the rule that tells when that process is gone: same host, and no live process with that pid
 * and start time.
 */
public final class ContainerOwner {
  /**
   * Every container taskmill starts carries this label; its value says what the container is for.
   */
  public static final String ROLE_LABEL = "dev.taskmill.role";

  public static final String HOST_LABEL = "dev.taskmill.owner-host";
  public static final String PID_LABEL = "dev.taskmill.owner-pid";
  public static final String STARTED_LABEL = "dev.taskmill.owner-started";

  /**
   * /proc reports start times in clock ticks; two readings of one process agree well within this.
   */
  private static final long START_TOLERANCE_MILLIS = 1_000;

  private static final Map<String, String> CURRENT = current();

  private ContainerOwner() {}

  /** The owner labels of this process. */
  public static Map<String, String> labels() {
    return CURRENT;
  }

  /**
   * True only when the container's owner is provably gone: its labels name this host and a pid that
   * is not alive or now belongs to a process started at another time. Containers without owner
   * labels, or from another host (another machine, or a worker in another container), are never
   * taken for dead.
   */
  public static boolean ownerIsDead(
      Map<String, String> labels,
      String thisHost,
      LongFunction<Optional<Optional<Instant>>> startOfLivePid) {
    if (labels == null || !thisHost.equals(labels.get(HOST_LABEL))) {
      return false;
    }
    long pid;
    long started;
    try {
      pid = Long.parseLong(labels.getOrDefault(PID_LABEL, ""));
      started = Long.parseLong(labels.getOrDefault(STARTED_LABEL, ""));
    } catch (NumberFormatException unlabelled) {
      return false;
    }
    Optional<Optional<Instant>> live = startOfLivePid.apply(pid);
    if (live.isEmpty()) {
      return true;
    }
    // A live pid whose start time cannot be read is given the benefit of the doubt.
    return live.get()
        .map(start -> Math.abs(start.toEpochMilli() - started) > START_TOLERANCE_MILLIS)
        .orElse(false);
  }

  /**
   * Looks a pid up on this host: empty when no such process is alive, else its start time if
   * readable.
   */
  public static Optional<Optional<Instant>> livePid(long pid) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> p.info().startInstant());
  }

  /** This host's name as the kernel knows it (a container's own name inside a container). */
  public static String hostName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException | RuntimeException noProc) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException unknown) {
        return "unknown-host";
      }
    }
  }

  private static Map<String, String> current() {
    ProcessHandle self = ProcessHandle.current();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(HOST_LABEL, hostName());
    labels.put(PID_LABEL, String.valueOf(self.pid()));
    labels.put(
        STARTED_LABEL,
        String.valueOf(self.info().startInstant().map(Instant::toEpochMilli).orElse(0L)));
    return Map.copyOf(labels);
  }
}
