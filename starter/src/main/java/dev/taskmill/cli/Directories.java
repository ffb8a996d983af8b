package dev.taskmill.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks output directories before any work starts, so a bad one costs one line, not a run. */
final class Directories {
  private Directories() {}

  static Path writable(Path dir, String option) {
    if (dir == null || dir.toString().isBlank()) {
      throw new UserError(
          3, option + " is empty; name a directory, for example " + option + " samples");
    }
    Path absolute = dir.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new UserError(
          3, option + " " + dir + " is a file, not a directory; choose a directory");
    }
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new UserError(
          3,
          option
              + " "
              + dir
              + " cannot be created ("
              + reason(e)
              + "); choose a writable"
              + " directory");
    }
    if (!Files.isWritable(absolute)) {
      throw new UserError(3, option + " " + dir + " is not writable; choose a writable directory");
    }
    return absolute;
  }

  /**
   * After a run that failed early, removes what it left in {@code dir} and nothing else: an empty
   * {@code .work}, a {@code .lock} that guards nothing (no sample, no report, no work area beside
   * it), and the directory itself when this command created it and it is empty again.
   */
  static void tidyAfterFailure(Path dir, boolean createdByThisCommand) {
    try {
      Path work = dir.resolve(".work");
      if (Files.isDirectory(work) && isEmpty(work)) {
        Files.delete(work);
      }
      Path lock = dir.resolve(".lock");
      if (Files.isRegularFile(lock)) {
        try (var children = Files.list(dir)) {
          if (children.allMatch(lock::equals)) {
            Files.delete(lock);
          }
        }
      }
      if (createdByThisCommand && Files.isDirectory(dir) && isEmpty(dir)) {
        Files.delete(dir);
      }
    } catch (IOException e) {
      // Best effort: the failure itself is what the user needs to hear about.
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var children = Files.list(dir)) {
      return children.findAny().isEmpty();
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    if (e instanceof java.nio.file.FileSystemException fs
        && "Not a directory".equals(fs.getReason())) {
      // A parent on the way is a file: name it rather than repeat the whole path.
      for (Path p = Path.of(fs.getFile()).getParent(); p != null; p = p.getParent()) {
        if (Files.isRegularFile(p)) {
          return p + " is a file";
        }
      }
    }
    return e.getMessage() == null ? "an I/O error" : e.getMessage();
  }
}
