package dev.taskmill.docker;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.taskmill.stage.BindMount;

/**
 * Everything one locked-down stage container needs: always without network.
 *
 * @param name a deterministic container name, so that a retried activity finds and removes a leftover
 * @param user "uid:gid" or null for the image's default user
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
    Map<String, String> labels) {
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
  }
}
