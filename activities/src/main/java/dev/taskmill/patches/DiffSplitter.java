package dev.taskmill.patches;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Diffs the base commit against the merge commit with rename detection and cuts the diff into one
 * {@link ChangedFile} per file, each with its role, its own patch text and its line counts. Every
 * path is checked with {@link PathSafety} before anything is formatted.
 */
public final class DiffSplitter {
  /** The largest binary file carried in a patch (either side). */
  public static final long MAX_BINARY_BYTES = 32L * 1024 * 1024;

  private final Repository repository;
  private final long maxBinaryBytes;

  public DiffSplitter(Repository repository) {
    this(repository, MAX_BINARY_BYTES);
  }

  DiffSplitter(Repository repository, long maxBinaryBytes) {
    this.repository = repository;
    this.maxBinaryBytes = maxBinaryBytes;
  }

  /** The changed files of base..merge, in the diff's order. */
  public List<ChangedFile> split(AnyObjectId base, AnyObjectId merge) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (RevWalk walk = new RevWalk(repository);
        DiffFormatter formatter = new DiffFormatter(buffer)) {
      formatter.setRepository(repository);
      // Explicit, so a repository's diff.noprefix or diff.mnemonicPrefix cannot break `git apply
      // -p1`.
      formatter.setOldPrefix("a/");
      formatter.setNewPrefix("b/");
      formatter.setDetectRenames(true);
      formatter.setDiffComparator(RawTextComparator.DEFAULT);
      List<DiffEntry> entries =
          formatter.scan(walk.parseCommit(base).getTree(), walk.parseCommit(merge).getTree());
      for (DiffEntry entry : entries) {
        checkSafe(entry);
      }
      List<ChangedFile> files = new ArrayList<>();
      for (DiffEntry entry : entries) {
        files.add(toChangedFile(entry, formatter, buffer));
      }
      return files;
    }
  }

  private void checkSafe(DiffEntry entry) throws IOException {
    if (entry.getChangeType() != ChangeType.ADD) {
      PathSafety.requireInside(entry.getOldPath());
    }
    if (entry.getChangeType() != ChangeType.DELETE) {
      PathSafety.requireInside(entry.getNewPath());
      if (entry.getNewMode() == FileMode.SYMLINK) {
        String target = new String(read(entry.getNewId().toObjectId()), StandardCharsets.UTF_8);
        PathSafety.requireLinkInside(entry.getNewPath(), target);
      }
    }
  }

  private ChangedFile toChangedFile(
      DiffEntry entry, DiffFormatter formatter, ByteArrayOutputStream buffer) throws IOException {
    ChangeType change = entry.getChangeType();
    String oldPath = change == ChangeType.ADD ? null : entry.getOldPath();
    String newPath = change == ChangeType.DELETE ? null : entry.getNewPath();
    FileRole role = roleOf(entry, oldPath, newPath);
    FileHeader header = formatter.toFileHeader(entry);
    if (header.getPatchType() != FileHeader.PatchType.UNIFIED) {
      requireCarriable(entry);
      byte[] oldContent =
          change == ChangeType.ADD ? new byte[0] : read(entry.getOldId().toObjectId());
      byte[] newContent =
          change == ChangeType.DELETE ? new byte[0] : read(entry.getNewId().toObjectId());
      return new ChangedFile(
          oldPath,
          newPath,
          change,
          role,
          true,
          false,
          BinaryPatchWriter.write(entry, oldContent, newContent),
          0,
          0);
    }
    buffer.reset();
    formatter.format(entry);
    formatter.flush();
    int added = 0;
    int removed = 0;
    for (Edit edit : header.toEditList()) {
      added += edit.getLengthB();
      removed += edit.getLengthA();
    }
    boolean submodule =
        entry.getOldMode() == FileMode.GITLINK || entry.getNewMode() == FileMode.GITLINK;
    return new ChangedFile(
        oldPath, newPath, change, role, false, submodule, buffer.toByteArray(), added, removed);
  }

  /**
   * Submodule pointers are never part of a sample: git apply cannot move them in a plain checkout.
   */
  private static FileRole roleOf(DiffEntry entry, String oldPath, String newPath) {
    if (entry.getOldMode() == FileMode.GITLINK || entry.getNewMode() == FileMode.GITLINK) {
      return FileRole.OTHER;
    }
    if (oldPath != null && newPath != null && !oldPath.equals(newPath)) {
      return FileClassifier.classifyRename(oldPath, newPath);
    }
    return FileClassifier.classify(oldPath != null ? oldPath : newPath);
  }

  /**
   * A literal hunk holds the whole file in memory and in the patch: past the limit the PR is
   * refused.
   */
  private void requireCarriable(DiffEntry entry) throws IOException {
    for (DiffEntry.Side side : DiffEntry.Side.values()) {
      ObjectId id = entry.getId(side).toObjectId();
      if (ObjectId.zeroId().equals(id)) {
        continue;
      }
      long size = repository.getObjectDatabase().open(id).getSize();
      if (size > maxBinaryBytes) {
        throw Failures.of(
            FailureType.PATCH_DOES_NOT_APPLY,
            "binary file '"
                + entry.getPath(side)
                + "' is "
                + size / (1024 * 1024)
                + " MiB, over the "
                + maxBinaryBytes / (1024 * 1024)
                + " MiB a GIT binary patch may carry; pick another PR");
      }
    }
  }

  private byte[] read(ObjectId id) throws IOException {
    return repository.open(id).getCachedBytes(Integer.MAX_VALUE);
  }
}
