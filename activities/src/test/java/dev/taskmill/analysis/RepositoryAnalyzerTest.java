package dev.taskmill.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.analysis.github.GitHubClient;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.progress.Heartbeat;
import dev.taskmill.testing.FixtureRepo;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Phase 1 end to end on fixture repositories built with JGit, without Temporal and without any
 * GitHub API.
 */
class RepositoryAnalyzerTest {
  @TempDir Path tmp;

  private RepositoryAnalyzer analyzer;

  @BeforeEach
  void setUp() {
    analyzer =
        new RepositoryAnalyzer(
            new RepositoryCache(tmp.resolve("cache")),
            GitHubClient.disabled(),
            AnalysisSettings.DEFAULTS);
  }

  private AnalysisOutput analyze(FixtureRepo repo, Integer pr) {
    return analyzer.analyze(new AnalysisInput(repo.url(), pr, null), Heartbeat.none());
  }

  private static String parentOf(FixtureRepo repo, String commit) throws Exception {
    Repository r = repo.git().getRepository();
    try (RevWalk walk = new RevWalk(r)) {
      return walk.parseCommit(r.resolve(commit)).getParent(0).name();
    }
  }

  private static ApplicationFailure failure(Runnable run) {
    try {
      run.run();
    } catch (ApplicationFailure f) {
      return f;
    }
    throw new AssertionError("expected an ApplicationFailure");
  }

  /**
   * A small Python project: a merge PR, a squash PR, a docs-only PR, a tests-only PR and an open
   * pull ref.
   */
  private FixtureRepo pythonProject() {
    FixtureRepo repo = FixtureRepo.init(tmp.resolve("widget"));
    repo.write("pyproject.toml", "[project]\nname = \"widget\"\nrequires-python = \">=3.9\"\n")
        .write("widget/core.py", "def total(xs):\n    return sum(xs)\n")
        .write(
            "tests/test_core.py",
            "from widget.core import total\n\ndef test_total():\n    assert total([1]) == 1\n")
        .commit("Initial import");
    repo.mergePullRequest(
        1,
        "Fix crash on empty input",
        r ->
            r.write("widget/core.py", "def total(xs):\n    return sum(xs or [])\n")
                .write(
                    "tests/test_core.py",
                    "from widget.core import total\n\ndef test_empty():\n    assert total(None) == 0\n"));
    repo.squashPullRequest(
        2, "Add documentation for total", r -> r.write("docs/total.md", "# total\n"));
    repo.squashPullRequest(
        3,
        "Refactor total into a helper",
        r ->
            r.write(
                    "widget/core.py",
                    "def total(xs):\n    return _sum(xs)\n\ndef _sum(xs):\n    return sum(xs or [])\n")
                .write("widget/util.py", "X = 1\n")
                .write("tests/test_util.py", "def test_x():\n    assert True\n"));
    repo.squashPullRequest(
        4,
        "Cover totals of negative numbers",
        r -> r.write("tests/test_negative.py", "def test_neg():\n    assert True\n"));
    repo.pullRef(
        5,
        "Fix wrong result for floats",
        r ->
            r.write("widget/core.py", "def total(xs):\n    return float(sum(xs or []))\n")
                .write("tests/test_float.py", "def test_float():\n    assert True\n"));
    return repo;
  }

  @Nested
  class Picking {
    @Test
    void picksTheBugFixWithTestsAndExplainsWhy() throws Exception {
      try (FixtureRepo repo = pythonProject()) {
        AnalysisOutput out = analyze(repo, null);
        PullRequest pr = out.pullRequest();
        assertThat(pr.number()).isEqualTo(1);
        assertThat(pr.source()).isEqualTo(PrSource.MERGE_COMMIT);
        assertThat(pr.title()).isEqualTo("Fix crash on empty input");
        assertThat(pr.baseCommit()).isEqualTo(parentOf(repo, pr.mergeCommit()));
        assertThat(pr.merged()).isTrue();
        assertThat(pr.url()).isNull();
        assertThat(out.pickReason())
            .startsWith("PR #1 has the best score")
            .contains("title says 'fix'");
        assertThat(out.defaultBranch()).isEqualTo("main");
        assertThat(out.repoName()).isEqualTo("widget");
        assertThat(out.stack())
            .isEqualTo(
                new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, "3.9", ""));
        // Merged PRs rank before open ones (#5 is only a pull ref), then by score.
        assertThat(out.candidates()).extracting(Candidate::number).containsExactly(1, 3, 5, 4, 2);
        assertThat(out.candidates().get(0).score()).isGreaterThan(out.candidates().get(1).score());
        assertThat(out.candidates())
            .filteredOn(c -> c.number() == 2)
            .singleElement()
            .satisfies(c -> assertThat(c.eligible()).isFalse())
            .satisfies(
                c ->
                    assertThat(c.reasons())
                        .contains("no test file changed", "no source file changed"));
      }
    }

