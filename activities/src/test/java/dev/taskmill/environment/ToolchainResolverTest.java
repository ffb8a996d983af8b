package dev.taskmill.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolchainResolverTest {
  private static final Path OFFLINE =
      Path.of("..", "deploy", "offline-images", "stacks.properties");

  static Stack stack(
      Language language, BuildSystem build, TestFramework framework, String version) {
    return new Stack(language, build, framework, version, "");
  }

  static Stack stack(String kind, String version) {
    return switch (kind) {
      case "python" -> stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, version);
      case "maven" -> stack(Language.JAVA, BuildSystem.MAVEN, TestFramework.JUNIT5, version);
      case "gradle" -> stack(Language.JAVA, BuildSystem.GRADLE, TestFramework.JUNIT4, version);
      case "npm" -> stack(Language.JAVASCRIPT, BuildSystem.NPM, TestFramework.MOCHA, version);
      case "go" -> stack(Language.GO, BuildSystem.GO_MODULES, TestFramework.GO_TEST, version);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static ToolchainResolver offline() {
    return new ToolchainResolver(
        BaseImages.load(Map.of("TASKMILL_IMAGES_CONFIG", OFFLINE.toString())::get));
  }

  private static ToolchainResolver defaults() {
    return new ToolchainResolver(BaseImages.load(name -> null));
  }

  @Nested
  class WithTheOfflineImages {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
        nullValues = "null",
        value = {
          "maven,  17,          taskmill/java:17-maven",
          "maven,  1.8,         taskmill/java:17-maven",
          "maven,  11,          taskmill/java:17-maven",
          "maven,  null,        taskmill/java:17-maven",
          "maven,  21,          taskmill/java:21-maven",
          "maven,  18,          taskmill/java:21-maven", // the oldest JDK at least as new
          "maven,  1.7,         taskmill/java:17-maven", // JDK 21's javac starts at 8
          "python, '>=3.8',     taskmill/python:3.11",
          "python, '>=3.8,<4',  taskmill/python:3.11",
          "python, '~=3.10',    taskmill/python:3.11",
          "python, '^3.9',      taskmill/python:3.11",
          "python, null,        taskmill/python:3.11",
          "python, '>=3.12',    taskmill/python:3.13",
          "python, '3.13',      taskmill/python:3.13",
          "npm,    '>=16',      taskmill/node:18",
          "npm,    '^18.2.0',   taskmill/node:18",
          "npm,    '16.x || 18.x', taskmill/node:18",
          "go,     1.19,        taskmill/go:1.19",
          "go,     1.18,        taskmill/go:1.19",
        })
    void picksAnImageThatOffersTheToolchain(String kind, String version, String image) {
      assertThat(offline().resolve(stack(kind, version)).image().canonical()).isEqualTo(image);
    }

    @Test
    void aRelease21BuildRunsOnJdk21() {
      ResolvedToolchain resolved = offline().resolve(stack("maven", "21"));
      assertThat(resolved.version()).as("metadata.json's toolchainVersion").isEqualTo("21");
      assertThat(resolved.download()).isNull();
    }

    @ParameterizedTest(name = "{0} {1} is unavailable")
    @CsvSource({
      "maven,  1.6,        'Java source 1.6, which no configured JDK image can build (JDK 17 supports 7 and later); set TASKMILL_IMAGE_JAVA'",
      "maven,  25,         'the project needs Java 25, newer than any configured JDK image (JDK 17, JDK 21); set TASKMILL_IMAGE_JAVA to an image with JDK 25 or later'",
      "gradle, 21,         'needs Java 21, newer than any configured JDK image (JDK 17); set TASKMILL_IMAGE_GRADLE'",
      "python, '>=3.14',   'asks for Python >=3.14, which no configured image offers (Python 3.11, Python 3.13); set TASKMILL_IMAGE_PYTHON'",
      "python, '<3.10',    'Python <3.10'",
    })
    void saysInOneLineWhyNoImageFits(String kind, String version, String message) {
      assertThatThrownBy(() -> offline().resolve(stack(kind, version)))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> {
                assertThat(f.getType()).isEqualTo("TOOLCHAIN_UNAVAILABLE");
                assertThat(f.getOriginalMessage()).contains(message).doesNotContain("\n");
              });
    }
  }

  @Nested
  class WhenNoConfiguredImageOffersIt {
    @ParameterizedTest(name = "{0} {1} -> {2} {3} on {4}")
    @CsvSource({
      "go,  1.22,     go,   1.22.0, taskmill/go:1.19",
      "go,  1.22.5,   go,   1.22.5, taskmill/go:1.19",
      "go,  1.20,     go,   1.20,   taskmill/go:1.19",
      "npm, 20,       node, 20,     taskmill/node:18",
      "npm, 22.3.0,   node, 22.3.0, taskmill/node:18",
    })
    void downloadsTheToolchainOntoTheStacksImage(
        String kind, String version, String tool, String release, String base) {
      ResolvedToolchain resolved = offline().resolve(stack(kind, version));
      assertThat(resolved.image().canonical()).isEqualTo(base);
      assertThat(resolved.download()).isEqualTo(new ToolchainDownload(tool, release));
      assertThat(resolved.version()).isEqualTo(release);
    }

    @Test
    void anOfficialGoImageOfTheSameMinorVersionNeedsNoDownload() {
      ResolvedToolchain resolved = defaults().resolve(stack("go", "1.22.5"));
      assertThat(resolved.image().canonical()).isEqualTo("golang:1.22");
      assertThat(resolved.download()).isNull();
    }

    @Test
    void anImageThatOffersTheVersionNeedsNoDownload() {
      assertThat(offline().resolve(stack("npm", "18")).download()).isNull();
      assertThat(offline().resolve(stack("go", "1.19")).download()).isNull();
    }
  }

  @Nested
  class WithTheOfficialImages {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
        nullValues = "null",
        value = {
          "maven,  1.6,      maven:3-eclipse-temurin-8",
          "maven,  17,       maven:3-eclipse-temurin-17",
          "maven,  21,       maven:3-eclipse-temurin-21",
          "maven,  null,     maven:3-eclipse-temurin-17",
          "gradle, 11,       gradle:8-jdk11",
          "python, '>=3.8',  python:3.12-slim",
          "python, '<3.10',  python:3.9-slim",
          "python, '3.11',   python:3.12-slim", // a bare version is a lower bound
          // (docs/decisions.md)
          "npm,    '^18',    node:18",
          "npm,    null,     node:20",
          "go,     1.21,     golang:1.21",
        })
    void picksTheClosestOfficialImage(String kind, String version, String image) {
      assertThat(defaults().resolve(stack(kind, version)).image().canonical()).isEqualTo(image);
    }
  }

  @Test
  void trustsAnImageTheUserNamed() {
    var resolver =
        new ToolchainResolver(
            BaseImages.load(
                Map.of(
                        "TASKMILL_IMAGES_CONFIG",
                        OFFLINE.toString(),
                        "TASKMILL_IMAGE_JAVA",
                        "registry.example.com/jdk6-maven:1")
                    ::get));
    ResolvedToolchain resolved = resolver.resolve(stack("maven", "1.6"));
    assertThat(resolved.image().canonical()).isEqualTo("registry.example.com/jdk6-maven:1");
    assertThat(resolved.version()).isEqualTo("1.6");
  }

  @ParameterizedTest
  @CsvSource({"RUST, CARGO, CARGO_TEST", "UNKNOWN, NONE, UNKNOWN", "JAVA, NONE, JUNIT4"})
  void refusesStacksItCannotBuild(Language language, BuildSystem build, TestFramework framework) {
    assertThatThrownBy(() -> defaults().resolve(stack(language, build, framework, null)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("UNSUPPORTED_STACK"));
  }
}
