package dev.taskmill.analysis.stack;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Java projects built with Gradle (Groovy or Kotlin DSL): toolchain or sourceCompatibility, JUnit 4
 * or 5.
 */
final class GradleProbe implements StackProbe {
  private static final List<Pattern> JDK_PATTERNS =
      List.of(
          Pattern.compile("JavaLanguageVersion\\.of\\(\\s*[\"']?(\\d+)"),
          Pattern.compile("jvmToolchain\\(\\s*(\\d+)"),
          Pattern.compile(
              "sourceCompatibility\\s*=\\s*(?:JavaVersion\\.VERSION_)?[\"']?([\\d._]+)"),
          Pattern.compile(
              "sourceCompatibility\\s*=\\s*JavaVersion\\.toVersion\\(\\s*[\"']?([\\d._]+)"),
          Pattern.compile(
              "targetCompatibility\\s*=\\s*(?:JavaVersion\\.VERSION_)?[\"']?([\\d._]+)"));

  @Override
  public Language family() {
    return Language.JAVA;
  }

  @Override
  public boolean isBuildFile(String fileName) {
    return fileName.equals("build.gradle")
        || fileName.equals("build.gradle.kts")
        || fileName.equals("settings.gradle")
        || fileName.equals("settings.gradle.kts");
  }

  @Override
  public Stack read(CommitTree tree, String dir) {
    String build =
        tree.read(dir, "build.gradle").or(() -> tree.read(dir, "build.gradle.kts")).orElse("");
    String jdk = jdk(build).or(() -> jdkOfAnyScript(tree)).orElse(null);
    return new Stack(
        Language.JAVA,
        BuildSystem.GRADLE,
        JUnitVersion.of(tree, "build.gradle", "build.gradle.kts"),
        jdk,
        dir);
  }

  /**
   * Multi-project builds often set the toolchain in a subproject or a buildSrc convention plugin.
   */
  private static Optional<String> jdkOfAnyScript(CommitTree tree) {
    return tree.paths().stream()
        .filter(p -> p.endsWith(".gradle") || p.endsWith(".gradle.kts"))
        .limit(60)
        .map(p -> tree.read(p).flatMap(GradleProbe::jdk))
        .flatMap(Optional::stream)
        .findFirst();
  }

  static Optional<String> jdk(String build) {
    return JDK_PATTERNS.stream()
        .map(p -> StackProbe.find(p, build))
        .flatMap(Optional::stream)
        .map(VersionSpec::javaFeature)
        .findFirst();
  }
}
