package dev.taskmill.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;

/**
 * Builds git repositories for tests with JGit: plain commits, merge PRs, squash PRs,
 * refs/pull/N/head and cherry-picks onto other branches.
 */
public final class FixtureRepo implements AutoCloseable {
  private static final PersonIdent AUTHOR =
      new PersonIdent("Fixture Author", "fixture@example.com");

  private final Path dir;
  private final Git git;
  private int clock = 1_700_000_000;

  private FixtureRepo(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  /** A new repository on branch main in {@code dir}. */
  public static FixtureRepo init(Path dir) {
    try {
      Files.createDirectories(dir);
      return new FixtureRepo(
          dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  /** The URL other code clones from: the absolute path of the working tree. */
  public String url() {
    return dir.toAbsolutePath().toString();
  }

  public Git git() {
    return git;
  }

  /** Writes a file (creating folders) and stages it. */
  public FixtureRepo write(String path, String content) {
    return write(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes raw bytes (for binary fixtures) and stages them. */
  public FixtureRepo write(String path, byte[] content) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      git.add().addFilepattern(path).call();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Removes a file and stages the removal. */
  public FixtureRepo delete(String path) {
    try {
      git.rm().addFilepattern(path).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Renames a file, keeping its content, and stages both sides. */
  public FixtureRepo rename(String from, String to) {
    try {
      byte[] content = Files.readAllBytes(dir.resolve(from));
      delete(from);
      return write(to, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits what is staged; returns the new commit id. */
  public String commit(String message) {
    try {
      PersonIdent when =
          new PersonIdent(
              AUTHOR, java.time.Instant.ofEpochSecond(clock += 60), java.time.ZoneOffset.UTC);
      return git.commit()
          .setMessage(message)
          .setAuthor(when)
          .setCommitter(when)
          .setAllowEmpty(true)
          .call()
          .getName();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks out an existing branch. */
  public FixtureRepo checkout(String branch) {
    try {
      git.checkout().setName(branch).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates a branch at {@code startPoint} (a branch or commit) and checks it out. */
  public FixtureRepo branch(String name, String startPoint) {
    try {
      git.checkout().setCreateBranch(true).setName(name).setStartPoint(startPoint).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A GitHub-style merge PR: a branch from main with {@code changes}, merged back with --no-ff and
   * the subject "Merge pull request #N from contributor/branch". Returns the merge commit.
   */
  public String mergePullRequest(int number, String title, Consumer<FixtureRepo> changes) {
    try {
      String branch = "pr-" + number;
      branch(branch, "main");
      changes.accept(this);
      ObjectId head = git.getRepository().resolve(commit(title));
      checkout("main");
      git.merge()
          .include(head)
          .setFastForward(MergeCommand.FastForwardMode.NO_FF)
          .setMessage(
              "Merge pull request #" + number + " from contributor/" + branch + "\n\n" + title)
          .call();
      return git.getRepository().resolve("HEAD").getName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A GitHub-style squash PR: one commit on main whose subject ends in "(#N)". Returns it. */
  public String squashPullRequest(int number, String title, Consumer<FixtureRepo> changes) {
    checkout("main");
    changes.accept(this);
    return commit(title + " (#" + number + ")");
  }

  /**
   * A squash PR committed on the checked-out branch (e.g. a fix merged only into a maintenance
   * branch).
   */
  public String squashPullRequestOnCurrentBranch(
      int number, String title, Consumer<FixtureRepo> changes) {
    changes.accept(this);
    return commit(title + " (#" + number + ")");
  }

  /**
   * A PR known only as refs/pull/N/head: a commit on a side branch from main. Returns the head
   * commit.
   */
  public String pullRef(int number, String title, Consumer<FixtureRepo> changes) {
    try {
      branch("pull-" + number, "main");
      changes.accept(this);
      String head = commit(title);
      RefUpdate update = git.getRepository().updateRef("refs/pull/" + number + "/head");
      update.setNewObjectId(ObjectId.fromString(head));
      update.forceUpdate();
      checkout("main");
      return head;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Cherry-picks {@code commit} onto {@code branch} (created from {@code from} if missing). Returns
   * the pick.
   */
  public String cherryPickOnto(String branch, String from, String commit) {
    try {
      if (git.getRepository().findRef("refs/heads/" + branch) == null) {
        branch(branch, from);
      } else {
        checkout(branch);
      }
      ObjectId id = git.getRepository().resolve(commit);
      var pick = git.cherryPick().include(id);
      if (git.getRepository().parseCommit(id).getParentCount() > 1) {
        pick.setMainlineParentNumber(1);
      }
      String sha = pick.call().getNewHead().getName();
      checkout("main");
      return sha;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
