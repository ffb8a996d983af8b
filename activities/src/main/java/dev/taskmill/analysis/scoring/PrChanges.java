package dev.taskmill.analysis.scoring;

import dev.taskmill.patches.FileClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The files a PR changes (base..merge), split by FileClassifier into test, source and other, with
 * the number of changed lines. Line counts are skipped for PRs too large to be a sample anyway.
 */
public record PrChanges(
    List<String> testFiles, List<String> sourceFiles, List<String> otherFiles, int linesChanged) {
  /** Beyond this many files a PR is scored as huge without diffing each file. */
  static final int MAX_FILES_TO_COUNT = 300;

  public PrChanges {
    testFiles = List.copyOf(testFiles);
    sourceFiles = List.copyOf(sourceFiles);
    otherFiles = List.copyOf(otherFiles);
  }

  public int fileCount() {
    return testFiles.size() + sourceFiles.size() + otherFiles.size();
  }

  /** Diffs {@code base} against {@code merge} with rename detection. */
  public static PrChanges between(Repository repository, String base, String merge) {
    try (RevWalk walk = new RevWalk(repository);
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repository);
      diff.setDetectRenames(true);
      List<DiffEntry> entries =
          diff.scan(
              walk.parseCommit(ObjectId.fromString(base)).getTree(),
              walk.parseCommit(ObjectId.fromString(merge)).getTree());
      List<String> tests = new ArrayList<>();
      List<String> sources = new ArrayList<>();
      List<String> others = new ArrayList<>();
      int lines = 0;
      for (DiffEntry entry : entries) {
        String path =
            entry.getChangeType() == DiffEntry.ChangeType.DELETE
                ? entry.getOldPath()
                : entry.getNewPath();
        switch (FileClassifier.classify(path)) {
          case TEST -> tests.add(path);
          case SOURCE -> sources.add(path);
          case OTHER -> others.add(path);
        }
        if (entries.size() <= MAX_FILES_TO_COUNT) {
          for (Edit edit : diff.toFileHeader(entry).toEditList()) {
            lines += edit.getLengthA() + edit.getLengthB();
          }
        }
      }
      return new PrChanges(
          tests, sources, others, entries.size() <= MAX_FILES_TO_COUNT ? lines : Integer.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot diff " + base + ".." + merge + ": " + e.getMessage(), e);
    }
  }
}
