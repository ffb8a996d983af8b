package dev.taskmill.analysis.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The file paths and contents of one commit, read straight from the object database (no checkout),
 * so stack detection works on a bare clone and on any commit.
 */
final class CommitTree {
  /** Vendored and generated folders say nothing about the project's own stack. */
  private static final Set<String> SKIPPED_DIRS =
      Set.of(
          "node_modules",
          "vendor",
          "third_party",
          "third-party",
          ".git",
          "dist",
          "build",
          "target",
          "site-packages",
          ".venv",
          "venv");

  private static final int MAX_FILE_BYTES = 1 << 20;

  private final Repository repository;
  private final RevCommit commit;
  private final List<String> paths;
  private final Set<String> pathSet;

  private CommitTree(Repository repository, RevCommit commit, List<String> paths) {
    this.repository = repository;
    this.commit = commit;
    this.paths = paths;
    this.pathSet = Set.copyOf(paths);
  }

  /** Lists the regular files of {@code commitId}. */
  static CommitTree at(Repository repository, ObjectId commitId) {
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository)) {
      RevCommit commit = walk.parseCommit(commitId);
      tree.addTree(commit.getTree());
      tree.setRecursive(false);
      List<String> paths = new ArrayList<>();
      while (tree.next()) {
        if (tree.isSubtree()) {
          if (!SKIPPED_DIRS.contains(tree.getNameString())) {
            tree.enterSubtree();
          }
        } else if (tree.getFileMode(0).getObjectType() == org.eclipse.jgit.lib.Constants.OBJ_BLOB
            && tree.getFileMode(0) != FileMode.GITLINK) {
          paths.add(tree.getPathString());
        }
      }
      return new CommitTree(repository, commit, List.copyOf(paths));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the tree of " + commitId.name() + ": " + e.getMessage(), e);
    }
  }

  List<String> paths() {
    return paths;
  }

  boolean exists(String path) {
    return pathSet.contains(path);
  }

  /** The UTF-8 text of {@code path}, empty when it is missing or too large to be a build file. */
  Optional<String> read(String path) {
    try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
      if (walk == null) {
        return Optional.empty();
      }
      var loader = repository.open(walk.getObjectId(0));
      if (loader.getSize() > MAX_FILE_BYTES) {
        return Optional.empty();
      }
      return Optional.of(new String(loader.getBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + path + " at " + commit.name() + ": " + e.getMessage(), e);
    }
  }

  /** The text of {@code name} inside {@code dir} ("" is the root). */
  Optional<String> read(String dir, String name) {
    return read(dir.isEmpty() ? name : dir + "/" + name);
  }

  static String dirOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
