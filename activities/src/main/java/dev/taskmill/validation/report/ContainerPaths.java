package dev.taskmill.validation.report;

/**
 * Turns paths that test tools write inside the container into paths relative to the project
 * directory, so that ids do not depend on where the repository sits (/testbed/&lt;projectDir&gt;).
 */
public record ContainerPaths(String projectRoot) {
  public static final String TESTBED = "/testbed";

  public ContainerPaths {
    if (projectRoot == null || !projectRoot.startsWith("/")) {
      throw new IllegalArgumentException(
          "projectRoot must be an absolute container path: " + projectRoot);
    }
    projectRoot =
        projectRoot.endsWith("/") && projectRoot.length() > 1
            ? projectRoot.substring(0, projectRoot.length() - 1)
            : projectRoot;
  }

  /** The project root for a project directory relative to /testbed ("" for the repository root). */
  public static ContainerPaths forProjectDir(String projectDir) {
    String dir = projectDir == null ? "" : projectDir.replaceAll("^/+|/+$", "");
    return new ContainerPaths(dir.isEmpty() ? TESTBED : TESTBED + "/" + dir);
  }

  /**
   * A path relative to the project root; relative input is only cleaned of "./" and backslashes.
   */
  public String relative(String path) {
    if (path == null) {
      return null;
    }
    String p = path.replace('\\', '/');
    if (p.startsWith(projectRoot + "/")) {
      p = p.substring(projectRoot.length() + 1);
    } else if (p.startsWith(TESTBED + "/")) {
      p = p.substring(TESTBED.length() + 1);
    }
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }
}
