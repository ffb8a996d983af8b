package dev.taskmill.git;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.files.FileTrees;
import dev.taskmill.workflow.RepoSlug;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A per-worker cache of bare clones keyed by repository URL: the first use clones, later uses
 * fetch. Any activity can ask for a repository with the commits it needs, so no activity depends on
 * running on the host of the one before it.
 */
public final class RepositoryCache {
  /** Branches, tags and GitHub's PR heads; the PR refs are how squash-less PRs are found. */
  static final List<RefSpec> REFSPECS =
      List.of(
          new RefSpec("+refs/heads/*:refs/heads/*"),
          new RefSpec("+refs/tags/*:refs/tags/*"),
          new RefSpec("+refs/pull/*/head:refs/pull/*/head"));

  private final Path root;
  private final boolean shareLocalSources;

  public RepositoryCache(Path root) {
    this(root, true);
  }

  /**
   * With {@code shareLocalSources} false, local repositories go through JGit's transport like
   * remote ones do: how tests exercise the transfer path (progress, cancellation) without a
   * network.
   */
  RepositoryCache(Path root, boolean shareLocalSources) {
    this.shareLocalSources = shareLocalSources;
    this.root = root.toAbsolutePath();
  }

  /**
   * The cache under -Dtaskmill.cache.dir or $TASKMILL_CACHE_DIR (then /repos), else
   * ~/.cache/taskmill/repos.
   */
  public static RepositoryCache fromEnvironment() {
    String dir = System.getProperty("taskmill.cache.dir", System.getenv("TASKMILL_CACHE_DIR"));
    Path base =
        dir != null && !dir.isBlank()
            ? Path.of(dir)
            : Path.of(System.getProperty("user.home"), ".cache", "taskmill");
    return new RepositoryCache(base.resolve("repos"));
  }

  public Path root() {
    return root;
  }

  /** Where the bare clone of this URL lives; local paths are keyed by their absolute path. */
  public Path pathFor(String repoUrl) {
    String key = RepoLocation.isValid(repoUrl) ? RepoLocation.parse(repoUrl).url() : repoUrl;
    return root.resolve(RepoSlug.of(key).fileSafe() + ".git");
  }

  /**
   * Opens {@code repoUrl} after validating it with {@link RepoLocation#parse} (INVALID_INPUT when
   * bad).
   */
  public Repository open(
      RepoLocation location, ProgressMonitor monitor, String... requiredCommits) {
    return open(location.url(), monitor, requiredCommits);
  }

