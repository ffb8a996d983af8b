package dev.taskmill.workflow;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stable, file- and id-safe name for a repository URL or path, such as "github.com/psf/requests".
 * Pure: the workflow, the client and the activities all derive the same value.
 */
public final class RepoSlug {
  private static final Pattern SCP_LIKE = Pattern.compile("^[\\w.-]+@([\\w.-]+):(.+)$");
  private static final Pattern WITH_SCHEME =
      Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/]*@)?([^/:]+)(?::\\d+)?/(.*)$");

  private final String value;

  private RepoSlug(String value) {
    this.value = value;
  }

  /** Derives the slug of a git URL (https, ssh, scp-like, file://) or an absolute local path. */
  public static RepoSlug of(String repoUrl) {
    Objects.requireNonNull(repoUrl, "repoUrl");
    String url = repoUrl.trim();
    String host;
    String path;
    Matcher scheme = WITH_SCHEME.matcher(url);
    Matcher scp = SCP_LIKE.matcher(url);
    if (url.startsWith("file://")) {
      host = "local";
      path = url.substring("file://".length());
    } else if (scheme.matches()) {
      host = scheme.group(1);
      path = scheme.group(2);
    } else if (scp.matches()) {
      host = scp.group(1);
      path = scp.group(2);
    } else {
      host = "local";
      path = url;
    }
    path = path.replaceAll("/+$", "").replaceAll("\\.git$", "").replaceAll("/+$", "");
    if (host.equals("local")) {
      // Two different checkouts with the same folder name must not share a sample key.
      String name = path.substring(path.lastIndexOf('/') + 1);
      path = name + "-" + Integer.toHexString(path.hashCode());
    }
    String slug = (host + "/" + path).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._/-]", "-");
    return new RepoSlug(slug);
  }

  /** "owner/name" when the URL is a GitHub one, else null. */
  public String githubRepo() {
    if (!value.startsWith("github.com/")) {
      return null;
    }
    String rest = value.substring("github.com/".length());
    return rest.chars().filter(c -> c == '/').count() == 1 ? rest : null;
  }

  /** The slug with '/' turned into '__', safe as one path segment. */
  public String fileSafe() {
    return value.replace("/", "__");
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RepoSlug other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
