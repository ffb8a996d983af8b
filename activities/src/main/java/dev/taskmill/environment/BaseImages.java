package dev.taskmill.environment;

import dev.taskmill.docker.ImageRef;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The base images per stack: official images by default, a properties file named by
 * TASKMILL_IMAGES_CONFIG (deploy/offline-images/stacks.properties for machines without a registry),
 * and TASKMILL_IMAGE_&lt;KEY&gt; last.
 */
public final class BaseImages {
  /**
   * The official images a user would pull, newest first where the project does not ask for a
   * version.
   */
  static final Map<String, List<BaseImage>> DEFAULTS =
      Map.of(
          "python", images("python:%s-slim", "3.12", "3.13", "3.11", "3.10", "3.9", "3.8"),
          "java", images("maven:3-eclipse-temurin-%s", "17", "21", "11", "8"),
          "gradle", images("gradle:8-jdk%s", "17", "21", "11", "8"),
          "node", images("node:%s", "20", "22", "18"),
          "go", images("golang:%s", "1.22", "1.23", "1.21", "1.20", "1.19"));

  private final Map<String, List<BaseImage>> byKey;
  private final String source;

  private BaseImages(Map<String, List<BaseImage>> byKey, String source) {
    this.byKey = Map.copyOf(byKey);
    this.source = source;
  }

  /** Defaults, then TASKMILL_IMAGES_CONFIG, then TASKMILL_IMAGE_&lt;KEY&gt; overrides. */
  public static BaseImages fromEnvironment() {
    // -Dtaskmill.images.config wins, so that the build can point its own tests at the offline
    // images.
    String property = System.getProperty("taskmill.images.config");
    return load(
        name ->
            name.equals("TASKMILL_IMAGES_CONFIG") && property != null
                ? property
                : System.getenv(name));
  }

  /** As {@link #fromEnvironment()} with another environment, for tests. */
  public static BaseImages load(Function<String, String> env) {
    Map<String, List<BaseImage>> map = new LinkedHashMap<>(DEFAULTS);
    String source = "the official images";
    String config = env.apply("TASKMILL_IMAGES_CONFIG");
    if (config != null && !config.isBlank()) {
      map.putAll(readConfig(Path.of(config)));
      source = config;
    }
    for (String key : DEFAULTS.keySet()) {
      String name = "TASKMILL_IMAGE_" + key.toUpperCase(Locale.ROOT);
      String override = env.apply(name);
      if (override != null && !override.isBlank()) {
        String versions = env.apply(name + "_VERSIONS");
        map.put(key, List.of(new BaseImage(parseImage(override, name), split(versions))));
      }
    }
    return new BaseImages(map, source);
  }

  /** The images for a key, preferred (default) first. */
  public List<BaseImage> forKey(String key) {
    return byKey.getOrDefault(key, List.of());
  }

  /** Where the images come from, for messages. */
  public String source() {
    return source;
  }

  static Map<String, List<BaseImage>> readConfig(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read TASKMILL_IMAGES_CONFIG=" + file + ": " + e.getMessage(), e);
    }
    Map<String, List<BaseImage>> map = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith("image.") && !name.substring("image.".length()).contains(".")) {
        String key = name.substring("image.".length());
        List<BaseImage> images = new ArrayList<>();
        for (String ref : split(properties.getProperty(name))) {
          images.add(
              new BaseImage(
                  parseImage(ref, file + ": " + name),
                  split(properties.getProperty("versions." + key))));
        }
        map.put(key, images);
      }
    }
    // image.<stack>.<version>=<image>: one more image offering that version only, after the stack's
    // main one.
    properties.stringPropertyNames().stream()
        .sorted()
        .filter(n -> n.matches("image\\.[a-z]+\\.[0-9][0-9.]*"))
        .forEach(
            name -> {
              String key = name.substring("image.".length(), name.indexOf('.', "image.".length()));
              String version = name.substring(name.indexOf('.', "image.".length()) + 1);
              map.computeIfAbsent(key, k -> new ArrayList<>())
                  .add(
                      new BaseImage(
                          parseImage(properties.getProperty(name).strip(), file + ": " + name),
                          List.of(version)));
            });
    return map;
  }

  private static ImageRef parseImage(String ref, String where) {
    try {
      return ImageRef.parse(ref);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static List<String> split(String csv) {
    return csv == null || csv.isBlank()
        ? List.of()
        : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static List<BaseImage> images(String pattern, String... versions) {
    return Arrays.stream(versions)
        .map(v -> new BaseImage(ImageRef.parse(String.format(pattern, v)), List.of(v)))
        .toList();
  }
}
