package dev.taskmill.enrichment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.trajectory.Trajectory;
import dev.taskmill.trajectory.TrajectoryOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** The ideal and the failed trajectory, read from the files phase 3 wrote. */
public record TrajectoryPair(Trajectory ideal, Trajectory failed) {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public TrajectoryPair {
    Objects.requireNonNull(ideal, "ideal");
    Objects.requireNonNull(failed, "failed");
    if (!Trajectory.IDEAL.equals(ideal.kind()) || !Trajectory.FAILED.equals(failed.kind())) {
      throw new IllegalArgumentException(
          "expected an ideal and a failed trajectory, got "
              + ideal.kind()
              + " and "
              + failed.kind());
    }
  }

  /** Reads both files named by phase 3's output. */
  public static TrajectoryPair read(TrajectoryOutput output) throws IOException {
    return new TrajectoryPair(
        read(Path.of(output.idealTrajectory())), read(Path.of(output.failedTrajectory())));
  }

  static Trajectory read(Path file) throws IOException {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString());
    }
    return JSON.readValue(file.toFile(), Trajectory.class);
  }
}
