package dev.taskmill.analysis.stack;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java projects built with Maven: the JDK release from the pom, JUnit 4 or 5 from the dependencies.
 */
final class MavenProbe implements StackProbe {
  private static final String[] VERSION_PROPERTIES = {
    "maven.compiler.release",
    "maven.compiler.source",
    "java.version",
    "maven.compiler.target",
    "jdk.version",
    "java.release"
  };
  private static final Pattern COMPILER_RELEASE =
      Pattern.compile("<(?:release|source)>\\s*([^<\\s]+)\\s*</");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  @Override
  public Language family() {
    return Language.JAVA;
  }

  @Override
  public boolean isBuildFile(String fileName) {
    return fileName.equals("pom.xml");
  }

  @Override
  public Stack read(CommitTree tree, String dir) {
    String pom = tree.read(dir, "pom.xml").orElse("");
    return new Stack(
        Language.JAVA,
        BuildSystem.MAVEN,
        JUnitVersion.of(tree, "pom.xml"),
        jdk(pom).orElse(null),
        dir);
  }

  static Optional<String> jdk(String pom) {
    for (String property : VERSION_PROPERTIES) {
      Optional<String> value = property(pom, property).flatMap(v -> resolve(pom, v, 3));
      if (value.isPresent()) {
        return value.map(VersionSpec::javaFeature);
      }
    }
    return StackProbe.find(COMPILER_RELEASE, pom)
        .flatMap(v -> resolve(pom, v, 3))
        .map(VersionSpec::javaFeature);
  }

  private static Optional<String> property(String pom, String name) {
    Pattern p =
        Pattern.compile(
            "<" + Pattern.quote(name) + ">\\s*([^<]+?)\\s*</" + Pattern.quote(name) + ">");
    return StackProbe.find(p, pom);
  }

  /** Follows ${...} placeholders a few levels; a value that stays symbolic is unknown. */
  private static Optional<String> resolve(String pom, String value, int depth) {
    Matcher m = PLACEHOLDER.matcher(value);
    if (!m.find()) {
      return value.matches("[\\d._]+") ? Optional.of(value) : Optional.empty();
    }
    return depth == 0
        ? Optional.empty()
        : property(pom, m.group(1)).flatMap(v -> resolve(pom, v, depth - 1));
  }
}
