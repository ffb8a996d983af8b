package dev.taskmill.patches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileClassifierTest {

  @Nested
  class Tests {
    @ParameterizedTest(name = "{0} is a test")
    @CsvSource({
      "test_parser.py",
      "parser_test.py",
      "conftest.py",
      "pkg/tests.py",
      "server_test.go",
      "ParserTest.java",
      "ParserTests.java",
      "ParserIT.java",
      "ParserSpec.groovy",
      "parser.test.ts",
      "parser.spec.js",
      "parser.test.mjs",
      "Button.test.tsx",
      "parser_spec.rb",
      "lexer_test.rs",
      "__tests__/parser.js",
      "src/test/java/dev/x/Parser.java",
      "src/test/resources/data.json",
      "test/helpers.js",
      "tests/unit/test_x.py",
      "src/pkg/tests/test_x.py",
      "src/conftest.py",
      "spec/models/user_spec.rb",
      "pkg/api/testdata/in.json",
      "Tests/Helpers.cs",
      "src/testFixtures/java/Fix.java",
      "src/__snapshots__/a.snap",
      "tests/README.md",
      "src/jvmTest/kotlin/A.kt",
      "src/commonTest/kotlin/B.kt",
      "src/androidTest/java/C.java",
      "src/integrationTest/java/D.java"
    })
    void testPaths(String path) {
      assertThat(FileClassifier.classify(path)).isEqualTo(FileRole.TEST);
    }
  }

  @Nested
  class Sources {
    @ParameterizedTest(name = "{0} is source")
    @CsvSource({
      "latest.py",
      "contest.py",
      "src/attest.py",
      "protest/app.py",
      "src/testing_utils.py",
      "attestation.go",
      "src/main/java/dev/x/Parser.java",
      "src/main/java/dev/x/SpeedTest.java",
      "Latest.java",
      "lib/spectrum.js",
      "src/changes.py",
      "src/jinja2/tests.py",
      "src/pkg/test_utils.py",
      "history.py",
      "news/feed.py",
      "requirements.txt",
      "requirements-dev.txt",
      "src/main/resources/words.txt",
      "pom.xml",
      "package.json",
      "setup.cfg",
      "testing/runner.py",
      "contests/x.py",
      "src/latest/x.kt",
      "src/main/kotlin/Attest.kt",
      "lib/protest/x.rb"
    })
    void sourcePaths(String path) {
      assertThat(FileClassifier.classify(path)).isEqualTo(FileRole.SOURCE);
    }
  }

  @Nested
  class Others {
    @ParameterizedTest(name = "{0} is other")
    @CsvSource({
      "CHANGELOG.md",
      "CHANGES.rst",
      "HISTORY.md",
      "NEWS",
      "RELEASE_NOTES.md",
      "release-notes.txt",
      "packages/core/CHANGELOG.md",
      "changelog.d/123.bugfix",
      "newsfragments/55.feature.rst",
      ".changeset/brave-cats.md",
      "docs/index.rst",
      "doc/api.md",
      "README.md",
      "README",
      "LICENSE",
      "notes.txt",
      "src/lib/README.md",
      ".github/workflows/ci.yml",
      "docs/whatsnew/1.2.rst"
    })
    void otherPaths(String path) {
      assertThat(FileClassifier.classify(path)).isEqualTo(FileRole.OTHER);
    }
  }

  @Nested
  class Renames {
    @ParameterizedTest(name = "{0} -> {1} is {2}")
    @CsvSource({
      "src/a.py, src/b.py, SOURCE",
      "tests/a.py, tests/b.py, TEST",
      "src/helpers.py, tests/helpers.py, TEST",
      "tests/helpers.py, src/helpers.py, TEST",
      "docs/x.md, src/x.py, SOURCE",
      "src/x.py, docs/x.md, SOURCE",
      "CHANGES.md, CHANGELOG.md, OTHER"
    })
    void unionOfBothSides(String from, String to, FileRole role) {
      assertThat(FileClassifier.classifyRename(from, to)).isEqualTo(role);
    }
  }

  @Test
  void blankPathIsRefused() {
    assertThatThrownBy(() -> FileClassifier.classify(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
