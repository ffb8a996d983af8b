package dev.taskmill.patches;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Refuses patch paths that would write outside the repository's working tree when applied: {@code
 * ..} segments, absolute paths, {@code .git} internals, and symlinks whose target leaves the
 * repository.
 */
public final class PathSafety {
  private PathSafety() {}

  /**
   * Throws UNSAFE_PATCH when {@code path} (as recorded in the diff) is not a plain path inside the
   * repository.
   */
  public static void requireInside(String path) {
    String problem = problemWith(path);
    if (problem != null) {
      throw Failures.of(
          FailureType.UNSAFE_PATCH,
          "patch path '"
              + path
              + "' "
              + problem
              + "; refusing to write it (inspect the PR by hand)");
    }
  }

  /**
   * Throws UNSAFE_PATCH when the symlink at {@code linkPath} points outside the repository. The
   * target is resolved relative to the link's folder, as the file system would.
   */
  public static void requireLinkInside(String linkPath, String target) {
    requireInside(linkPath);
    if (target == null
        || target.isEmpty()
        || target.startsWith("/")
        || target.indexOf('\0') >= 0
        || target.matches("^[A-Za-z]:[\\\\/].*")
        || target.startsWith("\\")) {
      throw unsafeLink(linkPath, target);
    }
    int slash = linkPath.lastIndexOf('/');
    String folder = slash < 0 ? "" : linkPath.substring(0, slash);
    String joined = folder.isEmpty() ? target : folder + "/" + target;
    if (normalize(joined) == null) {
      throw unsafeLink(linkPath, target);
    }
  }

  /** Why {@code path} is unsafe, or null when it is a plain relative path inside the repository. */
  static String problemWith(String path) {
    if (path == null || path.isEmpty()) {
      return "is empty";
    }
    if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
      return "is absolute";
    }
    if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
      return "contains a NUL or backslash";
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        return "climbs out of the repository with '..'";
      }
      if (segment.isEmpty() || segment.equals(".")) {
        return "has an empty or '.' segment";
      }
      if (segment.toLowerCase(Locale.ROOT).equals(".git")) {
        return "writes into the .git folder";
      }
    }
    return null;
  }

  /** Lexically normalizes a relative path; null when it climbs above the root. */
  static String normalize(String relative) {
    Deque<String> parts = new ArrayDeque<>();
    for (String segment : relative.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(segment);
      }
    }
    return String.join("/", parts);
  }

  private static RuntimeException unsafeLink(String linkPath, String target) {
    return Failures.of(
        FailureType.UNSAFE_PATCH,
        "symlink '"
            + linkPath
            + "' points outside the repository (to '"
            + target
            + "'); refusing to carry it (inspect the PR by hand)");
  }
}
