package dev.taskmill.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.taskmill.docker.DockerClients;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.validation.BindMount;
import dev.taskmill.validation.ContainerEngine;
import dev.taskmill.validation.StageEnvironment;
import dev.taskmill.validation.StageRunner;
import dev.taskmill.validation.ValidationSettings;
import dev.taskmill.validation.Validator;
import dev.taskmill.validation.report.ContainerPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code taskmill verify --rerun}: phase 5's own {@link Validator} and {@link StageRunner} run the three stages
 * (and the reruns of the default settings) again with the sample's run.sh, in the image metadata.json names
 * ({@code environment.sampleImage}). When the Docker engine does not have that image, the sample's own
 * {@code run.sh} is run once in its host mode with {@code TASKMILL_LOCAL_IMAGE} set to that tag: it clones the
 * repository at the base commit, builds the sample's Dockerfile under the tag and runs the cycle with the docker
 * CLI; its exit code must be 0. The dependency-cache mounts are the ones run.sh names (HOST_MOUNTS) that exist on
 * this host.
 */
public final class DockerRerun implements SampleRerun {
  private static final Pattern HOST_MOUNTS = Pattern.compile("(?m)^HOST_MOUNTS=\\((.*)\\)\\s*$");
  private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'\\\\'')*)'");
  private static final long BUILD_TIMEOUT_MINUTES = 60;

  private final ValidationSettings settings;

  public DockerRerun(ValidationSettings settings) {
    this.settings = settings == null ? ValidationSettings.DEFAULTS : settings;
  }

  @Override
  public List<String> failToPass(Path sampleDir, JsonNode metadata) throws IOException, InterruptedException {
    String image = metadata.path("environment").path("sampleImage").asText("");
    if (image.isBlank()) {
      throw new IllegalArgumentException("metadata.json names no environment.sampleImage");
    }
    Path runScript = sampleDir.resolve(SampleVerifier.RUN_SCRIPT).toAbsolutePath();
    try (DockerClient client = DockerClients.fromEnvironment()) {
      ContainerEngine engine = new ContainerEngine(client, DockerClients.dockerHost());
      engine.ping();
      if (!engine.imageExists(image)) {
        buildWithRunScript(sampleDir, image);
      }
      String text = Files.readString(runScript, StandardCharsets.UTF_8);
      StageEnvironment env = new StageEnvironment(image, runScript, hostMounts(text),
          metadata.path("environment").path("user").asText(null),
          ContainerPaths.forProjectDir(metadata.path("projectDir").asText("")));
      Path work = Files.createTempDirectory("taskmill-rerun-");
      try {
        StageRunner runner = new StageRunner(engine, settings, Heartbeat.none());
        return new Validator(engine, runner, settings).validate(env, sampleDir.resolve(SampleVerifier.TESTS_PATCH),
            sampleDir.resolve(SampleVerifier.FIX_PATCH), work, settings.reruns()).failToPass();
      } finally {
        try (Stream<Path> walk = Files.walk(work)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
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

  private static void buildWithRunScript(Path sampleDir, String image) throws IOException, InterruptedException {
    Path log = Files.createTempFile("taskmill-rerun-build-", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder("bash", SampleVerifier.RUN_SCRIPT).directory(sampleDir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("TASKMILL_LOCAL_IMAGE", image);
      Process process = builder.start();
      if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("run.sh did not finish in " + BUILD_TIMEOUT_MINUTES + " minutes");
      }
      if (process.exitValue() != 0) {
        List<String> lines = Files.readAllLines(log);
        String tail = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        throw new IllegalStateException("the image " + image + " was missing and run.sh (which rebuilds it from the "
            + "sample's Dockerfile) exited " + process.exitValue() + ": " + tail);
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
