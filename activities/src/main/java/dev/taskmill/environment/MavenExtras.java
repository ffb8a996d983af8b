package dev.taskmill.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A pom that depends on what a Maven test run needs beyond dependency:go-offline, to resolve it up
 * front.
 */
final class MavenExtras {
  private static final List<String> SUREFIRE_PROVIDERS =
      List.of("surefire-junit-platform", "surefire-junit4", "surefire-junit47");
  static final String JACOCO_VERSION = "0.8.12";

  private MavenExtras() {}

  /**
   * Writes into {@code dir} a reactor with one module per artifact (Surefire's providers for every
   * cached Surefire version, JaCoCo's agent, the plexus-utils Maven injects into plugins): one
   * module each, so that Maven's version mediation cannot swap one artifact's dependencies for
   * another's.
   */
  static void writeReactor(Path m2, Path dir) throws IOException {
    List<String[]> deps = new ArrayList<>();
    Path plugins = m2.resolve("org/apache/maven/plugins");
    for (Path plugin : list(plugins)) {
      for (Path version : list(plugin)) { // only Surefire's versions matter here
        if (plugin.getFileName().toString().equals("maven-surefire-plugin")) {
          SUREFIRE_PROVIDERS.forEach(
              p ->
                  deps.add(
                      new String[] {
                        "org.apache.maven.surefire", p, version.getFileName().toString(), null
                      }));
        }
      }
    }
    // Surefire's JUnit Platform provider adds the launcher of the project's own platform version.
    for (Path version : list(m2.resolve("org/junit/platform/junit-platform-commons"))) {
      deps.add(
          new String[] {
            "org.junit.platform", "junit-platform-launcher", version.getFileName().toString(), null
          });
    }
    deps.add(new String[] {"org.jacoco", "org.jacoco.agent", JACOCO_VERSION, "runtime"});
    // The agent writes jacoco.exec; its command-line tool turns that into the XML report the stage
    // reads.
    deps.add(new String[] {"org.jacoco", "org.jacoco.cli", JACOCO_VERSION, "nodeps"});
    // Maven 3 adds plexus-utils 1.1 to every plugin that does not declare plexus-utils itself.
    deps.add(new String[] {"org.codehaus.plexus", "plexus-utils", "1.1", null});
    StringBuilder modules = new StringBuilder();
    for (int i = 0; i < deps.size(); i++) {
      String[] d = deps.get(i);
      Files.createDirectories(dir.resolve("m" + i));
      Files.writeString(
          dir.resolve("m" + i + "/pom.xml"),
          pom(
              "m" + i,
              "<dependencies><dependency><groupId>"
                  + d[0]
                  + "</groupId><artifactId>"
                  + d[1]
                  + "</artifactId><version>"
                  + d[2]
                  + "</version>"
                  + (d[3] == null ? "" : "<classifier>" + d[3] + "</classifier>")
                  + "</dependency></dependencies>"));
      modules.append("<module>m").append(i).append("</module>");
    }
    Files.writeString(
        dir.resolve("pom.xml"), pom("resolve-extras", "<modules>" + modules + "</modules>"));
  }

  private static String pom(String artifactId, String body) {
    return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
        + "<groupId>dev.taskmill.synthetic</groupId><artifactId>"
        + artifactId
        + "</artifactId><version>1</version>"
        + "<packaging>pom</packaging>"
        + body
        + "</project>\n";
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
