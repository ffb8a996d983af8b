package dev.taskmill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.phase.Phase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The names that make the same work map to the same run and the same sample. */
class IdentityTest {
  @Nested
  class Slugs {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "https://github.com/psf/requests, github.com/psf/requests",
      "https://github.com/psf/requests.git, github.com/psf/requests",
      "https://github.com/psf/requests/, github.com/psf/requests",
      "git@github.com:psf/requests.git, github.com/psf/requests",
      "ssh://git@github.com/psf/requests.git, github.com/psf/requests",
      "https://user:token@github.com/PSF/Requests, github.com/psf/requests",
      "https://gitlab.example.com:8443/group/sub/proj.git, gitlab.example.com/group/sub/proj",
    })
    void remoteUrlsOfOneRepositoryShareASlug(String url, String slug) {
      assertThat(RepoSlug.of(url).value()).isEqualTo(slug);
    }

    @Test
    void githubRepoIsOnlyKnownForGithubUrls() {
      assertThat(RepoSlug.of("https://github.com/psf/requests").githubRepo())
          .isEqualTo("psf/requests");
      assertThat(RepoSlug.of("https://gitlab.com/psf/requests").githubRepo()).isNull();
      assertThat(RepoSlug.of("/tmp/requests").githubRepo()).isNull();
    }

    @Test
    void localCheckoutsWithTheSameFolderNameDiffer() {
      assertThat(RepoSlug.of("/a/requests")).isNotEqualTo(RepoSlug.of("/b/requests"));
      assertThat(RepoSlug.of("/a/requests").value()).startsWith("local/requests-");
      assertThat(RepoSlug.of("file:///a/requests")).isEqualTo(RepoSlug.of("/a/requests"));
    }

    @Test
    void fileSafeFormIsOnePathSegment() {
      assertThat(RepoSlug.of("https://github.com/psf/requests").fileSafe())
          .isEqualTo("github.com__psf__requests")
          .doesNotContain("/");
    }
  }

  @Nested
  class WorkflowIdsAndSampleKeys {
    @Test
    void sameRepositoryAndPrGiveTheSameWorkflowId() {
      assertThat(WorkflowIds.forRequest("https://github.com/psf/requests.git", 42, null))
          .isEqualTo(WorkflowIds.forRequest("git@github.com:psf/requests", 42, Phase.ENRICHMENT))
          .isEqualTo("taskmill/github.com/psf/requests/pr-42");
    }

    @Test
    void analyzeAndAutoPickAreDifferentWork() {
      assertThat(WorkflowIds.forRequest("https://github.com/a/b", null, null)).endsWith("/auto");
      assertThat(WorkflowIds.forRequest("https://github.com/a/b", 7, Phase.PATCHES))
          .endsWith("/pr-7/analyze");
    }

    @Test
    void theSamplesDirectoryIsPartOfARequestsIdentity() {
      SampleRequest here =
          new SampleRequest(
              "https://github.com/a/b", 7, "/data/samples", null, null, null, null, false);
      SampleRequest again =
          new SampleRequest("git@github.com:a/b", 7, "/data/samples", null, null, null, null, true);
      SampleRequest elsewhere =
          new SampleRequest(
              "https://github.com/a/b", 7, "/tmp/other", null, null, null, null, false);

      assertThat(WorkflowIds.forRequest(here))
          .isEqualTo(WorkflowIds.forRequest(again))
          .startsWith("taskmill/github.com/a/b/pr-7/in-")
          .matches(".*/in-[0-9a-f]{8}");
      assertThat(WorkflowIds.forRequest(elsewhere)).isNotEqualTo(WorkflowIds.forRequest(here));
    }

    @Test
    void sampleKeyDoesNotDependOnHowThePrWasChosen() {
      assertThat(WorkflowIds.sampleKey("https://github.com/a/b.git", 7))
          .isEqualTo(WorkflowIds.sampleKey("git@github.com:a/b", 7))
          .isEqualTo("github.com__a__b__pr-7");
    }
  }
}
