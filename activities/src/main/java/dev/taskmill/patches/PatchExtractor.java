package dev.taskmill.patches;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Phase 2 without Temporal: split base..merge into fix, tests and other, refuse what cannot be a
 * sample, write fix.patch and tests.patch into the work area and prove they apply.
 */
public final class PatchExtractor {
  public static final String FIX_PATCH = "fix.patch";
  public static final String TESTS_PATCH = "tests.patch";

  private final Consumer<String> progress;

  /**
   * @param progress receives one line per step (the activity turns them into heartbeats)
   */
  public PatchExtractor(Consumer<String> progress) {
    this.progress = progress == null ? line -> {} : progress;
  }

  public ExtractionOutput extract(Repository repository, ExtractionInput input) throws IOException {
    Path workDir = Path.of(input.workDir()).normalize();
    progress.accept(
        "diffing "
            + input.baseCommit().substring(0, 7)
            + ".."
            + input.mergeCommit().substring(0, 7));
    List<ChangedFile> files =
        new DiffSplitter(repository)
            .split(
                ObjectId.fromString(input.baseCommit()), ObjectId.fromString(input.mergeCommit()));
    List<ChangedFile> tests = ofRole(files, FileRole.TEST);
    List<ChangedFile> fix = ofRole(files, FileRole.SOURCE);
    if (tests.isEmpty()) {
      throw Failures.of(
          FailureType.NO_TESTS,
          input.describe()
              + " changes no test file: nothing could fail before the fix (changed: "
              + names(files)
              + ")");
    }
    if (fix.isEmpty()) {
      throw Failures.of(
          FailureType.NO_SOURCE_CHANGE,
          input.describe()
              + " changes no source file, only tests or docs: there is no fix to validate (changed: "
              + names(files)
              + ")");
    }
    progress.accept("writing " + tests.size() + " test and " + fix.size() + " fix files");
    Path testsPatch = PatchFiles.writeAtomically(workDir, TESTS_PATCH, concat(tests));
    Path fixPatch = PatchFiles.writeAtomically(workDir, FIX_PATCH, concat(fix));
    progress.accept("checking that the patches apply on " + input.baseCommit().substring(0, 7));
    List<String> differing =
        new ApplyCheck(repository)
            .verify(
                ObjectId.fromString(input.baseCommit()),
                ObjectId.fromString(input.mergeCommit()),
                leftOutPaths(files),
                workDir,
                testsPatch,
                fixPatch);
    return output(files, fixPatch, testsPatch, differing);
  }

  private static Set<String> leftOutPaths(List<ChangedFile> files) {
    Set<String> paths = new HashSet<>();
    for (ChangedFile file : ofRole(files, FileRole.OTHER)) {
      if (file.oldPath() != null) {
        paths.add(file.oldPath());
      }
      if (file.newPath() != null) {
        paths.add(file.newPath());
      }
    }
    return paths;
  }

  private static ExtractionOutput output(
      List<ChangedFile> files, Path fixPatch, Path testsPatch, List<String> differing) {
    List<String> binary = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int added = 0;
    int removed = 0;
    for (ChangedFile file : files) {
      if (file.role() == FileRole.OTHER) {
        notes.add("left out of both patches (" + kind(file) + "): " + file.describe());
        continue;
      }
      added += file.linesAdded();
      removed += file.linesRemoved();
      if (file.binary()) {
        binary.add(file.path());
        notes.add(
            "binary file carried as a GIT binary patch in "
                + patchName(file)
                + ": "
                + file.describe());
      }
      if (file.oldPath() != null
          && file.newPath() != null
          && !file.oldPath().equals(file.newPath())) {
        notes.add(
            file.change().name().toLowerCase() + " in " + patchName(file) + ": " + file.describe());
      }
    }
    if (!differing.isEmpty()) {
      // git apply in the container is the arbiter; a difference here is reported, not fatal.
      notes.add(
          "self-check: base + tests.patch + fix.patch differs from the merge commit at "
              + differing);
    }
    return new ExtractionOutput(
        fixPatch.toString(),
        testsPatch.toString(),
        paths(ofRole(files, FileRole.SOURCE)),
        paths(ofRole(files, FileRole.TEST)),
        paths(ofRole(files, FileRole.OTHER)),
        binary,
        added,
        removed,
        notes);
  }

  private static String kind(ChangedFile file) {
    return file.submodule() ? "submodule pointer" : "changelog, docs or tooling";
  }

  private static String patchName(ChangedFile file) {
    return file.role() == FileRole.TEST ? TESTS_PATCH : FIX_PATCH;
  }

  private static List<ChangedFile> ofRole(List<ChangedFile> files, FileRole role) {
    return files.stream().filter(f -> f.role() == role).toList();
  }

  private static List<String> paths(List<ChangedFile> files) {
    return files.stream().map(ChangedFile::path).toList();
  }

  private static String names(List<ChangedFile> files) {
    if (files.isEmpty()) {
      return "nothing";
    }
    List<String> shown = paths(files.size() > 5 ? files.subList(0, 5) : files);
    return String.join(", ", shown)
        + (files.size() > 5 ? " and " + (files.size() - 5) + " more" : "");
  }

  private static byte[] concat(List<ChangedFile> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ChangedFile file : files) {
      out.writeBytes(file.patch());
    }
    return out.toByteArray();
  }
}
