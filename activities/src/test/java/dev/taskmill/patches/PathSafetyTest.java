package dev.taskmill.patches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathSafetyTest {

  @Nested
  class Paths {
    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(
        strings = {
          "../etc/passwd",
          "src/../../x",
          "..",
          "/etc/passwd",
          "/tmp/x.py",
          "C:/win.ini",
          "\\server\\share",
          "src\\..\\x",
          ".git/hooks/pre-commit",
          "sub/.GIT/config",
          "a//b",
          "./a"
        })
    void escapingPathsAreUnsafe(String path) {
      assertThatThrownBy(() -> PathSafety.requireInside(path))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> {
                assertThat(f.getType()).isEqualTo("UNSAFE_PATCH");
                assertThat(f.isNonRetryable()).isTrue();
              })
          .hasMessageContaining(path);
    }

    @ParameterizedTest(name = "{0} is fine")
    @ValueSource(
        strings = {"src/a.py", "a..b/c", "..hidden", "dir/.gitignore", ".github/ci.yml", "x/...y"})
    void plainPathsAreSafe(String path) {
      assertThatCode(() -> PathSafety.requireInside(path)).doesNotThrowAnyException();
    }
  }

  @Nested
  class Symlinks {
    @ParameterizedTest(name = "{0} -> {1} is refused")
    @CsvSource({
      "link, /etc/passwd",
      "link, ..",
      "link, ../outside",
      "a/b/link, ../../../x",
      "a/link, ../../x",
      "link, C:\\\\x",
      "a/link, b/../../../x"
    })
    void linksOutAreUnsafe(String link, String target) {
      assertThatThrownBy(() -> PathSafety.requireLinkInside(link, target))
          .isInstanceOfSatisfying(
              ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("UNSAFE_PATCH"))
          .hasMessageContaining(link);
    }

    @ParameterizedTest(name = "{0} -> {1} is fine")
    @CsvSource({
      "link, target.txt",
      "a/link, ../b.txt",
      "a/b/link, ../../c",
      "a/link, ./x/../y",
      "link, ."
    })
    void linksInsideAreSafe(String link, String target) {
      assertThatCode(() -> PathSafety.requireLinkInside(link, target)).doesNotThrowAnyException();
    }
  }
}
