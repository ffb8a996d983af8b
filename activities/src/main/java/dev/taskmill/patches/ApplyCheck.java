package dev.taskmill.patches;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Proves that tests.patch applies alone on the base commit and fix.patch applies on top, with JGit's
 * PatchApplier on the base tree in a scratch repository under {@code workDir/.apply-check}. The scratch repository
 * borrows the source's objects as an alternate, so nothing is written into the clone cache and nothing is checked
 * out; it is removed afterwards.
 */
public final class ApplyCheck {
  static final String SCRATCH = ".apply-check";

  private final Repository source;

  public ApplyCheck(Repository source) {
    this.source = source;
  }

  /**
   * Applies both patches in order; throws PATCH_DOES_NOT_APPLY naming the patch and the file.
   *
   * @return the tree after both patches
   */
  public ObjectId verify(AnyObjectId baseCommit, Path workDir, Path testsPatch, Path fixPatch) throws IOException {
    Path scratch = workDir.resolve(SCRATCH);
    PatchFiles.deleteRecursively(scratch);
    try (Repository repo = new FileRepositoryBuilder().setGitDir(scratch.resolve("repo.git").toFile())
            .addAlternateObjectDirectory(source.getDirectory().toPath().resolve("objects").toFile())
            .setBare().build();
        RevWalk walk = new RevWalk(repo);
        ObjectInserter inserter = repo.newObjectInserter()) {
      repo.create(true);
      RevTree base = walk.parseCommit(baseCommit).getTree();
      ObjectId afterTests = apply(repo, base, inserter, testsPatch, "on base " + baseCommit.name());
      return apply(repo, walk.parseTree(afterTests), inserter, fixPatch, "on base + tests.patch");
    } finally {
      PatchFiles.deleteRecursively(scratch);
    }
  }

  private static ObjectId apply(Repository repo, RevTree tree, ObjectInserter inserter, Path patchFile,
      String where) throws IOException {
    String name = patchFile.getFileName().toString();
    Patch patch = new Patch();
    try (InputStream in = Files.newInputStream(patchFile)) {
      patch.parse(in);
    }
    if (!patch.getErrors().isEmpty()) {
      throw Failures.of(FailureType.PATCH_DOES_NOT_APPLY,
          name + " cannot be parsed: " + patch.getErrors().get(0).getMessage());
    }
    PatchApplier.Result result = new PatchApplier(repo, tree, inserter).applyPatch(patch);
    if (!result.getErrors().isEmpty()) {
      throw Failures.of(FailureType.PATCH_DOES_NOT_APPLY,
          name + " does not apply " + where + ": " + result.getErrors().get(0));
    }
    inserter.flush();
    return result.getTreeId();
  }
}
