package dev.taskmill.patches;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a repository path is a test, source or other (changelog, docs) file, by whole
 * path segments and file-name patterns, never by bare substrings: {@code latest.py} is source,
 * {@code tests/x.py} is a test.
 */
public final class FileClassifier {
  /** Folder names (any depth, case-insensitive) whose contents are tests or test data. */
  private static final Set<String> TEST_DIRS =
      Set.of(
          "test",
          "tests",
          "__tests__",
          "spec",
          "specs",
          "testdata",
          "test-fixtures",
          "testfixtures",
          "integrationtest",
          "__mocks__",
          "__snapshots__",
          "e2e");

  private static final Pattern TEST_FILE =
      Pattern.compile(
          "test_[^/]*\\.py|[^/]*_test\\.py|tests\\.py|conftest\\.py|[^/]*_test\\.go"
              + "|[^/]*Tests?\\.(java|kt|scala|groovy|cs)|[^/]*IT\\.(java|kt)|[^/]*Spec\\.(groovy|scala|kt)"
              + "|[^/]*\\.(test|spec)\\.[cm]?[jt]sx?|[^/]*_(spec|test)\\.rb|[^/]*_test\\.rs");

  /**
   * Gradle/Kotlin test source sets under src/: jvmTest, commonTest, androidTest, integrationTest,
   * testFixtures.
   */
  private static final Pattern GRADLE_TEST_SOURCE_SET =
      Pattern.compile("[a-z][A-Za-z]*Test|test[A-Z][A-Za-z]*");

  /**
   * Changelogs and release notes; only with a prose extension, so {@code changes.py} stays source.
   */
  private static final Pattern CHANGELOG =
      Pattern.compile(
          "(?i)(changelog|changes|history|news|release[-_ ]?notes?|releases|authors|contributors|whatsnew)"
              + "(\\.(md|rst|txt|adoc|markdown))?");

  /** Folders of changelog fragments, wherever they sit. */
  private static final Set<String> CHANGELOG_DIRS =
      Set.of(
          "changelog.d",
          "newsfragments",
          ".changeset",
          "changelogs",
          "release-notes",
          "releasenotes");

  /** Folders that are docs or tooling when they sit at the repository root. */
  private static final Set<String> ROOT_OTHER_DIRS = Set.of("docs", "doc", "changes", ".github");

  private static final Pattern DOC_FILE = Pattern.compile("(?i)[^/]*\\.(md|markdown|rst|adoc)");
  private static final Pattern ROOT_PROSE =
      Pattern.compile("(?i)(readme|license|licence|notice|copying)" + "([.-][^/]*)?|[^/]*\\.txt");

  private FileClassifier() {}

  /** The role of {@code path}, a '/'-separated path relative to the repository root. */
  public static FileRole classify(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("path is required");
    }
    String[] segments = path.split("/");
    String name = segments[segments.length - 1];
    int dirs = segments.length - 1;
    if (dirs > 0 && ROOT_OTHER_DIRS.contains(segments[0].toLowerCase(Locale.ROOT))) {
      return FileRole.OTHER;
    }
    for (int i = 0; i < dirs; i++) {
      if (CHANGELOG_DIRS.contains(segments[i].toLowerCase(Locale.ROOT))) {
        return FileRole.OTHER;
      }
    }
    if (CHANGELOG.matcher(name).matches()) {
      return FileRole.OTHER;
    }
    if (TEST_FILE.matcher(name).matches()
        && !underMainSources(segments)
        && !inPythonSrcLayout(segments)) {
      return FileRole.TEST;
    }
    for (int i = 0; i < dirs; i++) {
      if (TEST_DIRS.contains(segments[i].toLowerCase(Locale.ROOT))
          || (i > 0
              && segments[i - 1].equals("src")
              && GRADLE_TEST_SOURCE_SET.matcher(segments[i]).matches())) {
        return FileRole.TEST;
      }
    }
    if (DOC_FILE.matcher(name).matches()) {
      return FileRole.OTHER;
    }
    // A .txt deeper down is usually a resource the code reads (or requirements.txt), which a fix
    // may need.
    if (dirs == 0 && ROOT_PROSE.matcher(name).matches() && !isManifest(name)) {
      return FileRole.OTHER;
    }
    return FileRole.SOURCE;
  }

  /**
   * The role of a renamed file: the union of both sides, TEST over SOURCE over OTHER. Moving a file
   * into or out of the tests belongs to the tests (the test patch must carry it whole), a doc
   * becoming code is code.
   */
  public static FileRole classifyRename(String oldPath, String newPath) {
    FileRole before = classify(oldPath);
    FileRole after = classify(newPath);
    if (before == FileRole.TEST || after == FileRole.TEST) {
      return FileRole.TEST;
    }
    if (before == FileRole.SOURCE || after == FileRole.SOURCE) {
      return FileRole.SOURCE;
    }
    return FileRole.OTHER;
  }

  /**
   * Maven/Gradle main sources: a helper named FooTest under src/main is shipped code, not a test.
   */
  private static boolean underMainSources(String[] segments) {
    for (int i = 0; i + 1 < segments.length - 1; i++) {
      if (segments[i].equals("src") && segments[i + 1].equals("main")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A Python module under src/ (the src layout) is shipped code whatever its name: jinja's
   * src/jinja2/tests.py holds Jinja's template tests. Tests in a src layout sit in a tests folder,
   * which the folder rule still finds.
   */
  private static boolean inPythonSrcLayout(String[] segments) {
    return segments.length > 2
        && segments[0].equals("src")
        && segments[segments.length - 1].endsWith(".py");
  }

  /** requirements*.txt and similar manifests are dependencies, which a fix may need. */
  private static boolean isManifest(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("requirements")
        || lower.equals("constraints.txt")
        || lower.equals("cmakelists.txt")
        || lower.equals("runtime.txt");
  }
}
