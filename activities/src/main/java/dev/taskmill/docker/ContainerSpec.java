package dev.taskmill.docker;

import dev.taskmill.stage.BindMount;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one locked-down container needs; without network unless {@link #withNetwork()} says
 * (only the Maven warm-up, which fetches dependencies, runs with it).
 *
 * @param name a deterministic container name, so that a retried activity finds and removes a
 *     leftover
 * @param user "uid:gid" or null for the image's default user
 * @param network true for the engine's default bridge network, false for network mode "none"
 * @param workingDir the working directory, or null for the image's
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> command,
    Map<String, String> env,
    List<BindMount> mounts,
    String user,
    long nanoCpus,
    long memoryBytes,
    long pidsLimit,
    Map<String, String> labels,
    boolean network,
    String workingDir) {
  /** The label naming the stage a container runs; heartbeats name the container by it. */
  public static final String STAGE_LABEL = "dev.taskmill.stage";

  /** The label naming the work directory a container belongs to. */
  public static final String WORKDIR_LABEL = "dev.taskmill.workdir";

  public ContainerSpec {
    if (name == null || !name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
      throw new IllegalArgumentException("not a valid container name: " + name);
    }
    Objects.requireNonNull(image, "image");
    command = List.copyOf(command);
    env = Map.copyOf(env);
    mounts = List.copyOf(mounts);
    labels = Map.copyOf(labels);
    if (nanoCpus <= 0 || memoryBytes <= 0 || pidsLimit <= 0) {
      throw new IllegalArgumentException("cpu, memory and pids limits must be positive");
    }
    if (workingDir != null && !workingDir.startsWith("/")) {
      throw new IllegalArgumentException("a working directory must be absolute: " + workingDir);
    }
  }

  /** A container without network in the image's working directory. */
  public ContainerSpec(
      String name,
      String image,
      List<String> command,
      Map<String, String> env,
      List<BindMount> mounts,
      String user,
      long nanoCpus,
      long memoryBytes,
      long pidsLimit,
      Map<String, String> labels) {
    this(
        name,
        image,
        command,
        env,
        mounts,
        user,
        nanoCpus,
        memoryBytes,
        pidsLimit,
        labels,
        false,
        null);
  }

  /** The same container on the engine's default network. */
  public ContainerSpec withNetwork() {
    return new ContainerSpec(
        name,
        image,
        command,
        env,
        mounts,
        user,
        nanoCpus,
        memoryBytes,
        pidsLimit,
        labels,
        true,
        workingDir);
  }

  /** The same container, started in {@code dir}. */
  public ContainerSpec inDirectory(String dir) {
    return new ContainerSpec(
        name,
        image,
        command,
        env,
        mounts,
        user,
        nanoCpus,
        memoryBytes,
        pidsLimit,
        labels,
        network,
        dir);
  }

  /** What heartbeats and logs call it: its stage, else its name. */
  public String title() {
    return labels.getOrDefault(STAGE_LABEL, name);
  }
}
