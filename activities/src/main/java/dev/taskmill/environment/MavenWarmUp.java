package dev.taskmill.environment;

import dev.taskmill.progress.Heartbeat;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Completes a Maven dependency cache by running the build once, in a container from the sample image, with
 * network: go-offline on the host misses plugin dependencies that only a real build asks for (a bundle plugin's
 * bndlib, Surefire's providers). Repository code runs only in that container; the test stages stay offline.
 */
final class MavenWarmUp {
  static final String CONTAINER_REPO = "/taskmill/deps/m2";
  /** Where the host keeps the JDK's trust store; lent to the container so it trusts what the host trusts. */
  static final Path HOST_TRUST_STORE = Path.of("/etc/ssl/certs/java/cacerts");
  static final long TIMEOUT_MINUTES = 20;

  private final DockerClient docker;
  private final Heartbeat heartbeat;

  MavenWarmUp(DockerClient docker, Heartbeat heartbeat) {
    this.docker = docker;
    this.heartbeat = heartbeat;
  }

  /**
   * Runs the build up to the tests (none selected) once per cache; a failure is reported, not fatal. Returns
   * whether it ran (the cache may hold new plugin versions whose run-time dependencies are still missing).
   */
  boolean warm(String sampleImage, Path hostRepo, String projectDir) {
    Path marker = hostRepo.resolveSibling(".warmed");
    if (Files.exists(marker)) {
      return false;
    }
    heartbeat.beat("completing the Maven cache in a container");
    List<Bind> binds = new ArrayList<>(List.of(new Bind(hostRepo.toString(), new Volume(CONTAINER_REPO))));
    if (Files.isReadable(HOST_TRUST_STORE)) {
      binds.add(Bind.parse(HOST_TRUST_STORE + ":/etc/ssl/certs/java/cacerts:ro"));
    }
    String dir = projectDir.isEmpty() ? "/testbed" : "/testbed/" + projectDir;
    String id = docker.createContainerCmd(sampleImage)
        .withUser("0:0")
        .withWorkingDir(dir)
        .withLabels(warmUpLabels())
        .withHostConfig(HostConfig.newHostConfig().withBinds(binds).withMemory(4L << 30).withPidsLimit(2048L))
        .withCmd("mvn", "-B", "-ntp", "-Dmaven.repo.local=" + CONTAINER_REPO, "-Denforcer.skip=true",
            "-Drat.skip=true", "-Djapicmp.skip=true", "-Danimal.sniffer.skip=true", "-Dcheckstyle.skip=true",
            "-Dspotbugs.skip=true", "-Dpmd.skip=true", "-Dcpd.skip=true", "-Dmaven.javadoc.skip=true",
            "-Drevapi.skip=true", "-Dspotless.check.skip=true", "-Dlicense.skip=true", "-Dmoditect.skip=true",
            "-Dtest=TaskmillWarmUpSelectsNoTest", "-Dsurefire.failIfNoSpecifiedTests=false",
            "-DfailIfNoTests=false", "test")
        .exec().getId();
    try {
      docker.startContainerCmd(id).exec();
      Integer exit = awaitExit(id);
      if (exit != null && exit == 0) {
        Files.writeString(marker, sampleImage);
      } else {
        heartbeat.beat("the Maven warm-up build exited " + (exit == null ? "(timed out)" : exit)
            + "; the tests will show what is missing");
      }
    } catch (io.temporal.client.ActivityCompletionException cancelled) {
      throw cancelled; // the run was cancelled or its worker is stopping: the finally removes the container
    } catch (RuntimeException | java.io.IOException e) {
      heartbeat.beat("the Maven warm-up did not finish: " + e.getMessage());
    } finally {
      docker.removeContainerCmd(id).withForce(true).exec();
    }
    return true;
  }

  /** Waits for the build's exit, heartbeating every few seconds so that a cancellation reaches it; null on timeout. */
  private Integer awaitExit(String id) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
    while (System.nanoTime() < deadline) {
      var state = docker.inspectContainerCmd(id).exec().getState();
      if (!Boolean.TRUE.equals(state.getRunning())) {
        return state.getExitCodeLong() == null ? null : state.getExitCodeLong().intValue();
      }
      heartbeat.beat("Maven warm-up build running");
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private static java.util.Map<String, String> warmUpLabels() {
    java.util.Map<String, String> labels = new java.util.LinkedHashMap<>(dev.taskmill.docker.ContainerOwner.labels());
    labels.put(dev.taskmill.docker.ContainerOwner.ROLE_LABEL, "maven-warm-up");
    return labels;
  }
}
