package dev.taskmill.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * taskmill's version, read once from the pom's {@code <version>} (filtered into
 * version.properties), without "-SNAPSHOT": what the CLI prints and what metadata.json and
 * trajectories record as toolVersion.
 */
public final class TaskmillVersion {
  /**
   * For example "0.1.0". Loaded at class initialisation, so workflow code that reads it does no I/O
   * itself.
   */
  public static final String VALUE = load();

  private TaskmillVersion() {}

  private static String load() {
    try (InputStream in = TaskmillVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "version.properties is missing from the taskmill-workflows jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      if (version.isEmpty() || version.startsWith("${")) {
        throw new IllegalStateException(
            "version.properties was not filtered by Maven: '" + version + "'");
      }
      return version.replaceFirst("-SNAPSHOT$", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
