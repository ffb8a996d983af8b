package dev.taskmill.analysis.stack;

import dev.taskmill.analysis.TestFramework;
import java.util.Arrays;
import java.util.List;

/**
 * Tells JUnit 5 from JUnit 4 by the build files of every module, then by the imports of a few test
 * classes.
 */
final class JUnitVersion {
  private static final int MAX_FILES = 60;

  private JUnitVersion() {}

  static TestFramework of(CommitTree tree, String... buildFileNames) {
    List<String> names = Arrays.asList(buildFileNames);
    List<String> buildFiles =
        tree.paths().stream()
            .filter(p -> names.contains(CommitTree.nameOf(p)))
            .limit(MAX_FILES)
            .toList();
    boolean junit4 = false;
    for (String path : buildFiles) {
      String text = tree.read(path).orElse("");
      if (text.contains("junit-jupiter")
          || text.contains("org.junit.jupiter")
          || text.contains("useJUnitPlatform")
          || text.contains("spring-boot-starter-test")
          || text.contains("junit-bom")) {
        return TestFramework.JUNIT5;
      }
      junit4 |= text.contains("<artifactId>junit</artifactId>") || text.contains("junit:junit");
    }
    if (junit4) {
      return TestFramework.JUNIT4;
    }
    return fromImports(tree);
  }

  /**
   * Build files that inherit their test dependencies from a parent leave only the test sources to
   * ask.
   */
  private static TestFramework fromImports(CommitTree tree) {
    List<String> tests =
        tree.paths().stream()
            .filter(p -> p.endsWith("Test.java") || p.endsWith("Tests.java"))
            .limit(20)
            .toList();
    boolean junit4 = false;
    for (String path : tests) {
      String text = tree.read(path).orElse("");
      if (text.contains("org.junit.jupiter")) {
        return TestFramework.JUNIT5;
      }
      junit4 |=
          text.contains("import org.junit.Test") || text.contains("import static org.junit.Assert");
    }
    return junit4 ? TestFramework.JUNIT4 : TestFramework.UNKNOWN;
  }
}
