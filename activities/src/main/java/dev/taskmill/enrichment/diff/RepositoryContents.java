package dev.taskmill.enrichment.diff;

import dev.taskmill.diff.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * File contents from a JGit repository: the old side at the base commit, the new side at the merge
 * commit.
 */
public final class RepositoryContents
    implements BiFunction<String, Side, Optional<String>>, AutoCloseable {
  /** Larger blobs are not parsed: generated or vendored files, not code a fix is about. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final ObjectReader reader;
  private final RevTree oldTree;
  private final RevTree newTree;

  public RepositoryContents(Repository repo, String baseCommit, String mergeCommit) {
    this.reader = repo.newObjectReader();
    try (RevWalk walk = new RevWalk(reader)) {
      this.oldTree = walk.parseCommit(resolve(repo, baseCommit)).getTree();
      this.newTree = walk.parseCommit(resolve(repo, mergeCommit)).getTree();
    } catch (IOException e) {
      reader.close();
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectId resolve(Repository repo, String rev) throws IOException {
    ObjectId id = repo.resolve(rev);
    if (id == null) {
      throw new IllegalArgumentException("no such commit: " + rev);
    }
    return id;
  }

  @Override
  public Optional<String> apply(String path, Side side) {
    if (path == null) {
      return Optional.empty();
    }
    try (TreeWalk walk = TreeWalk.forPath(reader, path, side == Side.OLD ? oldTree : newTree)) {
      if (walk == null) {
        return Optional.empty();
      }
      var loader = reader.open(walk.getObjectId(0));
      if (loader.getSize() > MAX_BYTES) {
        return Optional.empty();
      }
      byte[] bytes = loader.getCachedBytes();
      return RawText.isBinary(bytes)
          ? Optional.empty()
          : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text of a patch file; a missing file is an empty patch (a PR without test changes has
   * none).
   */
  static String readPatch(Path patch) {
    try {
      return patch == null || !Files.exists(patch)
          ? ""
          : Files.readString(patch, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    reader.close();
  }
}