  /**
   * Opens the bare clone of {@code repoUrl}, cloning it or fetching into it so that every commit in
   * {@code requiredCommits} is present. With no required commits an existing clone is fetched once.
   */
  public Repository open(String repoUrl, ProgressMonitor monitor, String... requiredCommits) {
    ProgressMonitor progress = monitor == null ? NullProgressMonitor.INSTANCE : monitor;
    repoUrl = RepoLocation.parse(repoUrl).url();
    Path dir = pathFor(repoUrl);
    try {
      Files.createDirectories(root);
      try (FileChannel channel =
              FileChannel.open(
                  root.resolve(dir.getFileName() + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        boolean cached = Files.isDirectory(dir.resolve("objects"));
        dev.taskmill.metrics.TaskmillMetrics.cacheLookup("clone", cached);
        if (!cached) {
          cloneInto(repoUrl, dir, progress, localSource(repoUrl));
        } else if (requiredCommits.length == 0 || !hasAll(dir, requiredCommits)) {
          fetch(dir, progress, localSource(repoUrl));
        }
        Repository repository =
            new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
        for (String sha : requiredCommits) {
          if (repository.getObjectDatabase().has(ObjectId.fromString(sha)) == false) {
            repository.close();
            throw Failures.of(
                FailureType.INVALID_INPUT,
                "commit " + sha + " is not in " + repoUrl + " (was history rewritten?)");
          }
        }
        return repository;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot use the clone cache at " + root + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasAll(Path dir, String... commits) throws IOException {
    try (Repository repository =
        new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build()) {
      for (String sha : commits) {
        if (!repository.getObjectDatabase().has(ObjectId.fromString(sha))) {
          return false;
        }
      }
      return true;
    }
  }

  private LocalSource localSource(String repoUrl) {
    return shareLocalSources ? LocalSource.of(repoUrl) : null;
  }

  private static void cloneInto(
      String repoUrl, Path dir, ProgressMonitor progress, LocalSource local) throws IOException {
    Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
    FileTrees.deleteRecursively(partial);
    // Clone into a side directory so that a killed clone never leaves a half repository under the
    // real name.
    try (Git git = Git.init().setBare(true).setDirectory(partial.toFile()).call()) {
      if (local != null) {
        local.shareObjects(partial);
      }
      var config = git.getRepository().getConfig();
      config.setString("remote", "origin", "url", repoUrl);
      config.save();
      fetchAll(git, progress, local);
    } catch (InvalidRemoteException | TransportException e) {
      FileTrees.deleteRecursively(partial);
      throwIfCancelled(progress);
      throw Failures.of(
          FailureType.REPO_UNREACHABLE, "cannot reach " + repoUrl + ": " + rootMessage(e));
    } catch (GitAPIException e) {
      FileTrees.deleteRecursively(partial);
      throwIfCancelled(progress);
      throw Failures.of(
          FailureType.TRANSIENT, "clone of " + repoUrl + " failed: " + rootMessage(e), e);
    } catch (IOException | RuntimeException e) {
      FileTrees.deleteRecursively(partial);
      throw e;
    }
    if (progress instanceof HeartbeatProgressMonitor heartbeat && heartbeat.isCancelled()) {
      FileTrees.deleteRecursively(partial);
      heartbeat.throwIfCancelled();
    }
    Files.move(partial, dir);
  }

  private static void fetch(Path dir, ProgressMonitor progress, LocalSource local)
      throws IOException {
    if (local != null) {
      // A clone made before it shared the source's objects (or after the source moved) gets them
      // again.
      local.shareObjects(dir);
    }
    try (Git git = Git.open(dir.toFile())) {
      fetchAll(git, progress, local);
    } catch (InvalidRemoteException | TransportException e) {
      throwIfCancelled(progress);
      throw Failures.of(
          FailureType.REPO_UNREACHABLE, "cannot fetch " + dir + ": " + rootMessage(e));
    } catch (GitAPIException e) {
      throwIfCancelled(progress);
      throw Failures.of(
          FailureType.TRANSIENT, "fetch into " + dir + " failed: " + rootMessage(e), e);
    }
  }

  private static void fetchAll(Git git, ProgressMonitor progress, LocalSource local)
      throws GitAPIException, IOException {
    if (local != null) {
      local.mirrorInto(git.getRepository(), progress);
      return;
    }
    git.fetch()
        .setRemote("origin")
        .setRefSpecs(REFSPECS)
        .setRemoveDeletedRefs(true)
        .setProgressMonitor(progress)
        .call();
    // HEAD of a bare clone should follow the remote's default branch.
    try {
      var head = git.lsRemote().setRemote("origin").callAsMap().get("HEAD");
      if (head != null && head.isSymbolic()) {
        var update = git.getRepository().getRefDatabase().newUpdate("HEAD", false);
        update.link(head.getTarget().getName());
      }
    } catch (IOException | GitAPIException e) {
      // Not knowing the remote's HEAD is not fatal: the analysis falls back to main/master.
    }
  }

  /** A cancelled activity must surface as the cancellation, not as an unreachable repository. */
  private static void throwIfCancelled(ProgressMonitor progress) {
    if (progress instanceof HeartbeatProgressMonitor heartbeat) {
      heartbeat.throwIfCancelled();
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? e.getMessage() : t.getMessage();
  }
}
