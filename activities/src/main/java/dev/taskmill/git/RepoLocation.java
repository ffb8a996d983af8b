package dev.taskmill.git;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.workflow.RepoSlug;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.util.FS;

/**
 * A validated repository location: a remote git URL (https, http, ssh, git, scp-like) or a local
 * git repository (a path or file:// URL). Immutable; {@link #parse} rejects bad input with one
 * INVALID_INPUT line, so the CLI can check a URL before any work starts. Whether a remote answers
 * is only known when cloning.
 */
public final class RepoLocation {
  private static final Pattern WITH_SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://(.*)$");
  private static final Pattern AUTHORITY_AND_PATH =
      Pattern.compile("^(?:[^@/]*@)?([^/:]*)(?::(\\d*))?(/.*)?$");
  private static final Pattern SCP_LIKE = Pattern.compile("^[\\w.-]+@([\\w.-]+):(.+)$");
  private static final Set<String> REMOTE_SCHEMES = Set.of("https", "http", "ssh", "git");
  private static final String WHAT_TO_GIVE =
      "give an https://, ssh:// or file:// git URL or the path of a local git repository";

  private final String url;
  private final Path localPath;

  private RepoLocation(String url, Path localPath) {
    this.url = url;
    this.localPath = localPath;
  }

  /**
   * Parses and validates {@code value}; throws an INVALID_INPUT ApplicationFailure naming the
   * value.
   */
  public static RepoLocation parse(String value) {
    try {
      return of(value);
    } catch (IllegalArgumentException e) {
      throw Failures.of(FailureType.INVALID_INPUT, e.getMessage());
    }
  }

  /**
   * Parses and validates {@code value} outside an activity (the CLI's edge): the same checks as
   * {@link #parse}, failing with an IllegalArgumentException whose message is the one line for the
   * user, no Temporal type involved.
   */
  public static RepoLocation of(String value) {
    if (value == null || value.isBlank()) {
      throw invalid("the repository URL is empty; " + WHAT_TO_GIVE);
    }
    String text = value.trim();
    Matcher scheme = WITH_SCHEME.matcher(text);
    if (scheme.matches()) {
      String name = scheme.group(1).toLowerCase(Locale.ROOT);
      if (name.equals("file")) {
        return local(text, scheme.group(2));
      }
      if (!REMOTE_SCHEMES.contains(name)) {
        throw invalid(
            "unsupported scheme '"
                + name
                + "' in '"
                + text
                + "'; use https://, ssh://, git:// or file://");
      }
      Matcher parts = AUTHORITY_AND_PATH.matcher(scheme.group(2));
      String path =
          parts.matches() && parts.group(3) != null ? parts.group(3).replaceAll("^/+|/+$", "") : "";
      if (!parts.matches()
          || parts.group(1).isEmpty()
          || path.isEmpty()
          || text.chars().anyMatch(Character::isWhitespace)) {
        throw invalid(
            "'"
                + text
                + "' has no host or repository path; give a URL such as https://github.com/owner/repo");
      }
      return new RepoLocation(text, null);
    }
    if (SCP_LIKE.matcher(text).matches() && !text.contains(" ")) {
      return new RepoLocation(text, null);
    }
    return local(text, text);
  }

  /** True when {@code value} parses; for callers that want a boolean rather than the failure. */
  public static boolean isValid(String value) {
    try {
      parse(value);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static RepoLocation local(String original, String pathText) {
    Path path;
    try {
      path = Path.of(pathText).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw invalid("'" + original + "' is neither a git URL nor a valid path; " + WHAT_TO_GIVE);
    }
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw invalid("'" + original + "' is a file, not a git repository; " + WHAT_TO_GIVE);
    }
    if (!Files.isDirectory(path)) {
      throw invalid(
          "'" + original + "' is not a git URL and no such directory exists; " + WHAT_TO_GIVE);
    }
    File gitDir = org.eclipse.jgit.lib.RepositoryCache.FileKey.resolve(path.toFile(), FS.DETECTED);
    if (gitDir == null) {
      throw invalid(
          "'"
              + original
              + "' is a directory but not a git repository; "
              + "give the root of a git clone (the folder holding .git) or a bare repository");
    }
    return new RepoLocation(path.toString(), path);
  }

  private static IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException(message);
  }

  /**
   * What to clone from: the URL as given, or the absolute normalized path of a local repository.
   */
  public String url() {
    return url;
  }

  public boolean isLocal() {
    return localPath != null;
  }

  /** The local repository's directory, or null for a remote URL. */
  public Path localPath() {
    return localPath;
  }

  /** The stable slug of this location, the key of the clone cache. */
  public RepoSlug slug() {
    return RepoSlug.of(url);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RepoLocation other && other.url.equals(url);
  }

  @Override
  public int hashCode() {
    return url.hashCode();
  }

  @Override
  public String toString() {
    return url;
  }
}
