package dev.taskmill.patches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.git.RepositoryCache;
import dev.taskmill.testing.FixtureRepo;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 2 end to end on fixture repositories, through the activity as the worker runs it (minus
 * Temporal).
 */
class PatchExtractorTest {
  @TempDir Path tmp;
  FixtureRepo repo;
  String base;
  PatchExtractionActivityImpl activity;

  @BeforeEach
  void repository() {
    repo = FixtureRepo.init(tmp.resolve("origin"));
    repo.write(
            "src/calc.py",
            "def add(a, b):\n    return a - b\n\n\ndef sub(a, b):\n    return a - b\n")
        .write(
            "tests/test_calc.py",
            "from src.calc import sub\n\n\ndef test_sub():\n    assert sub(3, 1) == 2\n")
        .write("README.md", "# calc\n")
        .write("CHANGELOG.md", "# Changes\n")
        .write("src/icon.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3});
    base = repo.commit("initial");
    activity = new PatchExtractionActivityImpl(new RepositoryCache(tmp.resolve("cache")));
  }

  @AfterEach
  void close() {
    repo.close();
  }

  ExtractionInput input(int pr, String merge) {
    return new ExtractionInput(repo.url(), base, merge, tmp.resolve("work").toString(), pr);
  }

  void fixAndTest(FixtureRepo r) {
    r.write(
            "src/calc.py",
            "def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n")
        .write(
            "tests/test_calc.py",
            "from src.calc import add, sub\n\n\ndef test_sub():\n    assert sub(3, 1) == 2\n"
                + "\n\ndef test_add():\n    assert add(1, 2) == 3\n")
        .write("test_root.py", "def test_root():\n    pass\n")
        .write("CHANGELOG.md", "# Changes\n\n- fix add\n");
  }

  void assertGitApplies(ExtractionOutput out, String name) throws Exception {
    GitApplyOracle git = GitApplyOracle.checkout(repo.url(), base, tmp.resolve("oracle-" + name));
    assertThat(git.check(Path.of(out.testsPatch()))).as("tests.patch alone on base").isNull();
    assertThat(git.apply(Path.of(out.testsPatch()))).isNull();
    assertThat(git.check(Path.of(out.fixPatch()))).as("fix.patch on base + tests.patch").isNull();
  }

  @Nested
  class MergePullRequests {
    @Test
    void theSplitNamesEachPartAndBothPatchesApply() throws Exception {
      String merge = repo.mergePullRequest(21, "Fix add", PatchExtractorTest.this::fixAndTest);
      String firstParent =
          repo.git().getRepository().parseCommit(ObjectId.fromString(merge)).getParent(0).name();
      assertThat(firstParent).isEqualTo(base);

      ExtractionOutput out = activity.extract(input(21, merge));

      assertThat(out.fixFiles()).containsExactly("src/calc.py");
      assertThat(out.testFiles()).containsExactlyInAnyOrder("tests/test_calc.py", "test_root.py");
      assertThat(out.otherFiles()).containsExactly("CHANGELOG.md");
      assertThat(out.linesAdded()).isEqualTo(1 + 5 + 2);
      assertThat(out.linesRemoved()).isEqualTo(1 + 1);
      assertThat(out.notes())
          .anyMatch(n -> n.contains("CHANGELOG.md"))
          .noneMatch(n -> n.contains("self-check"));
      assertThat(Files.readString(Path.of(out.fixPatch())))
          .contains("+    return a + b")
          .doesNotContain("CHANGELOG");
      assertThat(Files.readString(Path.of(out.testsPatch())))
          .contains("test_add")
          .doesNotContain("a/src/calc.py");
      assertGitApplies(out, "merge");
      GitApplyOracle plain = GitApplyOracle.checkout(repo.url(), base, tmp.resolve("patch-p1"));
      assertThat(plain.patchDryRun(Path.of(out.testsPatch())))
          .as("patch -p1 --dry-run tests.patch")
          .isNull();
      assertThat(plain.patchDryRun(Path.of(out.fixPatch())))
          .as("patch -p1 --dry-run fix.patch")
          .isNull();
    }

    @Test
    void aRetryWritesTheSameBytesAndLeavesNothingElseInTheWorkArea() throws Exception {
      String merge = repo.mergePullRequest(22, "Fix add", PatchExtractorTest.this::fixAndTest);
      ExtractionOutput first = activity.extract(input(22, merge));
      byte[] fix = Files.readAllBytes(Path.of(first.fixPatch()));
      ExtractionOutput second = activity.extract(input(22, merge));

      assertThat(second).isEqualTo(first);
      assertThat(Files.readAllBytes(Path.of(second.fixPatch()))).isEqualTo(fix);
      try (Stream<Path> files = Files.list(tmp.resolve("work"))) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("fix.patch", "tests.patch");
      }
    }

    @Test
    void nothingIsWrittenIntoTheCloneCache() throws Exception {
      String merge = repo.mergePullRequest(29, "Fix add", PatchExtractorTest.this::fixAndTest);
      new RepositoryCache(tmp.resolve("cache")).open(repo.url(), null, base, merge).close();
      List<String> before = filesUnder(tmp.resolve("cache"));

      activity.extract(input(29, merge));

      assertThat(filesUnder(tmp.resolve("cache"))).isEqualTo(before);
    }

    private List<String> filesUnder(Path dir) throws Exception {
      try (Stream<Path> files = Files.walk(dir)) {
        return files
            .filter(Files::isRegularFile)
            .map(p -> dir.relativize(p) + ":" + p.toFile().length())
            .sorted()
            .toList();
      }
    }
  }

