package dev.taskmill.analysis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;
import java.util.Objects;

/**
 * The detected stack of a repository.
 *
 * @param toolchainVersion the lowest toolchain version the build files accept (JDK release, Python,
 *     Node, Go), or a version range when no lowest version can be read; null when they do not say
 * @param projectDir the directory of the build file relative to the repository root, "" for the
 *     root
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Stack(
    Language language,
    BuildSystem buildSystem,
    TestFramework testFramework,
    String toolchainVersion,
    String projectDir) {
  public Stack {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(buildSystem, "buildSystem");
    Objects.requireNonNull(testFramework, "testFramework");
    projectDir = projectDir == null ? "" : projectDir;
  }

  /** A one-line description such as "java/maven/junit5 (17)". */
  public String describe() {
    String base =
        language.name().toLowerCase(Locale.ROOT)
            + "/"
            + buildSystem.name().toLowerCase(Locale.ROOT)
            + "/"
            + testFramework.name().toLowerCase(Locale.ROOT);
    return toolchainVersion == null ? base : base + " (" + toolchainVersion + ")";
  }
}
