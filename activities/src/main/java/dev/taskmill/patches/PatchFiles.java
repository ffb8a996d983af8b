package dev.taskmill.patches;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * File writing confined to the work area: atomic replace (temp file + move), so a retry rewrites
 * cleanly.
 */
final class PatchFiles {
  private PatchFiles() {}

  /**
   * Writes {@code content} to {@code workDir/name} atomically; the name must be a plain file name.
   */
  static Path writeAtomically(Path workDir, String name, byte[] content) throws IOException {
    Path target = workDir.resolve(name).normalize();
    if (!target.getParent().equals(workDir.normalize())) {
      throw Failures.of(FailureType.INTERNAL, "refusing to write " + name + " outside " + workDir);
    }
    if (content.length == 0) {
      throw Failures.of(FailureType.INTERNAL, "refusing to write an empty " + name);
    }
    Files.createDirectories(workDir);
    Path temp = Files.createTempFile(workDir, "." + name + "-", ".tmp");
    try {
      Files.write(temp, content);
      // createTempFile makes owner-only files; a patch is shared with containers and people.
      Files.setPosixFilePermissions(
          temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }
}
