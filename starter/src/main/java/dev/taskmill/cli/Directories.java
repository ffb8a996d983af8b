package dev.taskmill.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks output directories before any work starts, so a bad one costs one line, not a run. */
final class Directories {
  private Directories() {}

  static Path writable(Path dir, String option) {
    if (dir == null || dir.toString().isBlank()) {
      throw new UserError(3, option + " is empty; name a directory, for example " + option + " samples");
    }
    Path absolute = dir.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new UserError(3, option + " " + dir + " is a file, not a directory; choose a directory");
    }
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new UserError(3, option + " " + dir + " cannot be created (" + reason(e) + "); choose a writable"
          + " directory");
    }
    if (!Files.isWritable(absolute)) {
      throw new UserError(3, option + " " + dir + " is not writable; choose a writable directory");
    }
    return absolute;
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    return e.getMessage() == null ? "an I/O error" : e.getMessage();
  }
}