  @Nested
  class SquashPullRequests {
    @Test
    void binaryAndRenamedFilesAreCarriedAndApply() throws Exception {
      String merge =
          repo.squashPullRequest(
              23,
              "Fix add, new icon",
              r -> {
                fixAndTest(r);
                r.write("src/icon.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 9, 9, 9, 9})
                    .write("tests/data/sample.bin", new byte[] {0, (byte) 0xff, 0, 1})
                    .rename("README.md", "docs/README.md");
              });

      ExtractionOutput out = activity.extract(input(23, merge));

      assertThat(out.fixFiles()).containsExactlyInAnyOrder("src/calc.py", "src/icon.png");
      assertThat(out.testFiles()).contains("tests/data/sample.bin");
      assertThat(out.otherFiles()).containsExactlyInAnyOrder("CHANGELOG.md", "docs/README.md");
      assertThat(out.binaryFiles())
          .containsExactlyInAnyOrder("src/icon.png", "tests/data/sample.bin");
      assertThat(out.notes())
          .anyMatch(n -> n.contains("GIT binary patch") && n.contains("src/icon.png"))
          .noneMatch(n -> n.contains("self-check"));
      assertGitApplies(out, "squash");
    }
  }

  @Nested
  class SelfCheck {
    @Test
    void filesLeftOutOfBothPatchesAreTheOnlyDifferenceFromTheMergeCommit() throws Exception {
      String merge = repo.mergePullRequest(28, "Fix add", PatchExtractorTest.this::fixAndTest);
      ExtractionOutput out = activity.extract(input(28, merge));
      ApplyCheck check = new ApplyCheck(repo.git().getRepository());

      assertThat(
              check.verify(
                  ObjectId.fromString(base),
                  ObjectId.fromString(merge),
                  java.util.Set.of(),
                  tmp.resolve("work"),
                  Path.of(out.testsPatch()),
                  Path.of(out.fixPatch())))
          .containsExactly("CHANGELOG.md");
      assertThat(
              check.verify(
                  ObjectId.fromString(base),
                  ObjectId.fromString(merge),
                  java.util.Set.of("CHANGELOG.md"),
                  tmp.resolve("work"),
                  Path.of(out.testsPatch()),
                  Path.of(out.fixPatch())))
          .isEmpty();
    }
  }

