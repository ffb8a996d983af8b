package dev.taskmill.analysis;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/** Finds the default branch of a (bare) clone: what HEAD points to, else main, else master, else any branch. */
final class DefaultBranch {
  private DefaultBranch() {}

  /** The short name of the default branch; NO_SUITABLE_PR when the repository has no branch at all. */
  static String of(Repository repository, String repoUrl) {
    try {
      Ref head = repository.exactRef(Constants.HEAD);
      if (head != null && head.isSymbolic() && head.getObjectId() != null
          && head.getTarget().getName().startsWith(Constants.R_HEADS)) {
        return Repository.shortenRefName(head.getTarget().getName());
      }
      for (String name : new String[] {"main", "master"}) {
        if (repository.exactRef(Constants.R_HEADS + name) != null) {
          return name;
        }
      }
      return repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream().findFirst()
          .map(r -> Repository.shortenRefName(r.getName()))
          .orElseThrow(() -> Failures.of(FailureType.NO_SUITABLE_PR,
              repoUrl + " has no branch; push at least one branch with merged PRs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the refs of " + repoUrl + ": " + e.getMessage(), e);
    }
  }
}
