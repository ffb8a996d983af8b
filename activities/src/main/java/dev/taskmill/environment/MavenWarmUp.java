package dev.taskmill.environment;

import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.docker.ContainerOwner;
import dev.taskmill.docker.ContainerRun;
import dev.taskmill.docker.ContainerSpec;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.stage.BindMount;
import dev.taskmill.stage.StageContract;
import io.temporal.client.ActivityCompletionException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes a Maven dependency cache by running the build once, in a container from the sample
 * image, with network: go-offline on the host misses plugin dependencies that only a real build
 * asks for (a bundle plugin's bndlib, Surefire's providers). Repository code runs only in that
 * container; the test stages stay offline. The container is an ordinary {@link
 * ContainerEngine#run}: its wait heartbeats, and a cancel removes it.
 */
final class MavenWarmUp {
  /**
   * Where the host keeps the JDK's trust store; lent to the container so it trusts what the host
   * trusts.
   */
  static final Path HOST_TRUST_STORE = Path.of("/etc/ssl/certs/java/cacerts");

  static final Duration TIMEOUT = Duration.ofMinutes(20);
  static final String ROLE = "maven-warm-up";

  /** The log of the last warm-up, next to the cache it completed. */
  static final String LOG_FILE = "maven-warm-up.log";

  private final ContainerEngine engine;
  private final Heartbeat heartbeat;

  MavenWarmUp(ContainerEngine engine, Heartbeat heartbeat) {
    this.engine = engine;
    this.heartbeat = heartbeat;
  }

  /**
   * Runs the build up to the tests (none selected) once per cache; a failure is reported, not
   * fatal. Returns whether it ran (the cache may hold new plugin versions whose run-time
   * dependencies are still missing).
   */
  boolean warm(String sampleImage, Path hostRepo, String projectDir) {
    Path marker = hostRepo.resolveSibling(".warmed");
    if (Files.exists(marker)) {
      return false;
    }
    heartbeat.beat("completing the Maven cache in a container");
    try (OutputStream log = Files.newOutputStream(hostRepo.resolveSibling(LOG_FILE))) {
      ContainerRun run =
          engine.run(spec(sampleImage, hostRepo, projectDir), log, TIMEOUT, heartbeat);
      if (run.exitCode() == 0 && !run.timedOut()) {
        Files.writeString(marker, sampleImage);
      } else {
        heartbeat.beat(
            "the Maven warm-up build exited "
                + (run.timedOut() ? "(timed out)" : run.exitCode())
                + "; the tests will show what is missing");
      }
    } catch (ActivityCompletionException cancelled) {
      throw cancelled; // the run was cancelled or its worker is stopping: ContainerEngine removed
      // the container
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      heartbeat.beat("the Maven warm-up was interrupted");
    } catch (RuntimeException | IOException e) {
      heartbeat.beat("the Maven warm-up did not finish: " + e.getMessage());
    }
    return true;
  }

  /**
   * The warm-up's container: root (it writes the cache), network, the cache read-write, Maven's
   * skip flags.
   */
  static ContainerSpec spec(String sampleImage, Path hostRepo, String projectDir) {
    String repo = StageContract.DependencyCache.M2.containerPath();
    List<BindMount> mounts =
        new ArrayList<>(List.of(BindMount.readWrite(hostRepo.toString(), repo)));
    if (Files.isReadable(HOST_TRUST_STORE)) {
      mounts.add(BindMount.readOnly(HOST_TRUST_STORE.toString(), HOST_TRUST_STORE.toString()));
    }
    List<String> command =
        new ArrayList<>(List.of("mvn", "-B", "-ntp", "-Dmaven.repo.local=" + repo));
    command.addAll(StageContract.MAVEN_SKIP_FLAGS);
    command.addAll(
        List.of(
            "-Dtest=TaskmillWarmUpSelectsNoTest",
            "-Dsurefire.failIfNoSpecifiedTests=false",
            "-DfailIfNoTests=false",
            "test"));
    Map<String, String> labels = new LinkedHashMap<>(ContainerOwner.labels());
    labels.put(ContainerOwner.ROLE_LABEL, ROLE);
    // Unique: two runs warming the same cache must not remove each other's container as a leftover.
    String name = "taskmill-warm-up-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    int cpus = Runtime.getRuntime().availableProcessors();
    return new ContainerSpec(
            name,
            sampleImage,
            command,
            Map.of(),
            mounts,
            "0:0",
            cpus * 1_000_000_000L,
            4L << 30,
            2048,
            labels)
        .withNetwork()
        .inDirectory(
            projectDir.isEmpty()
                ? StageContract.TESTBED
                : StageContract.TESTBED + "/" + projectDir);
  }
}
