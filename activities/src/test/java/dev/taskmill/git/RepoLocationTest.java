package dev.taskmill.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.testing.FixtureRepo;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepoLocationTest {
  @TempDir Path tmp;

  @Nested
  class Remote {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://github.com/psf/requests",
          "https://github.com/psf/requests.git",
          "http://git.example.com:8080/team/tool.git",
          "ssh://git@github.com/psf/requests.git",
          "git@github.com:psf/requests.git",
          "git://example.org/repo"
        })
    void acceptsGitUrls(String url) {
      RepoLocation location = RepoLocation.parse(url);
      assertThat(location.url()).isEqualTo(url);
      assertThat(location.isLocal()).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "not a url      | 'not a url' is not a git URL and no such directory exists",
          "ftp://x        | unsupported scheme 'ftp' in 'ftp://x'",
          "https://       | 'https://' has no host or repository path",
          "https://github.com | 'https://github.com' has no host or repository path",
          "'   '          | the repository URL is empty"
        })
    void rejectsBadInputWithOneLineNamingIt(String value, String start) {
      assertThatThrownBy(() -> RepoLocation.parse(value))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> {
                assertThat(f.getType()).isEqualTo("INVALID_INPUT");
                assertThat(f.isNonRetryable()).isTrue();
                assertThat(f.getOriginalMessage()).startsWith(start).doesNotContain("\n");
              });
    }
  }

  @Nested
  class Local {
    @Test
    void acceptsARepositoryAsPathOrFileUrl() {
      try (FixtureRepo repo = FixtureRepo.init(tmp.resolve("widget"))) {
        repo.commit("initial");
        Path expected = tmp.resolve("widget").toAbsolutePath().normalize();
        assertThat(RepoLocation.parse(repo.url()).localPath()).isEqualTo(expected);
        assertThat(RepoLocation.parse("file://" + repo.url()).url()).isEqualTo(expected.toString());
        assertThat(RepoLocation.parse(repo.url() + "/").isLocal()).isTrue();
      }
    }

    @Test
    void rejectsAMissingDirectory() {
      String missing = tmp.resolve("missing").toString();
      assertThatThrownBy(() -> RepoLocation.parse(missing))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f ->
                  assertThat(f.getOriginalMessage())
                      .contains(missing)
                      .contains("no such directory"));
    }

    @Test
    void rejectsADirectoryThatIsNoRepository() throws Exception {
      Path plain = Files.createDirectories(tmp.resolve("plain"));
      assertThatThrownBy(() -> RepoLocation.parse(plain.toString()))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> {
                assertThat(f.getType()).isEqualTo("INVALID_INPUT");
                assertThat(f.getOriginalMessage()).contains("not a git repository");
              });
    }
  }
}
