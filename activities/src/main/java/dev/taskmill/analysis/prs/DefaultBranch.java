package dev.taskmill.analysis.prs;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.git.RepoLocation;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Finds the default branch of a (bare) clone: what HEAD points to, else main, else master, else any
 * branch.
 */
public final class DefaultBranch {
  private DefaultBranch() {}

  /**
   * The short name of the default branch; NO_SUITABLE_PR when the repository has no branch at all.
   * {@code hint} (the origin's default branch of a local clone, may be null) wins when the clone
   * has it.
   */
  public static String of(Repository repository, String repoUrl, String hint) {
    try {
      if (hint != null && repository.exactRef(Constants.R_HEADS + hint) != null) {
        return hint;
      }
      Ref head = repository.exactRef(Constants.HEAD);
      if (head != null
          && head.isSymbolic()
          && head.getObjectId() != null
          && head.getTarget().getName().startsWith(Constants.R_HEADS)) {
        return Repository.shortenRefName(head.getTarget().getName());
      }
      for (String name : new String[] {"main", "master"}) {
        if (repository.exactRef(Constants.R_HEADS + name) != null) {
          return name;
        }
      }
      return repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
          .findFirst()
          .map(r -> Repository.shortenRefName(r.getName()))
          .orElseThrow(
              () ->
                  Failures.of(
                      FailureType.NO_SUITABLE_PR,
                      repoUrl + " has no branch; push at least one branch with merged PRs"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the refs of " + repoUrl + ": " + e.getMessage(), e);
    }
  }

  /**
   * For a local clone, the branch its refs/remotes/origin/HEAD names: a clone checked out on a
   * feature branch still has the upstream default there. Null for remote URLs or when the clone
   * does not know.
   */
  public static String hintOf(RepoLocation location) {
    if (!location.isLocal()) {
      return null;
    }
    File gitDir =
        org.eclipse.jgit.lib.RepositoryCache.FileKey.resolve(
            location.localPath().toFile(), FS.DETECTED);
    if (gitDir == null) {
      return null;
    }
    try (Repository local =
        new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
      Ref originHead = local.exactRef("refs/remotes/origin/HEAD");
      if (originHead == null || !originHead.isSymbolic()) {
        return null;
      }
      String target = originHead.getTarget().getName();
      return target.startsWith("refs/remotes/origin/")
          ? target.substring("refs/remotes/origin/".length())
          : null;
    } catch (IOException e) {
      // Without the hint the clone's HEAD decides.
      return null;
    }
  }
}
