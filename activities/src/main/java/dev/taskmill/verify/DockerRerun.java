package dev.taskmill.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskmill.analysis.Language;
import dev.taskmill.docker.ContainerEngine;
import dev.taskmill.files.FileTrees;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.validation.StageEnvironment;
import dev.taskmill.validation.StageParallelism;
import dev.taskmill.validation.StageRunner;
import dev.taskmill.validation.ValidationSettings;
import dev.taskmill.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code taskmill verify --rerun}: phase 5's own {@link Validator} and {@link StageRunner} run the
 * three stages (and the reruns of the default settings) again with the sample's run.sh, in the
 * sample's environment as {@link SampleEnvironments} prepares it (the image rebuilt by the sample's
 * run.sh when the engine lacks it).
 */
public final class DockerRerun implements SampleRerun {
  private final ValidationSettings settings;

  public DockerRerun(ValidationSettings settings) {
    this.settings = settings == null ? ValidationSettings.DEFAULTS : settings;
  }

  @Override
  public List<String> failToPass(Path sampleDir, JsonNode metadata)
      throws IOException, InterruptedException {
    SampleEnvironments.image(metadata);
    try (ContainerEngine engine = ContainerEngine.fromEnvironment()) {
      engine.ping();
      StageEnvironment env =
          SampleEnvironments.prepare(sampleDir, metadata, engine, Heartbeat.none());
      Path work = Files.createTempDirectory("taskmill-rerun-");
      try {
        StageRunner runner = new StageRunner(engine, settings, Heartbeat.none());
        boolean pays = StageParallelism.paysFor(languageOf(metadata));
        StageParallelism parallelism =
            StageParallelism.forEngine(
                engine, settings.memoryMb(), System.getenv(StageParallelism.ENV), pays);
        return new Validator(engine, runner, settings, parallelism)
            .validate(
                env,
                sampleDir.resolve(SampleVerifier.TESTS_PATCH),
                sampleDir.resolve(SampleVerifier.FIX_PATCH),
                work,
                settings.reruns())
            .failToPass();
      } finally {
        FileTrees.deleteRecursively(work);
      }
    }
  }

  /** The language metadata.json names at its top; UNKNOWN when it names none taskmill knows. */
  private static Language languageOf(JsonNode metadata) {
    try {
      return Language.valueOf(
          metadata.path("language").asText("").toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Language.UNKNOWN;
    }
  }
}
