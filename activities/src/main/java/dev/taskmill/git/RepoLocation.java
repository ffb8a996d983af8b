package dev.taskmill.git;

import java.nio.file.Files;
import java.nio.file.Path;

/** A validated repository location (placeholder until phase 1 lands). */
public final class RepoLocation {
  private final String url;

  private RepoLocation(String url) {
    this.url = url;
  }

  public static RepoLocation parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("no repository given; pass a git URL or a local path");
    }
    if (value.matches("^(https?|ssh|git|file)://.+") || value.matches("^[\\w.-]+@[\\w.-]+:.+")) {
      return new RepoLocation(value);
    }
    Path path = Path.of(value).toAbsolutePath().normalize();
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException("'" + value + "' is neither a git URL nor a local directory");
    }
    return new RepoLocation(path.toString());
  }

  public String url() {
    return url;
  }
}
