package dev.taskmill.patches;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.files.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Proves that tests.patch applies alone on the base commit and fix.patch applies on top (and that
 * together they give the merge commit's tree, apart from the files left out on purpose), with
 * JGit's PatchApplier on the base tree in a scratch repository under {@code workDir/.apply-check}.
 * The scratch repository borrows the source's objects as an alternate, so nothing is written into
 * the clone cache and nothing is checked out; it is removed afterwards.
 */
public final class ApplyCheck {
  static final String SCRATCH = ".apply-check";

  private final Repository source;

  public ApplyCheck(Repository source) {
    this.source = source;
  }

  /** Applies both patches in order; throws PATCH_DOES_NOT_APPLY naming the patch and the file. */
  public void verify(AnyObjectId baseCommit, Path workDir, Path testsPatch, Path fixPatch)
      throws IOException {
    verify(baseCommit, null, Set.of(), workDir, testsPatch, fixPatch);
  }

  /**
   * Applies both patches in order, then compares the result with the merge commit's tree.
   *
   * @param leftOut paths that are in neither patch on purpose (the "other" files)
   * @return the paths where base + tests.patch + fix.patch differs from the merge commit, apart
   *     from {@code leftOut}; empty when the patches reproduce the PR (always empty without a merge
   *     commit)
   */
  public List<String> verify(
      AnyObjectId baseCommit,
      AnyObjectId mergeCommit,
      Set<String> leftOut,
      Path workDir,
      Path testsPatch,
      Path fixPatch)
      throws IOException {
    Path scratch = workDir.resolve(SCRATCH);
    FileTrees.deleteRecursively(scratch);
    try (Repository repo =
            new FileRepositoryBuilder()
                .setGitDir(scratch.resolve("repo.git").toFile())
                .addAlternateObjectDirectory(
                    source.getDirectory().toPath().resolve("objects").toFile())
                .setBare()
                .build();
        RevWalk walk = new RevWalk(repo);
        ObjectInserter inserter = repo.newObjectInserter()) {
      repo.create(true);
      RevTree base = walk.parseCommit(baseCommit).getTree();
      ObjectId afterTests = apply(repo, base, inserter, testsPatch, "on base " + baseCommit.name());
      ObjectId afterFix =
          apply(repo, walk.parseTree(afterTests), inserter, fixPatch, "on base + tests.patch");
      return mergeCommit == null
          ? List.of()
          : differences(repo, afterFix, walk.parseCommit(mergeCommit).getTree(), leftOut);
    } finally {
      FileTrees.deleteRecursively(scratch);
    }
  }

  private static List<String> differences(
      Repository repo, ObjectId patched, ObjectId merge, Set<String> leftOut) throws IOException {
    List<String> differing = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(repo)) {
      walk.addTree(patched);
      walk.addTree(merge);
      walk.setRecursive(true);
      walk.setFilter(TreeFilter.ANY_DIFF);
      while (walk.next()) {
        if (!leftOut.contains(walk.getPathString())) {
          differing.add(walk.getPathString());
        }
      }
    }
    return differing;
  }

  private static ObjectId apply(
      Repository repo, RevTree tree, ObjectInserter inserter, Path patchFile, String where)
      throws IOException {
    String name = patchFile.getFileName().toString();
    Patch patch = new Patch();
    try (InputStream in = Files.newInputStream(patchFile)) {
      patch.parse(in);
    }
    if (!patch.getErrors().isEmpty()) {
      throw Failures.of(
          FailureType.PATCH_DOES_NOT_APPLY,
          name + " cannot be parsed: " + patch.getErrors().get(0).getMessage());
    }
    PatchApplier.Result result = new PatchApplier(repo, tree, inserter).applyPatch(patch);
    if (!result.getErrors().isEmpty()) {
      throw Failures.of(
          FailureType.PATCH_DOES_NOT_APPLY,
          name + " does not apply " + where + ": " + result.getErrors().get(0));
    }
    inserter.flush();
    return result.getTreeId();
  }
}
