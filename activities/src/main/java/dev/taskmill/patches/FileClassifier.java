package dev.taskmill.patches;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a repository path is a test, source or other (changelog, docs) file, by whole path segments
 * and file-name patterns, never by bare substrings: {@code latest.py} is source, {@code tests/x.py} is a test.
 */
public final class FileClassifier {
  private static final Set<String> TEST_DIRS = Set.of("test", "tests", "__tests__", "spec", "specs", "testdata",
      "test-fixtures", "__mocks__", "e2e");
  private static final Pattern TEST_FILE = Pattern.compile(
      "(test_[^/]*\\.py|[^/]*_test\\.py|conftest\\.py|[^/]*_test\\.go|[^/]*Tests?\\.(java|kt|scala|groovy)"
          + "|[^/]*IT\\.java|[^/]*\\.(test|spec)\\.[cm]?[jt]sx?|[^/]*_spec\\.rb|[^/]*_test\\.rs)");
  private static final Pattern CHANGELOG = Pattern.compile(
      "(?i)(changelog|changes|history|news|release[-_ ]?notes?|releases|authors|contributors)(\\.[a-z]+)?");
  private static final Set<String> OTHER_DIRS = Set.of("docs", "doc", "changelog.d", "changes", "newsfragments",
      ".changeset", ".github", "changelogs", "release-notes");
  private static final Pattern DOC_FILE = Pattern.compile("(?i)[^/]*\\.(md|rst|adoc|txt)");

  private FileClassifier() {}

  /** The role of {@code path}, a '/'-separated path relative to the repository root. */
  public static FileRole classify(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("path is required");
    }
    String[] segments = path.split("/");
    String name = segments[segments.length - 1];
    if (CHANGELOG.matcher(name).matches() && segments.length == 1) {
      return FileRole.OTHER;
    }
    for (int i = 0; i < segments.length - 1; i++) {
      String dir = segments[i].toLowerCase(Locale.ROOT);
      if (i == 0 && OTHER_DIRS.contains(dir)) {
        return FileRole.OTHER;
      }
    }
    if (TEST_FILE.matcher(name).matches()) {
      return FileRole.TEST;
    }
    for (int i = 0; i < segments.length - 1; i++) {
      if (TEST_DIRS.contains(segments[i].toLowerCase(Locale.ROOT))) {
        return FileRole.TEST;
      }
    }
    if (CHANGELOG.matcher(name).matches() || (DOC_FILE.matcher(name).matches() && !isRequirements(name))) {
      return FileRole.OTHER;
    }
    return FileRole.SOURCE;
  }

  /** requirements*.txt and similar manifests are dependencies, which a fix may need. */
  private static boolean isRequirements(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("requirements") || lower.equals("constraints.txt") || lower.equals("cmakelists.txt");
  }
}