  @Nested
  class AwkwardContent {
    @Test
    void missingNewlinesCrlfModesSymlinksAndDeletionsReproduceTheMergeTree() throws Exception {
      String merge =
          repo.squashPullRequest(
              27,
              "Awkward",
              r -> {
                r.write("src/calc.py", "def add(a, b):\r\n    return a + b")
                    .write("tests/test_calc.py", "def test_x():\n    pass")
                    .write("scripts/run.sh", "#!/bin/sh\necho hi\n")
                    .write("src/na\u00efve name $(touch pwned).py", "x = 1\n")
                    .write("tests/caf\u00e9 \"quoted\"_test.py", "def test_y():\n    pass\n")
                    .delete("README.md");
                try {
                  Files.setPosixFilePermissions(
                      r.dir().resolve("scripts/run.sh"),
                      java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                  r.git().add().addFilepattern("scripts/run.sh").call();
                  Files.createSymbolicLink(r.dir().resolve("src/alias.py"), Path.of("calc.py"));
                  r.git().add().addFilepattern("src/alias.py").call();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      ExtractionOutput out = activity.extract(input(27, merge));

      assertThat(out.fixFiles())
          .containsExactlyInAnyOrder(
              "src/calc.py",
              "scripts/run.sh",
              "src/alias.py",
              "src/na\u00efve name $(touch pwned).py");
      assertThat(out.testFiles()).contains("tests/caf\u00e9 \"quoted\"_test.py");
      assertThat(out.otherFiles()).containsExactly("README.md");
      assertThat(out.notes()).noneMatch(n -> n.contains("self-check"));
      assertThat(Files.readString(Path.of(out.fixPatch())))
          .contains("new file mode 100755", "new file mode 120000");
      assertGitApplies(out, "awkward");
    }
  }

  @Nested
  class Rejections {
    @Test
    void aPullRequestWithoutTestsIsRejectedAndWritesNoPatch() {
      String merge =
          repo.squashPullRequest(
              24, "Fix add", r -> r.write("src/calc.py", "def add(a, b):\n    return a + b\n"));
      assertThatThrownBy(() -> activity.extract(input(24, merge)))
          .isInstanceOfSatisfying(
              ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("NO_TESTS"))
          .hasMessageContaining("PR #24 changes no test file: nothing could fail before the fix");
      assertThat(tmp.resolve("work/fix.patch")).doesNotExist();
      assertThat(tmp.resolve("work/tests.patch")).doesNotExist();
    }

    @Test
    void aPullRequestWithoutSourceIsRejected() {
      String merge =
          repo.squashPullRequest(
              25,
              "More tests",
              r ->
                  r.write("tests/test_more.py", "def test_x():\n    pass\n")
                      .write("CHANGELOG.md", "x\n"));
      assertThatThrownBy(() -> activity.extract(input(25, merge)))
          .isInstanceOfSatisfying(
              ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("NO_SOURCE_CHANGE"))
          .hasMessageContaining("PR #25 changes no source file");
      assertThat(tmp.resolve("work/tests.patch")).doesNotExist();
    }

    @Test
    void aPatchThatDoesNotApplyIsNamed() throws Exception {
      String merge = repo.squashPullRequest(26, "Fix add", PatchExtractorTest.this::fixAndTest);
      Path work = tmp.resolve("work-broken");
      Files.createDirectories(work);
      Path tests = work.resolve("tests.patch");
      Path fix = work.resolve("fix.patch");
      Files.writeString(
          tests,
          "diff --git a/tests/test_calc.py b/tests/test_calc.py\n--- a/tests/test_calc.py\n"
              + "+++ b/tests/test_calc.py\n@@ -1,1 +1,1 @@\n-not what is there\n+x\n");
      Files.writeString(fix, "");
      assertThatThrownBy(
              () ->
                  new ApplyCheck(repo.git().getRepository())
                      .verify(ObjectId.fromString(base), work, tests, fix))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> assertThat(f.getType()).isEqualTo("PATCH_DOES_NOT_APPLY"))
          .hasMessageContaining("tests.patch")
          .hasMessageContaining("tests/test_calc.py");
      assertThat(work.resolve(ApplyCheck.SCRATCH)).doesNotExist();
      assertThat(merge).isNotBlank();
    }
  }
}
