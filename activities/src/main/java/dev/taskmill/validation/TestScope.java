package dev.taskmill.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test files a PR's tests.patch touches, and whether a test id belongs to one of them. A base
 * failure in scope makes the PR unusable; one outside it is the environment's noise
 * (docs/decisions.md).
 */
final class TestScope {
  private static final Pattern DIFF_HEADER =
      Pattern.compile("^diff --git a/(.+) b/(.+)$", Pattern.MULTILINE);

  private final Set<String> files;

  private TestScope(Set<String> files) {
    this.files = Set.copyOf(files);
  }

  /** Every test is in scope: any base failure rejects the sample. */
  static TestScope everything() {
    return new TestScope(Set.of());
  }

  /** The files named in a patch's "diff --git" headers. */
  static TestScope ofPatch(Path patch) throws IOException {
    Set<String> files = new LinkedHashSet<>();
    Matcher m = DIFF_HEADER.matcher(Files.readString(patch));
    while (m.find()) {
      files.add(m.group(1));
      files.add(m.group(2));
    }
    return files.isEmpty() ? everything() : new TestScope(files);
  }

  /**
   * Whether {@code testId} (as docs/test-ids.md names tests) comes from a touched file; unknown
   * forms count.
   */
  boolean contains(String testId) {
    if (files.isEmpty()) {
      return true;
    }
    for (String file : files) {
      if (testId.equals(file) || testId.startsWith(file + "::") || testId.startsWith(file + " >")) {
        return true; // pytest, mocha, jest, vitest
      }
      if (testId.contains("#") && isJvmSourceOf(file, javaClassPath(testId))) {
        return true; // JUnit: com.acme.FooTest#method (nested classes after '$')
      }
      if (file.endsWith("_test.go") && goPackage(testId).endsWith(goDir(file))) {
        return true; // go: module/pkg/TestName
      }
    }
    return false;
  }

  /** "org.acme.CalcTest$Inner#m" -> "org/acme/CalcTest". */
  private static String javaClassPath(String testId) {
    String type = testId.substring(0, testId.indexOf('#'));
    int nested = type.indexOf('$');
    return (nested < 0 ? type : type.substring(0, nested)).replace('.', '/');
  }

  private static boolean isJvmSourceOf(String file, String classPath) {
    int dot = file.lastIndexOf('.');
    String stem = dot < 0 ? file : file.substring(0, dot);
    return stem.equals(classPath) || stem.endsWith("/" + classPath);
  }

  private static String goPackage(String testId) {
    int slash = testId.lastIndexOf('/');
    return slash < 0 ? "" : testId.substring(0, slash);
  }

  private static String goDir(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash);
  }
}
