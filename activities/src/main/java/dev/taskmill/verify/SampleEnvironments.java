package dev.taskmill.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.stage.BindMount;
import dev.taskmill.validation.ImageRebuild;
import dev.taskmill.validation.StageEnvironment;
import dev.taskmill.validation.report.ContainerPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link StageEnvironment} of a sample folder, for running its stages again ({@code verify
 * --rerun}, {@code evaluate}): the image metadata.json names ({@code environment.sampleImage}), the
 * folder's run.sh, the dependency-cache mounts of run.sh's HOST_MOUNTS that exist on this host.
 * When the engine lacks the image, the sample's own run.sh rebuilds it from the sample's Dockerfile
 * (host mode with {@code TASKMILL_LOCAL_IMAGE} and {@code TASKMILL_BUILD_ONLY=1}; a run.sh older
 * than that variable also runs the cycle, whose exit code is then not the build's: the image's
 * presence decides).
 */
public final class SampleEnvironments {
  private static final Pattern HOST_MOUNTS = Pattern.compile("(?m)^HOST_MOUNTS=\\((.*)\\)\\s*$");
  private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'\\\\'')*)'");

  private SampleEnvironments() {}

  /** The image tag metadata.json names; an IllegalArgumentException when it names none. */
  public static String image(JsonNode metadata) {
    String image = metadata.path("environment").path("sampleImage").asText("");
    if (image.isBlank()) {
      throw new IllegalArgumentException("metadata.json names no environment.sampleImage");
    }
    return image;
  }

  /**
   * The stage environment of the sample, its image built first when the engine does not have it.
   */
  public static StageEnvironment prepare(
      Path sampleDir, JsonNode metadata, ContainerEngine engine, Heartbeat heartbeat)
      throws IOException, InterruptedException {
    String image = image(metadata);
    Path runScript = sampleDir.resolve(SampleVerifier.RUN_SCRIPT).toAbsolutePath();
    try {
      ImageRebuild.ensure(engine, image, runScript, heartbeat);
    } catch (io.temporal.failure.ApplicationFailure notBuilt) {
      // verify and evaluate report a sample whose image cannot be made as a finding, not as a
      // retry.
      throw new IllegalStateException(notBuilt.getOriginalMessage(), notBuilt);
    }
    String text = Files.readString(runScript, StandardCharsets.UTF_8);
    return new StageEnvironment(
        image,
        runScript,
        hostMounts(text),
        metadata.path("environment").path("user").asText(null),
        ContainerPaths.forProjectDir(metadata.path("projectDir").asText("")));
  }

  /** The mounts of run.sh's HOST_MOUNTS array whose host path exists here. */
  static List<BindMount> hostMounts(String runScript) {
    List<BindMount> mounts = new ArrayList<>();
    Matcher line = HOST_MOUNTS.matcher(runScript);
    if (line.find()) {
      Matcher word = QUOTED.matcher(line.group(1));
      while (word.find()) {
        String spec = word.group(1).replace("'\\''", "'");
        BindMount mount = BindMount.parse(spec);
        if (Files.exists(Path.of(mount.hostPath()))) {
          mounts.add(mount);
        }
      }
    }
    return mounts;
  }
}
