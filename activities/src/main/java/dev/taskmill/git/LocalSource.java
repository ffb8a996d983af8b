package dev.taskmill.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.util.FS;

/**
 * A repository on this machine, cloned the way `git clone --shared` does it: the cache clone reads
 * the source's objects through objects/info/alternates (and its shallow boundary), and a fetch only
 * mirrors refs. JGit cannot hardlink as `git clone --local` does, and a transport fetch would walk
 * every object to prove it is complete. If the source later loses commits the cache needs, {@link
 * RepositoryCache#open} reports them missing, as it would for a rewritten remote.
 */
final class LocalSource {
  /**
   * What a clone keeps: branches, tags, GitHub's PR heads and a local clone's view of origin's
   * branches.
   */
  private static final List<String> PREFIXES =
      List.of(Constants.R_HEADS, Constants.R_TAGS, "refs/pull/", "refs/remotes/origin/");

  private final Path gitDir;

  private LocalSource(Path gitDir) {
    this.gitDir = gitDir;
  }

  /** The local source behind {@code url}, or null when it is a remote URL. */
  static LocalSource of(String url) {
    if (url == null || !RepoLocation.isValid(url)) {
      return null;
    }
    RepoLocation location = RepoLocation.parse(url);
    if (!location.isLocal()) {
      return null;
    }
    File dir =
        org.eclipse.jgit.lib.RepositoryCache.FileKey.resolve(
            location.localPath().toFile(), FS.DETECTED);
    return dir == null ? null : new LocalSource(dir.toPath().toAbsolutePath());
  }

  /** Points {@code clone}'s object store at the source's, so no object is copied. */
  void shareObjects(Path clone) throws IOException {
    Path info = Files.createDirectories(clone.resolve("objects").resolve("info"));
    Files.writeString(info.resolve("alternates"), gitDir.resolve("objects") + "\n");
  }

  /** Makes {@code clone}'s refs, HEAD and shallow boundary those of the source. */
  void mirrorInto(Repository clone, ProgressMonitor monitor) throws IOException {
    ProgressMonitor progress = monitor == null ? NullProgressMonitor.INSTANCE : monitor;
    copyShallowBoundary(clone.getDirectory().toPath());
    try (Repository source =
            new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
        RevWalk walk = new RevWalk(clone)) {
      Map<String, ObjectId> wanted = new HashMap<>();
      for (Ref ref : source.getRefDatabase().getRefsByPrefix(PREFIXES.toArray(String[]::new))) {
        if (!ref.isSymbolic() && ref.getObjectId() != null && keeps(ref.getName())) {
          wanted.put(ref.getName(), ref.getObjectId());
        }
      }
      progress.beginTask("Mirroring refs of " + gitDir, wanted.size());
      BatchRefUpdate batch = clone.getRefDatabase().newBatchUpdate().setAllowNonFastForwards(true);
      List<ReceiveCommand> commands = new ArrayList<>();
      Map<String, Ref> existing = new HashMap<>();
      for (Ref ref : clone.getRefDatabase().getRefsByPrefix(PREFIXES.toArray(String[]::new))) {
        existing.put(ref.getName(), ref);
      }
      wanted.forEach(
          (name, id) -> {
            Ref old = existing.get(name);
            if (old == null) {
              commands.add(new ReceiveCommand(ObjectId.zeroId(), id, name));
            } else if (!id.equals(old.getObjectId())) {
              commands.add(
                  new ReceiveCommand(
                      old.getObjectId(), id, name, ReceiveCommand.Type.UPDATE_NONFASTFORWARD));
            }
          });
      existing.forEach(
          (name, old) -> {
            if (!wanted.containsKey(name) && !old.isSymbolic()) {
              commands.add(new ReceiveCommand(old.getObjectId(), ObjectId.zeroId(), name));
            }
          });
      batch.addCommand(commands);
      batch.execute(walk, progress);
      for (ReceiveCommand command : commands) {
        if (command.getResult() != ReceiveCommand.Result.OK) {
          throw new IOException(
              "cannot update " + command.getRefName() + ": " + command.getResult());
        }
      }
      progress.endTask();
      followHead(source, clone);
    }
  }

  private static boolean keeps(String name) {
    return !name.startsWith("refs/pull/") || name.matches("refs/pull/\\d+/head");
  }

  private static void followHead(Repository source, Repository clone) throws IOException {
    Ref head = source.exactRef(Constants.HEAD);
    if (head != null
        && head.isSymbolic()
        && head.getTarget().getName().startsWith(Constants.R_HEADS)) {
      clone.getRefDatabase().newUpdate(Constants.HEAD, false).link(head.getTarget().getName());
    }
  }

  /**
   * A shallow source lacks the parents of its boundary commits; the clone must stop its walks there
   * too.
   */
  private void copyShallowBoundary(Path clone) throws IOException {
    Path shallow = gitDir.resolve("shallow");
    if (Files.isRegularFile(shallow)) {
      Files.copy(shallow, clone.resolve("shallow"), StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.deleteIfExists(clone.resolve("shallow"));
    }
  }
}
