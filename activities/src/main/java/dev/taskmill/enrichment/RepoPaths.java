package dev.taskmill.enrichment;

/**
 * Repository-relative paths: the trajectory may name a file with "./" or the container's working
 * folder.
 */
final class RepoPaths {
  private RepoPaths() {}

  static String normalize(String path, String workdir) {
    String p = path.strip().replace('\\', '/');
    if (workdir != null && !workdir.isBlank()) {
      String w = workdir.endsWith("/") ? workdir : workdir + "/";
      if (p.startsWith(w)) {
        p = p.substring(w.length());
      }
    }
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }

  static String workdir(dev.taskmill.trajectory.Trajectory t) {
    return t.environment() == null ? null : t.environment().workdir();
  }
}
