package dev.taskmill.diff;

import java.util.List;

/**
 * One file of a unified git diff.
 *
 * @param oldPath the path before the change, null for an added file
 * @param newPath the path after the change, null for a deleted file
 * @param binary true for "GIT binary patch" / "Binary files differ" entries, which have no hunks
 */
public record PatchFile(
    String oldPath, String newPath, Change change, boolean binary, List<PatchHunk> hunks) {
  /** How git describes the file's change. */
  public enum Change {
    ADDED,
    DELETED,
    MODIFIED,
    RENAMED,
    COPIED
  }

  public PatchFile {
    hunks = List.copyOf(hunks);
  }

  /** The path the file is known by afterwards; the old path for a deleted file. */
  public String path() {
    return newPath != null ? newPath : oldPath;
  }

  /** The path of {@code side}, or null when the file does not exist on that side. */
  public String path(Side side) {
    return side == Side.OLD ? oldPath : newPath;
  }

  /** True for a file the diff creates. */
  public boolean created() {
    return change == Change.ADDED;
  }

  /** True for a file the diff deletes. */
  public boolean deleted() {
    return change == Change.DELETED;
  }

  /** The added lines of all hunks, with their numbers in the new content. */
  public List<AddedLine> additions() {
    return hunks.stream().flatMap(h -> h.additions().stream()).toList();
  }

  /** This file with other hunks. */
  public PatchFile withHunks(List<PatchHunk> other) {
    return new PatchFile(oldPath, newPath, change, binary, other);
  }

  public int linesAdded() {
    return hunks.stream().mapToInt(h -> h.addedLines().size()).sum();
  }

  public int linesRemoved() {
    return hunks.stream().mapToInt(h -> h.removedLines().size()).sum();
  }
}