    @Test
    void aSquashPrHasItsParentAsBase() throws Exception {
      try (FixtureRepo repo = pythonProject()) {
        PullRequest pr = analyze(repo, 3).pullRequest();
        assertThat(pr.source()).isEqualTo(PrSource.SQUASH_COMMIT);
        assertThat(pr.title()).isEqualTo("Refactor total into a helper");
        assertThat(pr.baseCommit()).isEqualTo(parentOf(repo, pr.mergeCommit()));
      }
    }

    @Test
    void anOpenPullRefIsFoundWithItsMergeBaseAndMarkedUnmerged() throws Exception {
      try (FixtureRepo repo = pythonProject()) {
        String mainBeforePr = repo.git().getRepository().resolve("main").name();
        AnalysisOutput out = analyze(repo, 5);
        assertThat(out.pullRequest().source()).isEqualTo(PrSource.PULL_REF);
        assertThat(out.pullRequest().merged()).isFalse();
        assertThat(out.pullRequest().baseCommit()).isEqualTo(mainBeforePr);
        assertThat(out.candidates())
            .singleElement()
            .satisfies(c -> assertThat(c.reasons()).contains("not merged"));
      }
    }
  }

  @Nested
  class CherryPicks {
    @Test
    void theDefaultBranchCommitIsPreferredAndTheReasonSaysSo() throws Exception {
      try (FixtureRepo repo = pythonProject()) {
        String onMain =
            repo.squashPullRequest(
                6,
                "Fix rounding error",
                r ->
                    r.write(
                            "widget/core.py",
                            "def total(xs):\n    return round(sum(xs or []), 2)\n")
                        .write("tests/test_round.py", "def test_round():\n    assert True\n"));
        String picked = repo.cherryPickOnto("maint-1.x", onMain + "~1", onMain);
        AnalysisOutput out = analyze(repo, 6);
        assertThat(out.pullRequest().mergeCommit()).isEqualTo(onMain).isNotEqualTo(picked);
        assertThat(out.pickReason())
            .contains("matches 2 commits")
            .contains("on maint-1.x")
            .contains("because it is on the default branch main");
        assertThat(out.candidates())
            .extracting(Candidate::mergeCommit)
            .containsExactlyInAnyOrder(onMain, picked);
      }
    }

    @Test
    void aCherryPickOnARemoteTrackingBranchOfALocalCloneIsSeenToo() throws Exception {
      try (FixtureRepo repo = pythonProject()) {
        String onMain =
            repo.squashPullRequest(
                6,
                "Fix rounding error",
                r ->
                    r.write(
                            "widget/core.py",
                            "def total(xs):\n    return round(sum(xs or []), 2)\n")
                        .write("tests/test_round.py", "def test_round():\n    assert True\n"));
        String picked = repo.cherryPickOnto("maint-1.x", onMain + "~1", onMain);
        Repository r = repo.git().getRepository();
        var tracking = r.updateRef("refs/remotes/origin/1.x");
        tracking.setNewObjectId(r.resolve(picked));
        tracking.forceUpdate();
        repo.git().branchDelete().setBranchNames("maint-1.x").setForce(true).call();
        AnalysisOutput out = analyze(repo, 6);
        assertThat(out.pullRequest().mergeCommit()).isEqualTo(onMain);
        assertThat(out.pickReason()).contains("matches 2 commits").contains("on origin/1.x");
      }
    }

    @Test
    void aPrOnlyOnAMaintenanceBranchIsStillFound() {
      try (FixtureRepo repo = pythonProject()) {
        repo.branch("maint-1.x", "main");
        String onMaint =
            repo.squashPullRequestOnCurrentBranch(
                7,
                "Fix leak in backport",
                r ->
                    r.write("widget/core.py", "def total(xs):\n    return sum(list(xs or []))\n")
                        .write("tests/test_leak.py", "def test_leak():\n    assert True\n"));
        repo.checkout("main");
        AnalysisOutput out = analyze(repo, 7);
        assertThat(out.pullRequest().mergeCommit()).isEqualTo(onMaint);
        assertThat(out.candidates())
            .singleElement()
            .satisfies(c -> assertThat(c.onDefaultBranch()).isFalse());
      }
    }
  }

  @Nested
  class Failures {
    @Test
    void aMissingPrNamesWhereItLookedAndWhatToDo() {
      try (FixtureRepo repo = pythonProject()) {
        ApplicationFailure f = failure(() -> analyze(repo, 123));
        assertThat(f.getType()).isEqualTo("NO_SUCH_PR");
        assertThat(f.getOriginalMessage())
            .isEqualTo(
                "PR #123 not found in "
                    + repo.dir().toAbsolutePath()
                    + ": no merge commit, squash commit or refs/pull/123/head; list candidates with `taskmill analyze "
                    + repo.dir().toAbsolutePath()
                    + "`");
      }
    }

    @Test
    void aRequestedPrWithoutTestsIsRejected() {
      try (FixtureRepo repo = pythonProject()) {
        ApplicationFailure f = failure(() -> analyze(repo, 2));
        assertThat(f.getType()).isEqualTo("NO_TESTS");
        assertThat(f.isNonRetryable()).isTrue();
        assertThat(f.getOriginalMessage())
            .contains("PR #2")
            .contains("changes no test file")
            .contains("docs/total.md");
      }
    }

    @Test
    void aRequestedPrWithoutSourceChangesIsRejected() {
      try (FixtureRepo repo = pythonProject()) {
        ApplicationFailure f = failure(() -> analyze(repo, 4));
        assertThat(f.getType()).isEqualTo("NO_SOURCE_CHANGE");
        assertThat(f.getOriginalMessage()).contains("PR #4").contains("no source file");
      }
    }

    @Test
    void aRepositoryWithoutAnyTestedPrHasNoCandidate() {
      try (FixtureRepo repo = FixtureRepo.init(tmp.resolve("untested"))) {
        repo.write("app.py", "x = 1\n").commit("Initial import");
        repo.squashPullRequest(1, "Fix crash", r -> r.write("app.py", "x = 2\n"));
        repo.mergePullRequest(2, "Fix another crash", r -> r.write("app.py", "x = 3\n"));
        ApplicationFailure f = failure(() -> analyze(repo, null));
        assertThat(f.getType()).isEqualTo("NO_SUITABLE_PR");
        assertThat(f.getOriginalMessage())
            .startsWith(
                "no merged PR with both test and source changes found in the "
                    + "last 3 commits of "
                    + repo.dir().toAbsolutePath());
      }
    }

    @Test
    void aBadUrlIsInvalidInput() {
      ApplicationFailure f =
          failure(
              () -> analyzer.analyze(new AnalysisInput("ftp://x", null, null), Heartbeat.none()));
      assertThat(f.getType()).isEqualTo("INVALID_INPUT");
    }
  }

  @Test
  void aLocalCloneOnAFeatureBranchIsAnalyzedOnItsUpstreamDefaultBranch() throws Exception {
    try (FixtureRepo repo = pythonProject()) {
      Repository r = repo.git().getRepository();
      var remoteMain = r.updateRef("refs/remotes/origin/main");
      remoteMain.setNewObjectId(r.resolve("main"));
      remoteMain.forceUpdate();
      r.updateRef("refs/remotes/origin/HEAD").link("refs/remotes/origin/main");
      repo.branch("feature", "main");
      repo.write("widget/extra.py", "Y = 2\n").commit("Work in progress");
      AnalysisOutput out = analyze(repo, null);
      assertThat(out.defaultBranch()).isEqualTo("main");
      assertThat(out.pullRequest().number()).isEqualTo(1);
    }
  }

  @Nested
  class Ecosystems {
    record Project(String name, Map<String, String> base, Map<String, String> fix, Stack stack) {}

    static Stream<Project> projects() {
      return Stream.of(
          new Project(
              "java-maven",
              Map.of(
                  "pom.xml",
                  "<project><properties><maven.compiler.release>17</maven.compiler.release></properties>"
                      + "<dependencies><dependency><groupId>org.junit.jupiter</groupId></dependency></dependencies></project>",
                  "src/main/java/acme/Parser.java",
                  "class Parser {}\n"),
              Map.of(
                  "src/main/java/acme/Parser.java",
                  "class Parser { /* null-safe */ }\n",
                  "src/test/java/acme/ParserTest.java",
                  "class ParserTest {}\n"),
              new Stack(Language.JAVA, BuildSystem.MAVEN, TestFramework.JUNIT5, "17", "")),
          new Project(
              "javascript-jest",
              Map.of(
                  "package.json",
                  "{\"scripts\":{\"test\":\"jest\"},\"engines\":{\"node\":\">=18\"}}",
                  "lib/parse.js",
                  "module.exports = () => 1;\n"),
              Map.of(
                  "lib/parse.js",
                  "module.exports = (x) => x ?? 1;\n",
                  "__tests__/parse.test.js",
                  "test('x', () => {});\n"),
              new Stack(Language.JAVASCRIPT, BuildSystem.NPM, TestFramework.JEST, "18", "")),
          new Project(
              "typescript-vitest",
              Map.of(
                  "package.json",
                  "{\"devDependencies\":{\"vitest\":\"1\",\"typescript\":\"5\"}}",
                  "src/parse.ts",
                  "export const parse = () => 1;\n"),
              Map.of(
                  "src/parse.ts",
                  "export const parse = (x?: number) => x ?? 1;\n",
                  "src/parse.spec.ts",
                  "import { it } from 'vitest';\n"),
              new Stack(Language.TYPESCRIPT, BuildSystem.NPM, TestFramework.VITEST, null, "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void findsTheFixAndItsBaseInEveryStack(Project project) throws Exception {
      try (FixtureRepo repo = FixtureRepo.init(tmp.resolve(project.name()))) {
        project.base().forEach(repo::write);
        String base = repo.commit("Initial import");
        String merge =
            repo.mergePullRequest(
                11, "Fix null handling in parser", r -> project.fix().forEach(r::write));
        AnalysisOutput out = analyze(repo, null);
        assertThat(out.pullRequest().number()).isEqualTo(11);
        assertThat(out.pullRequest().mergeCommit()).isEqualTo(merge);
        assertThat(out.pullRequest().baseCommit()).isEqualTo(base);
        assertThat(out.stack()).isEqualTo(project.stack());
        assertThat(out.candidates())
            .singleElement()
            .satisfies(
                c -> {
                  assertThat(c.testFiles()).isEqualTo(1);
                  assertThat(c.sourceFiles()).isEqualTo(1);
                });
      }
    }
  }

  @Test
  void heartbeatsReportEachStep() {
    try (FixtureRepo repo = pythonProject()) {
      List<String> beats = new ArrayList<>();
      analyzer.analyze(new AnalysisInput(repo.url(), null, null), beats::add);
      assertThat(beats)
          .anyMatch(b -> b.startsWith("opening "))
          .anyMatch(b -> b.startsWith("scoring PR #1"))
          .anyMatch(b -> b.startsWith("detecting the stack"));
    }
  }

  @Test
  void theScanIsBoundedByTheSettings() {
    try (FixtureRepo repo = pythonProject()) {
      RepositoryAnalyzer narrow =
          new RepositoryAnalyzer(
              new RepositoryCache(tmp.resolve("cache2")),
              GitHubClient.disabled(),
              new AnalysisSettings(2, 50, 0));
      AnalysisOutput out =
          narrow.analyze(new AnalysisInput(repo.url(), null, null), Heartbeat.none());
      // The last two first-parent commits are PRs #4 and #3; the open pull ref #5 is as new as they
      // are.
      assertThat(out.candidates()).extracting(Candidate::number).containsExactlyInAnyOrder(3, 4, 5);
    }
  }
}
