package dev.taskmill.worker;

import dev.taskmill.testing.FixtureRepo;
import java.nio.file.Path;

/**
 * Python repositories whose PR must not become a sample, each for one reason; and one with a flaky
 * test. Each has a base commit and a merged PR #7.
 */
final class NegativeFixtures {
  private static final String PYPROJECT =
      "[project]\nname = \"calc\"\nversion = \"0.1.0\"\nrequires-python = \">=3.8\"\n";
  private static final String CALC =
      "def add(a, b):\n    return a + b\n\n\ndef clamp(x, lo, hi):\n    return max(lo, x)\n";
  private static final String FIXED =
      "def add(a, b):\n    return a + b\n\n\ndef clamp(x, lo, hi):\n    return min(hi, max(lo, x))\n";
  private static final String BASE_TEST =
      "from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n";

  private NegativeFixtures() {}

  /**
   * The new test imports a function that only the fix adds: it cannot even be collected before the
   * fix.
   */
  static String testsDoNotCompile(Path dir) {
    FixtureRepo repo = base(dir, BASE_TEST);
    repo.mergePullRequest(
        7,
        "Fix clamp by adding clamp_upper",
        r ->
            r.write("calc.py", FIXED + "\n\ndef clamp_upper(x, hi):\n    return min(x, hi)\n")
                .write(
                    "tests/test_upper.py",
                    "from calc import clamp_upper\n\n\ndef test_upper():\n"
                        + "    assert clamp_upper(15, 10) == 10\n"));
    return close(repo);
  }

  /** The PR's new test already passes before the fix. */
  static String noTestFlips(Path dir) {
    FixtureRepo repo = base(dir, BASE_TEST);
    repo.mergePullRequest(
        7,
        "Fix clamp docs and test add more",
        r ->
            r.write("calc.py", CALC.replace("def clamp", "# clamps x into [lo, hi]\ndef clamp"))
                .write(
                    "tests/test_calc.py",
                    BASE_TEST + "\n\ndef test_add_negative():\n    assert add(-2, -3) == -5\n"));
    return close(repo);
  }

  /** A test in the file the PR's tests change already fails at the base commit. */
  static String baseTestsFail(Path dir) {
    String broken = BASE_TEST + "\n\ndef test_broken():\n    assert add(1, 1) == 3\n";
    FixtureRepo repo = base(dir, broken);
    repo.mergePullRequest(
        7,
        "Fix clamp ignoring the upper bound",
        r ->
            r.write("calc.py", FIXED)
                .write(
                    "tests/test_calc.py",
                    broken.replace("from calc import add", "from calc import add, clamp")
                        + "\n\ndef test_upper():\n    assert clamp(15, 0, 10) == 10\n"));
    return close(repo);
  }

  /**
   * A test outside the PR's test files fails at the base and everywhere else: the environment's
   * noise.
   */
  static String unrelatedBaseFailure(Path dir) {
    FixtureRepo repo = base(dir, BASE_TEST);
    repo.write(
            "tests/test_env.py",
            "import shutil\n\n\ndef test_needs_a_pager():\n"
                + "    assert shutil.which('no-such-pager-anywhere')\n")
        .commit("a test that needs a tool");
    repo.mergePullRequest(
        7,
        "Fix clamp ignoring the upper bound",
        r ->
            r.write("calc.py", FIXED)
                .write(
                    "tests/test_clamp.py",
                    "from calc import clamp\n\n\ndef test_upper():\n    assert clamp(15, 0, 10) == 10\n"));
    return close(repo);
  }

  /** Without the fix the new test never ends. */
  static String testHangs(Path dir) {
    FixtureRepo repo = base(dir, BASE_TEST);
    repo.mergePullRequest(
        7,
        "Fix clamp ignoring the upper bound",
        r ->
            r.write("calc.py", FIXED)
                .write(
                    "tests/test_clamp.py",
                    "import time\nfrom calc import clamp\n\n\ndef test_upper():\n"
                        + "    while clamp(15, 0, 10) != 10:\n        time.sleep(0.1)\n"));
    return close(repo);
  }

  /** A real fix, plus a test whose result differs between reruns of the same stage. */
  static String withFlakyTest(Path dir) {
    FixtureRepo repo = base(dir, BASE_TEST);
    repo.mergePullRequest(
        7,
        "Fix clamp ignoring the upper bound",
        r ->
            r.write("calc.py", FIXED)
                .write(
                    "tests/test_clamp.py",
                    "import os\nfrom calc import clamp\n\n\ndef test_upper():\n"
                        + "    assert clamp(15, 0, 10) == 10\n\n\ndef test_timing_sensitive():\n"
                        + "    assert 'rerun' not in os.environ.get('TASKMILL_STAGE', '')\n"));
    return close(repo);
  }

  /**
   * Two merged PRs: #8, the better-looking bug fix whose new test already passes (picked first,
   * rejected), and #7, a real fix with a plainer title, which makes the sample.
   */
  static String firstPickDoesNotFlip(Path dir) {
    FixtureRepo repo = base(dir, BASE_TEST);
    repo.mergePullRequest(
        7,
        "Clamp to the upper bound as well",
        r ->
            r.write("calc.py", FIXED)
                .write(
                    "tests/test_clamp.py",
                    "from calc import clamp\n\n\ndef test_upper():\n    assert clamp(15, 0, 10) == 10\n"));
    repo.mergePullRequest(
        8,
        "Fix bug: add crashes on negative numbers",
        r ->
            r.write("calc.py", FIXED.replace("def add", "# adds two numbers\ndef add"))
                .write(
                    "tests/test_calc.py",
                    BASE_TEST + "\n\ndef test_add_negative():\n    assert add(-2, -3) == -5\n"));
    return close(repo);
  }

  private static FixtureRepo base(Path dir, String baseTest) {
    FixtureRepo repo = FixtureRepo.init(dir);
    repo.write("pyproject.toml", PYPROJECT)
        .write("calc.py", CALC)
        .write("tests/test_calc.py", baseTest);
    repo.commit("calc with add and clamp");
    return repo;
  }

  private static String close(FixtureRepo repo) {
    repo.close();
    return repo.url();
  }
}
