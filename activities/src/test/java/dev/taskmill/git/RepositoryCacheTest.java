package dev.taskmill.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.testing.FixtureRepo;
import io.temporal.client.ActivityCanceledException;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryCacheTest {
  @TempDir Path tmp;

  @Test
  void aSecondOpenFetchesIntoTheSameCloneInsteadOfCloningAgain() throws Exception {
    try (FixtureRepo origin = FixtureRepo.init(tmp.resolve("origin"))) {
      origin.write("a.txt", "1").commit("first");
      RepositoryCache cache = new RepositoryCache(tmp.resolve("cache"));
      Path clone;
      try (Repository first = cache.open(origin.url(), null)) {
        clone = first.getDirectory().toPath();
      }
      Object inode = Files.getAttribute(clone, "unix:ino");
      Path marker = Files.writeString(clone.resolve("taskmill-test-marker"), "kept");
      String second = origin.write("a.txt", "2").commit("second");

      try (Repository again = cache.open(origin.url(), null)) {
        assertThat(again.getDirectory().toPath()).isEqualTo(clone);
        assertThat(again.getObjectDatabase().has(ObjectId.fromString(second))).isTrue();
      }
      assertThat(Files.getAttribute(clone, "unix:ino")).isEqualTo(inode);
      assertThat(marker).exists();
    }
  }

  @Test
  void aLocalRepositoryIsClonedByReferenceToItsObjects() throws Exception {
    try (FixtureRepo origin = FixtureRepo.init(tmp.resolve("origin"))) {
      String commit = origin.write("a.txt", "1").commit("first");
      RepositoryCache cache = new RepositoryCache(tmp.resolve("cache"));
      try (Repository clone = cache.open(origin.url(), null, commit)) {
        assertThat(clone.getDirectory().toPath().resolve("objects/info/alternates"))
            .content()
            .isEqualToIgnoringNewLines(
                origin.dir().resolve(".git/objects").toAbsolutePath().toString());
        assertThat(clone.getObjectDatabase().has(ObjectId.fromString(commit))).isTrue();
        assertThat(clone.exactRef("refs/heads/main").getObjectId().name()).isEqualTo(commit);
      }
    }
  }

  @Test
  void aShallowLocalCloneIsReadableDownToItsBoundary() throws Exception {
    try (FixtureRepo origin = FixtureRepo.init(tmp.resolve("origin"))) {
      for (int i = 0; i < 5; i++) {
        origin.write("a.txt", "v" + i).commit("commit " + i);
      }
      Path shallowDir = tmp.resolve("shallow");
      try (Git shallow =
          Git.cloneRepository()
              .setURI(origin.dir().toUri().toString())
              .setDirectory(shallowDir.toFile())
              .setDepth(2)
              .call()) {
        assertThat(shallowDir.resolve(".git/shallow")).exists();
      }
      RepositoryCache cache = new RepositoryCache(tmp.resolve("cache"));
      try (Repository clone = cache.open(shallowDir.toString(), null);
          RevWalk walk = new RevWalk(clone)) {
        walk.markStart(walk.parseCommit(clone.resolve("HEAD")));
        int commits = 0;
        for (RevCommit ignored : walk) {
          commits++;
        }
        assertThat(commits).isEqualTo(2);
      }
    }
  }

  @Test
  void theCacheIsKeyedByUrlSoTwoRepositoriesNeverShareAClone() {
    try (FixtureRepo one = FixtureRepo.init(tmp.resolve("a/widget"));
        FixtureRepo two = FixtureRepo.init(tmp.resolve("b/widget"))) {
      one.commit("one");
      two.commit("two");
      RepositoryCache cache = new RepositoryCache(tmp.resolve("cache"));
      assertThat(cache.pathFor(one.url()))
          .isNotEqualTo(cache.pathFor(two.url()))
          .isEqualTo(cache.pathFor(one.url() + "/"));
    }
  }

  @Test
  void anUnreachableRemoteIsReportedAsSuch() {
    RepositoryCache cache = new RepositoryCache(tmp.resolve("cache"));
    // Port 9 on loopback: refused at once, no network needed.
    assertThatThrownBy(() -> cache.open("http://127.0.0.1:9/acme/widget.git", null))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("REPO_UNREACHABLE");
              assertThat(f.getOriginalMessage())
                  .startsWith("cannot reach http://127.0.0.1:9/acme/widget.git");
            });
    assertThat(tmp.resolve("cache")).isDirectoryNotContaining("glob:**.git");
  }

  @Test
  void aTransportCloneHeartbeatsProgressAndFetchesLater() throws Exception {
    try (FixtureRepo origin = FixtureRepo.init(tmp.resolve("origin"))) {
      for (int i = 0; i < 20; i++) {
        origin.write("f" + i + ".txt", "content " + i).commit("commit " + i);
      }
      RepositoryCache cache = new RepositoryCache(tmp.resolve("cache"), false);
      java.util.List<String> beats = new java.util.ArrayList<>();
      try (Repository clone = cache.open(origin.url(), new HeartbeatProgressMonitor(beats::add))) {
        assertThat(clone.getDirectory().toPath().resolve("objects/info/alternates")).doesNotExist();
        assertThat(clone.exactRef("refs/heads/main").getObjectId())
            .isEqualTo(origin.git().getRepository().resolve("main"));
      }
      assertThat(beats).anyMatch(b -> b.endsWith("100%"));
      String next = origin.write("late.txt", "x").commit("late");
      try (Repository again = cache.open(origin.url(), null, next)) {
        assertThat(again.getObjectDatabase().has(ObjectId.fromString(next))).isTrue();
      }
    }
  }

  @Test
  void aCancelledTransportCloneStopsAndLeavesNoClone() {
    try (FixtureRepo origin = FixtureRepo.init(tmp.resolve("origin"))) {
      for (int i = 0; i < 20; i++) {
        origin.write("f" + i + ".txt", "content " + i).commit("commit " + i);
      }
      RepositoryCache cache = new RepositoryCache(tmp.resolve("cache"), false);
      HeartbeatProgressMonitor cancelled =
          new HeartbeatProgressMonitor(
              detail -> {
                throw new ActivityCanceledException();
              });
      assertThatThrownBy(() -> cache.open(origin.url(), cancelled))
          .isInstanceOf(ActivityCanceledException.class);
      assertThat(cache.pathFor(origin.url())).doesNotExist();
    }
  }

  @Test
  void aCancelledCloneStopsAndLeavesNoClone() {
    try (FixtureRepo origin = FixtureRepo.init(tmp.resolve("origin"))) {
      origin.write("a.txt", "1").commit("first");
      RepositoryCache cache = new RepositoryCache(tmp.resolve("cache"));
      HeartbeatProgressMonitor cancelled =
          new HeartbeatProgressMonitor(
              detail -> {
                throw new ActivityCanceledException();
              });
      assertThatThrownBy(() -> cache.open(origin.url(), cancelled))
          .isInstanceOf(ActivityCanceledException.class);
      assertThat(cache.pathFor(origin.url())).doesNotExist();
      assertThat(
              cache
                  .pathFor(origin.url())
                  .resolveSibling(cache.pathFor(origin.url()).getFileName() + ".partial"))
          .doesNotExist();
    }
  }
}
