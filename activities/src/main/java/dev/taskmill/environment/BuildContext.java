package dev.taskmill.environment;

import dev.taskmill.files.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A docker build context made from a commit of a bare clone: repo/ (the tree, without .git),
 * manifests/ (the dependency manifests only) and taskmill/project-dir. Paths come from git objects,
 * so they are checked to stay inside the context.
 */
public final class BuildContext {
  private final Path dir;
  private final List<String> manifests;
  private final String manifestHash;

  private BuildContext(Path dir, List<String> manifests, String manifestHash) {
    this.dir = dir;
    this.manifests = List.copyOf(manifests);
    this.manifestHash = manifestHash;
  }

  /** Writes the context for {@code commit} into {@code dir} (emptied first). */
  public static BuildContext export(
      Repository repository, String commit, StackKind kind, String projectDir, Path dir) {
    try {
      FileTrees.deleteRecursively(dir);
      Path repo = Files.createDirectories(dir.resolve("repo"));
      Files.createDirectories(dir.resolve("manifests"));
      Files.createDirectories(dir.resolve("taskmill"));
      Files.writeString(dir.resolve("taskmill/project-dir"), projectDir == null ? "" : projectDir);
      List<String> paths = new ArrayList<>();
      try (RevWalk walk = new RevWalk(repository);
          TreeWalk tree = new TreeWalk(repository)) {
        tree.addTree(walk.parseCommit(ObjectId.fromString(commit)).getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          String path = tree.getPathString();
          FileMode mode = tree.getFileMode(0);
          if (mode == FileMode.GITLINK) {
            continue; // submodules are not part of this repository's tree
          }
          Path target = inside(repo, path);
          Files.createDirectories(target.getParent());
          byte[] bytes = repository.open(tree.getObjectId(0)).getBytes();
          if (mode == FileMode.SYMLINK) {
            Files.createSymbolicLink(target, Path.of(new String(bytes, StandardCharsets.UTF_8)));
          } else {
            Files.write(target, bytes);
            if (mode == FileMode.EXECUTABLE_FILE) {
              target.toFile().setExecutable(true, false);
            }
          }
          paths.add(path);
        }
      }
      List<String> manifests = ManifestFiles.select(kind, paths);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(kind.name().getBytes(StandardCharsets.UTF_8));
      for (String manifest : manifests) {
        Path copy = inside(dir.resolve("manifests"), manifest);
        Files.createDirectories(copy.getParent());
        Files.copy(repo.resolve(manifest), copy, StandardCopyOption.REPLACE_EXISTING);
        sha.update((manifest + "\0").getBytes(StandardCharsets.UTF_8));
        try (InputStream in = Files.newInputStream(copy)) {
          sha.update(in.readAllBytes());
        }
      }
      return new BuildContext(dir, manifests, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the build context in " + dir + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Resolves a repository path under {@code root}, refusing ".." or absolute paths that would
   * escape it.
   */
  static Path inside(Path root, String path) {
    Path target = root.resolve(path).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new IllegalArgumentException("repository path escapes the build context: " + path);
    }
    return target;
  }

  public Path dir() {
    return dir;
  }

  /** The manifests, repository-relative. */
  public List<String> manifests() {
    return manifests;
  }

  /** SHA-256 over the stack and the manifests' paths and contents. */
  public String manifestHash() {
    return manifestHash;
  }
}
