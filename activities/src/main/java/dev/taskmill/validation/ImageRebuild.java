package dev.taskmill.validation;

import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.progress.Heartbeat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A sample image missing on this Docker engine (built by another worker's environment phase, or
 * removed since) is rebuilt here from its recipe: the run.sh beside the Dockerfile, in host mode
 * with {@code TASKMILL_LOCAL_IMAGE} and {@code TASKMILL_BUILD_ONLY=1}, which clones the repository
 * at the base commit and builds the same tag from the same Dockerfile. Used by validation and
 * trajectories (the work area's run.sh) and by {@code verify --rerun} and {@code evaluate} (the
 * sample's run.sh). docs/decisions.md, "A sample image missing on the validating host".
 */
public final class ImageRebuild {
  private static final long BUILD_TIMEOUT_MINUTES = 60;

  /**
   * One build per image tag at a time in this process: parallel callers of one sample build it
   * once.
   */
  private static final ConcurrentHashMap<String, Object> BUILDING = new ConcurrentHashMap<>();

  private ImageRebuild() {}

  /**
   * Makes sure {@code image} is on the engine, building it with {@code runScript} (whose folder
   * holds the Dockerfile, tests.patch and fix.patch) when it is not; true when it had to be built.
   * A build that does not produce the image fails as TRANSIENT with run.sh's last line, so that
   * another worker may try.
   */
  public static boolean ensure(
      ContainerEngine engine, String image, Path runScript, Heartbeat heartbeat)
      throws IOException, InterruptedException {
    if (engine.imageExists(image)) {
      return false;
    }
    synchronized (BUILDING.computeIfAbsent(image, k -> new Object())) {
      if (engine.imageExists(image)) {
        return false;
      }
      String why = buildWithRunScript(runScript, image, heartbeat);
      if (!engine.imageExists(image)) {
        throw Failures.of(
            FailureType.TRANSIENT,
            "the image "
                + image
                + " was missing on the Docker engine at "
                + engine.where()
                + " and "
                + runScript
                + " (which rebuilds it from the Dockerfile beside it) did not"
                + " build it: "
                + why);
      }
      return true;
    }
  }

  /** Runs run.sh's host mode to build {@code image}; returns its exit code and last line. */
  static String buildWithRunScript(Path runScript, String image, Heartbeat heartbeat)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("taskmill-image-build-", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder("bash", runScript.getFileName().toString())
              .directory(runScript.toAbsolutePath().getParent().toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("TASKMILL_LOCAL_IMAGE", image);
      builder.environment().put("TASKMILL_BUILD_ONLY", "1");
      Process process = builder.start();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(BUILD_TIMEOUT_MINUTES);
      String what = "building " + image + " from " + runScript;
      heartbeat.beat(what);
      try {
        while (!process.waitFor(5, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
          heartbeat.beat(what);
        }
      } finally {
        if (process.isAlive()) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      }
      if (System.nanoTime() >= deadline) {
        return "run.sh did not finish in " + BUILD_TIMEOUT_MINUTES + " minutes";
      }
      List<String> lines = Files.readAllLines(log);
      return "run.sh exited "
          + process.exitValue()
          + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
