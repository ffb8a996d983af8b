package dev.taskmill.patches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.testing.FixtureRepo;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiffSplitterTest {
  @TempDir Path tmp;
  FixtureRepo repo;
  String base;

  @BeforeEach
  void baseCommit() {
    repo = FixtureRepo.init(tmp.resolve("repo"));
    repo.write("src/calc.py", "def add(a, b):\n    return a - b\n")
        .write("tests/test_calc.py", "from src.calc import add\n")
        .write("CHANGELOG.md", "# Changes\n")
        .write("assets/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3, 0, 0});
    base = repo.commit("initial");
  }

  @AfterEach
  void close() {
    repo.close();
  }

  List<ChangedFile> split(String merge) throws Exception {
    return new DiffSplitter(repo.git().getRepository())
        .split(ObjectId.fromString(base), ObjectId.fromString(merge));
  }

  ChangedFile only(List<ChangedFile> files, String path) {
    return files.stream().filter(f -> path.equals(f.path())).findFirst().orElseThrow();
  }

  @Nested
  class Roles {
    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
      "src/calc.py, SOURCE",
      "tests/test_calc.py, TEST",
      "CHANGELOG.md, OTHER",
      "test_root.py, TEST",
      "latest.py, SOURCE",
      "docs/usage.rst, OTHER",
      "src/test/java/CalcTest.java, TEST"
    })
    void eachFileGetsItsRole(String path, FileRole role) throws Exception {
      String merge = repo.squashPullRequest(7, "Touch " + path, r -> r.write(path, "changed\n"));
      ChangedFile file = only(split(merge), path);
      assertThat(file.role()).isEqualTo(role);
      assertThat(new String(file.patch(), StandardCharsets.UTF_8))
          .startsWith("diff --git a/" + path);
    }

    @Test
    void aRepositoryAskingForNoPrefixStillGetsPatchesForGitApplyP1() throws Exception {
      var config = repo.git().getRepository().getConfig();
      config.setBoolean("diff", null, "noprefix", true);
      config.setBoolean("diff", null, "mnemonicPrefix", true);
      config.save();
      String merge = repo.squashPullRequest(17, "Fix", r -> r.write("src/calc.py", "fixed\n"));
      assertThat(only(split(merge), "src/calc.py").patch())
          .asString(StandardCharsets.UTF_8)
          .startsWith("diff --git a/src/calc.py b/src/calc.py")
          .contains("--- a/src/calc.py", "+++ b/src/calc.py");
    }

    @Test
    void linesAddedAndRemovedAreCounted() throws Exception {
      String merge =
          repo.squashPullRequest(
              8,
              "Fix add",
              r -> r.write("src/calc.py", "def add(a, b):\n    # fixed\n    return a + b\n"));
      ChangedFile file = only(split(merge), "src/calc.py");
      assertThat(file.linesAdded()).isEqualTo(2);
      assertThat(file.linesRemoved()).isEqualTo(1);
    }
  }

  @Nested
  class Renames {
    @Test
    void aRenameFromSourceIntoTestsIsOneTestChange() throws Exception {
      String merge =
          repo.squashPullRequest(
              9, "Move helper", r -> r.rename("src/calc.py", "tests/calc_helper.py"));
      List<ChangedFile> files = split(merge);
      assertThat(files).hasSize(1);
      ChangedFile file = files.get(0);
      assertThat(file.change()).isEqualTo(ChangeType.RENAME);
      assertThat(file.oldPath()).isEqualTo("src/calc.py");
      assertThat(file.newPath()).isEqualTo("tests/calc_helper.py");
      assertThat(file.role()).isEqualTo(FileRole.TEST);
      assertThat(new String(file.patch(), StandardCharsets.UTF_8))
          .contains("rename from src/calc.py", "rename to tests/calc_helper.py");
    }

    @Test
    void aRenameWithinSourcesStaysSource() throws Exception {
      String merge =
          repo.squashPullRequest(10, "Rename", r -> r.rename("src/calc.py", "src/arith.py"));
      assertThat(split(merge))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.role()).isEqualTo(FileRole.SOURCE);
                assertThat(f.describe()).isEqualTo("src/calc.py -> src/arith.py");
              });
    }
  }

  @Nested
  class BinaryFiles {
    @Test
    void aChangedBinaryFileIsAGitBinaryPatchWithFullIds() throws Exception {
      String merge =
          repo.squashPullRequest(
              11,
              "New logo",
              r ->
                  r.write(
                      "assets/logo.png",
                      new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 9, 9, 9, 0, 0, 7}));
      ChangedFile file = only(split(merge), "assets/logo.png");
      String text = new String(file.patch(), StandardCharsets.US_ASCII);
      assertThat(file.binary()).isTrue();
      assertThat(text)
          .contains("GIT binary patch\nliteral 11\n")
          .doesNotContain("Binary files differ")
          .containsPattern("index [0-9a-f]{40}\\.\\.[0-9a-f]{40} 100644");
    }

    @Test
    void anAddedBinaryFileHasAnEmptyReverseHunk() throws Exception {
      String merge =
          repo.squashPullRequest(
              12, "Add fixture", r -> r.write("tests/data/blob.bin", new byte[] {0, 1, 2}));
      String text =
          new String(only(split(merge), "tests/data/blob.bin").patch(), StandardCharsets.US_ASCII);
      assertThat(text)
          .contains(
              "new file mode 100644",
              "index " + "0".repeat(40) + "..",
              "literal 3\n",
              "literal 0\n");
    }
  }

  @Nested
  class LargeBinaryFiles {
    @Test
    void aBinaryOverTheLimitIsRefusedWithItsSize() {
      String merge =
          repo.squashPullRequest(
              16, "Huge", r -> r.write("assets/big.bin", new byte[3 * 1024 * 1024]));
      assertThatThrownBy(
              () ->
                  new DiffSplitter(repo.git().getRepository(), 2L * 1024 * 1024)
                      .split(ObjectId.fromString(base), ObjectId.fromString(merge)))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> assertThat(f.getType()).isEqualTo("PATCH_DOES_NOT_APPLY"))
          .hasMessageContaining("assets/big.bin")
          .hasMessageContaining("3 MiB");
    }
  }

  @Nested
  class EscapingPaths {
    @Test
    void aSymlinkPointingOutOfTheRepositoryIsRefused() throws Exception {
      Files.createSymbolicLink(repo.dir().resolve("src/evil"), Path.of("../../../etc/passwd"));
      repo.git().add().addFilepattern("src/evil").call();
      String merge = repo.commit("evil link (#13)");
      assertThatThrownBy(() -> split(merge))
          .isInstanceOfSatisfying(
              ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("UNSAFE_PATCH"))
          .hasMessageContaining("src/evil")
          .hasMessageContaining("../../../etc/passwd");
    }

    @Test
    void aSymlinkInsideTheRepositoryIsCarried() throws Exception {
      Files.createSymbolicLink(repo.dir().resolve("src/alias.py"), Path.of("calc.py"));
      repo.git().add().addFilepattern("src/alias.py").call();
      String merge = repo.commit("alias (#14)");
      assertThat(only(split(merge), "src/alias.py").patch())
          .asString(StandardCharsets.UTF_8)
          .contains("new file mode 120000");
    }

    @ParameterizedTest(name = "a tree entry named {0} is refused")
    @CsvSource({"..", ".git"})
    void treeEntriesThatClimbOutAreRefused(String name) throws Exception {
      String merge = commitWithRootEntry(name);
      assertThatThrownBy(() -> split(merge))
          .isInstanceOfSatisfying(
              ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("UNSAFE_PATCH"))
          .hasMessageContaining(name + "/hooks");
    }

    /**
     * A commit on top of base whose root tree also holds {@code name}/hooks: what a hostile
     * repository can do.
     */
    private String commitWithRootEntry(String name) throws Exception {
      var repository = repo.git().getRepository();
      try (ObjectInserter inserter = repository.newObjectInserter()) {
        ObjectId blob =
            inserter.insert(
                Constants.OBJ_BLOB, "#!/bin/sh\nrm -rf ~\n".getBytes(StandardCharsets.UTF_8));
        TreeFormatter inner = new TreeFormatter();
        inner.append("hooks", FileMode.REGULAR_FILE, blob);
        ObjectId innerId = inserter.insert(inner);
        TreeFormatter root = new TreeFormatter();
        root.append(name, FileMode.TREE, innerId);
        var baseTree = repository.parseCommit(ObjectId.fromString(base)).getTree();
        try (var walk = new org.eclipse.jgit.treewalk.TreeWalk(repository)) {
          walk.addTree(baseTree);
          // Entries must be sorted: ".." and ".git" sort before every entry of the base tree.
          while (walk.next()) {
            root.append(walk.getNameString(), walk.getFileMode(0), walk.getObjectId(0));
          }
        }
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(inserter.insert(root));
        commit.setParentId(ObjectId.fromString(base));
        PersonIdent who = new PersonIdent("Hostile", "hostile@example.com");
        commit.setAuthor(who);
        commit.setCommitter(who);
        commit.setMessage("hostile (#15)");
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        return id.name();
      }
    }
  }
}
