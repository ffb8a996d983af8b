package dev.taskmill.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks output directories before any work starts, so a bad one costs one line, not a run. */
final class Directories {
  private Directories() {}

  static Path writable(Path dir, String option) {
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new UserError(3, option + " " + dir + " cannot be created (" + e.getClass().getSimpleName()
          + "); choose a writable directory");
    }
    if (!Files.isWritable(absolute)) {
      throw new UserError(3, option + " " + dir + " is not writable; choose a writable directory");
    }
    return absolute;
  }
}
