package dev.taskmill.analysis.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import dev.taskmill.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StackDetectorTest {
  @TempDir Path tmp;

  private static Map<String, String> files(String... pathsAndContents) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      files.put(pathsAndContents[i], pathsAndContents[i + 1]);
    }
    return files;
  }

  private Stack detect(Map<String, String> files) {
    try (FixtureRepo repo = FixtureRepo.init(tmp.resolve("repo"))) {
      files.forEach(repo::write);
      String commit = repo.commit("initial");
      return new StackDetector().detect(repo.git().getRepository(), ObjectId.fromString(commit));
    }
  }

  static Stream<Arguments> stacks() {
    String pomJunit5 =
        "<project><properties><maven.compiler.release>17</maven.compiler.release></properties>"
            + "<dependencies><dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>"
            + "</dependency></dependencies></project>";
    String pomJunit4 =
        "<project><properties><maven.compiler.source>1.8</maven.compiler.source></properties>"
            + "<dependencies><dependency>\n<groupId>junit</groupId>\n<artifactId>junit</artifactId>\n</dependency>"
            + "</dependencies></project>";
    String pomPlaceholder =
        "<project><properties><java.version>11</java.version>"
            + "<maven.compiler.source>${java.version}</maven.compiler.source></properties></project>";
    return Stream.of(
        arguments(
            "pyproject requires-python",
            files(
                "pyproject.toml",
                "[project]\nname = \"w\"\nrequires-python = \">=3.9\"\n[project.optional-dependencies]\ntest = [\"pytest\"]\n",
                "src/w/core.py",
                "x = 1\n",
                "tests/test_core.py",
                "def test_x(): pass\n"),
            new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, "3.9", "")),
        arguments(
            "poetry python dependency",
            files(
                "pyproject.toml",
                "[tool.poetry.dependencies]\npython = \"^3.8\"\nrequests = \"^2\"\n",
                "w.py",
                ""),
            new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, "3.8", "")),
        arguments(
            "setup.cfg python_requires",
            files("setup.cfg", "[options]\npython_requires = >=3.7, <4\n", "w.py", "x = 1\n"),
            new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, "3.7", "")),
        arguments(
            "setup.py python_requires",
            files(
                "setup.py",
                "from setuptools import setup\nsetup(name='w', python_requires='>=3.6')\n"),
            new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, "3.6", "")),
        arguments(
            "classifiers when nothing else says",
            files(
                "setup.cfg",
                "[metadata]\nclassifiers =\n"
                    + "    Programming Language :: Python :: 3.12\n    Programming Language :: Python :: 3.10\n"
                    + "    Programming Language :: Python :: 3\n",
                "w.py",
                "x = 1\n"),
            new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, "3.10", "")),
        arguments(
            "requirements only",
            files("requirements-dev.txt", "pytest\n", "test_w.py", "def test(): pass\n"),
            new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, null, "")),
        arguments(
            "tox.ini and pytest.ini",
            files("tox.ini", "[tox]\n", "pytest.ini", "[pytest]\n", "w.py", ""),
            new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, null, "")),
        arguments(
            "maven junit5 release 17",
            files("pom.xml", pomJunit5, "src/main/java/A.java", "class A {}"),
            new Stack(Language.JAVA, BuildSystem.MAVEN, TestFramework.JUNIT5, "17", "")),
        arguments(
            "maven junit4 source 1.8",
            files("pom.xml", pomJunit4, "src/main/java/A.java", "class A {}"),
            new Stack(Language.JAVA, BuildSystem.MAVEN, TestFramework.JUNIT4, "8", "")),
        arguments(
            "maven ${java.version}",
            files(
                "pom.xml",
                pomPlaceholder,
                "src/test/java/ATest.java",
                "import org.junit.jupiter.api.Test;\nclass ATest {}"),
            new Stack(Language.JAVA, BuildSystem.MAVEN, TestFramework.JUNIT5, "11", "")),
        arguments(
            "gradle groovy junit4",
            files(
                "build.gradle",
                "apply plugin: 'java'\nsourceCompatibility = '11'\ndependencies { testImplementation 'junit:junit:4.13.2' }\n"),
            new Stack(Language.JAVA, BuildSystem.GRADLE, TestFramework.JUNIT4, "11", "")),
        arguments(
            "gradle kts toolchain junit5",
            files(
                "build.gradle.kts",
                "java { toolchain { languageVersion.set(JavaLanguageVersion.of(21)) } }\n"
                    + "tasks.test { useJUnitPlatform() }\n"),
            new Stack(Language.JAVA, BuildSystem.GRADLE, TestFramework.JUNIT5, "21", "")),
        arguments(
            "gradle toolchain in a convention plugin",
            files(
                "settings.gradle.kts",
                "include(\"core\")\n",
                "buildSrc/src/main/kotlin/java-conventions.gradle.kts",
                "java { toolchain { languageVersion = " + "JavaLanguageVersion.of(17) } }\n",
                "core/build.gradle.kts",
                "dependencies { testImplementation" + "(\"org.junit.jupiter:junit-jupiter\") }\n"),
            new Stack(Language.JAVA, BuildSystem.GRADLE, TestFramework.JUNIT5, "17", "")),
        arguments(
            "gradle VERSION_1_8",
            files(
                "build.gradle",
                "sourceCompatibility = JavaVersion.VERSION_1_8\ntest { useJUnitPlatform() }\n"),
            new Stack(Language.JAVA, BuildSystem.GRADLE, TestFramework.JUNIT5, "8", "")),
        arguments(
            "npm mocha engines",
            files(
                "package.json",
                "{\"name\":\"w\",\"engines\":{\"node\":\">=18\"},\"devDependencies\":{\"mocha\":\"^10.0.0\"}}",
                "index.js",
                ""),
            new Stack(Language.JAVASCRIPT, BuildSystem.NPM, TestFramework.MOCHA, "18", "")),
        arguments(
            "npm jest typescript",
            files(
                "package.json",
                "{\"scripts\":{\"test\":\"jest --coverage\"},\"devDependencies\":{\"typescript\":\"5\",\"mocha\":\"1\"}}",
                "src/a.ts",
                ""),
            new Stack(Language.TYPESCRIPT, BuildSystem.NPM, TestFramework.JEST, null, "")),
        arguments(
            "npm vitest nvmrc",
            files(
                "package.json",
                "{\"devDependencies\":{\"vitest\":\"^1.0.0\"}}",
                ".nvmrc",
                "v20.10.0\n",
                "tsconfig.json",
                "{}"),
            new Stack(Language.TYPESCRIPT, BuildSystem.NPM, TestFramework.VITEST, "20.10.0", "")),
        arguments(
            "go module",
            files("go.mod", "module example.com/w\n\ngo 1.21\n", "w.go", "package w\n"),
            new Stack(Language.GO, BuildSystem.GO_MODULES, TestFramework.GO_TEST, "1.21", "")),
        arguments(
            "go module with a newer toolchain line",
            files(
                "go.mod",
                "module example.com/w\n\ngo 1.21\n\ntoolchain go1.22.5\n",
                "w.go",
                "package w\n"),
            new Stack(Language.GO, BuildSystem.GO_MODULES, TestFramework.GO_TEST, "1.22.5", "")),
        arguments(
            "go module with an older toolchain line",
            files(
                "go.mod",
                "module example.com/w\n\ngo 1.23.1 // comment\ntoolchain go1.23.0\n",
                "w.go",
                "package w\n"),
            new Stack(Language.GO, BuildSystem.GO_MODULES, TestFramework.GO_TEST, "1.23.1", "")),
        arguments(
            "rust crate",
            files(
                "Cargo.toml",
                "[package]\nname = \"w\"\nrust-version = \"1.70\"\n",
                "src/lib.rs",
                ""),
            new Stack(Language.RUST, BuildSystem.CARGO, TestFramework.CARGO_TEST, "1.70", "")),
        arguments(
            "project in a subfolder",
            files("README.md", "# w", "backend/pom.xml", pomJunit5),
            new Stack(Language.JAVA, BuildSystem.MAVEN, TestFramework.JUNIT5, "17", "backend")),
        arguments(
            "python with a tooling package.json",
            files(
                "package.json",
                "{\"devDependencies\":{\"prettier\":\"3\"}}",
                "pyproject.toml",
                "[project]\nrequires-python = \"~=3.10\"\n",
                "w/a.py",
                "",
                "w/b.py",
                ""),
            new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, "3.10", "")),
        arguments(
            "no build file, go sources",
            files("main.go", "package main\n", "main_test.go", "package main\n"),
            new Stack(Language.GO, BuildSystem.GO_MODULES, TestFramework.GO_TEST, null, "")),
        arguments(
            "build files of fixtures are ignored",
            files("tests/fixtures/pom.xml", pomJunit5, "a.py", ""),
            new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, null, "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stacks")
  void detectsTheStackFromBuildFiles(String name, Map<String, String> files, Stack expected) {
    assertThat(detect(files)).isEqualTo(expected);
  }

  @Nested
  class VersionSpecs {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        nullValues = "null",
        value = {
          "'>=3.8', 3.8",
          "'>=3.8,<4', 3.8",
          "'~=3.9', 3.9",
          "'^18 || ^20', 18",
          "'<4', null",
          "'3.11', 3.11",
          "'>= 14.17.0', 14.17.0",
          "'!=3.0, >=2.7', 2.7"
        })
    void readsTheLowestAllowedVersion(String spec, String expected) {
      assertThat(VersionSpec.minimum(spec).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.8, 8", "1_8, 8", "17, 17", "11.0.2, 11", "21, 21"})
    void normalizesJavaVersions(String version, String expected) {
      assertThat(VersionSpec.javaFeature(version)).isEqualTo(expected);
    }
  }
}
