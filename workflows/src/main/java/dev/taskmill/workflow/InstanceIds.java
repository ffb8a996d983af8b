package dev.taskmill.workflow;

import java.util.Objects;

/**
 * The benchmark name of a sample, {@code owner__repo-N} as SWE-bench writes it ({@code
 * psf__requests-6767}); the same in every export format and in {@code taskmill evaluate}. Pure, so
 * the CLI and the activities agree.
 */
public final class InstanceIds {
  private InstanceIds() {}

  /**
   * {@code owner__name-N} for a GitHub URL; otherwise the repository slug with '/' as "__" (a local
   * clone: {@code local__click-644783be-3764}), so that two checkouts with the same folder name
   * never share an id.
   */
  public static String of(String repoUrl, int prNumber) {
    Objects.requireNonNull(repoUrl, "repoUrl");
    RepoSlug slug = RepoSlug.of(repoUrl);
    String name = slug.githubRepo() != null ? slug.githubRepo() : slug.value();
    return name.replace("/", "__") + "-" + prNumber;
  }

  /** The owner part ("org" in Multi-SWE-bench): the GitHub owner, or the slug's host ("local"). */
  public static String owner(String repoUrl) {
    String id = of(repoUrl, 0);
    return id.substring(0, id.indexOf("__"));
  }

  /** The name part ("repo" in Multi-SWE-bench): what follows the owner, without the PR number. */
  public static String name(String repoUrl) {
    String id = of(repoUrl, 0);
    return id.substring(id.indexOf("__") + 2, id.length() - "-0".length());
  }
}
