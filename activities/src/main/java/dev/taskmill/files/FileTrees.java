package dev.taskmill.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes folder trees: the one copy of what assembly, git and patches each wrote for themselves.
 */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Deletes {@code path} and everything under it; nothing when it does not exist. Symbolic links
   * are deleted, never followed, so a link inside a work folder cannot make this delete what it
   * points at.
   */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
