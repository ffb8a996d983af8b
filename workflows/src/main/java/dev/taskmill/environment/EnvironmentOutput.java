package dev.taskmill.environment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.taskmill.stage.BindMount;
import java.util.Objects;

/**
 * The validation environment: files written to the work area and the images they describe.
 *
 * @param dockerfile absolute path of the Dockerfile in the work area
 * @param runScript absolute path of run.sh in the work area
 * @param baseImage the stack's base image (toolchain only)
 * @param environmentImage the reusable image tag: toolchain plus dependencies, keyed by the
 *     dependency manifests
 * @param sampleImage the per-sample image tag: the environment plus the repository at the base
 *     commit
 * @param mounts host-prepared dependency caches, in JSON "hostPath:containerPath:ro|rw"
 *     (docs/stage-contract.md)
 * @param user the container user ("uid:gid"), or null when the toolchain needs root
 * @param dependencyNotes one line per dependency the host could not fetch and left out because
 *     nothing the tests run imports it (written to metadata.json's environment and the final
 *     report)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnvironmentOutput(
    String dockerfile,
    String runScript,
    String baseImage,
    String environmentImage,
    String sampleImage,
    String toolchainVersion,
    java.util.List<BindMount> mounts,
    String user,
    java.util.List<String> dependencyNotes) {
  public EnvironmentOutput {
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(runScript, "runScript");
    Objects.requireNonNull(baseImage, "baseImage");
    Objects.requireNonNull(sampleImage, "sampleImage");
    mounts = mounts == null ? java.util.List.of() : java.util.List.copyOf(mounts);
    dependencyNotes =
        dependencyNotes == null ? java.util.List.of() : java.util.List.copyOf(dependencyNotes);
  }

  /** An environment whose dependencies all came. */
  public EnvironmentOutput(
      String dockerfile,
      String runScript,
      String baseImage,
      String environmentImage,
      String sampleImage,
      String toolchainVersion,
      java.util.List<BindMount> mounts,
      String user) {
    this(
        dockerfile,
        runScript,
        baseImage,
        environmentImage,
        sampleImage,
        toolchainVersion,
        mounts,
        user,
        null);
  }
}
