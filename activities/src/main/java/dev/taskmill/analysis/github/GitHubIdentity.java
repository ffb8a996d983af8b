package dev.taskmill.analysis.github;

import dev.taskmill.git.RepoLocation;
import dev.taskmill.workflow.RepoSlug;
import java.io.IOException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Which GitHub repository ("owner/name") a location stands for. A GitHub URL names it directly. A
 * local clone (path or file://) names it through its {@code origin} remote, so `taskmill analyze
 * ~/src/requests` still gets PR titles from the API; a local repository without a GitHub origin has
 * no GitHub identity.
 */
public final class GitHubIdentity {
  private GitHubIdentity() {}

  /** "owner/name", or null when the location is not on GitHub. */
  public static String of(RepoLocation location) {
    String direct = RepoSlug.of(location.url()).githubRepo();
    if (direct != null || !location.isLocal()) {
      return direct;
    }
    java.io.File gitDir =
        org.eclipse.jgit.lib.RepositoryCache.FileKey.resolve(
            location.localPath().toFile(), org.eclipse.jgit.util.FS.DETECTED);
    if (gitDir == null) {
      return null;
    }
    try (Repository local =
        new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
      String origin = local.getConfig().getString("remote", "origin", "url");
      return origin == null ? null : RepoSlug.of(origin).githubRepo();
    } catch (IOException | IllegalArgumentException e) {
      // An unreadable config only costs the API extras.
      return null;
    }
  }
}
