package dev.taskmill.patches;

import java.util.Objects;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;

/**
 * One file of a PR's diff with its role and its own patch text (a complete {@code diff --git}
 * section).
 *
 * @param oldPath the path on the base side, or null for an added file
 * @param newPath the path on the merge side, or null for a deleted file
 * @param submodule whether this is a submodule pointer (mode 160000) rather than a file
 * @param patch the bytes of this file's section of the patch; file contents need not be UTF-8
 */
public record ChangedFile(
    String oldPath,
    String newPath,
    ChangeType change,
    FileRole role,
    boolean binary,
    boolean submodule,
    byte[] patch,
    int linesAdded,
    int linesRemoved) {
  public ChangedFile {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(patch, "patch");
    if (oldPath == null && newPath == null) {
      throw new IllegalArgumentException("a changed file needs a path");
    }
  }

  /** The path a person would name: the new one, or the old one for a deletion. */
  public String path() {
    return newPath != null ? newPath : oldPath;
  }

  /** "old -> new" for renames and copies, else the path. */
  public String describe() {
    return (change == ChangeType.RENAME || change == ChangeType.COPY)
        ? oldPath + " -> " + newPath
        : path();
  }
}
