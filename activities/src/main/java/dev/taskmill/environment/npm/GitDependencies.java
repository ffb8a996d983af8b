package dev.taskmill.environment.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * npm dependencies that come from a git host ("user/repo", "github:user/repo", "git+https://...")
 * rather than the registry: the worker reaches no git host, so npm cannot fetch them. Finds them,
 * tells whether the repository's code or test configuration uses them, and removes them from a copy
 * of package.json.
 */
public final class GitDependencies {
  /** One dependency of package.json whose spec points at a git host. */
  public record GitDependency(String name, String spec, String section) {
    /** "devDependency some-tool ("someuser/some-tool")". */
    public String describe() {
      return section.replaceFirst("ies$", "y") + " " + name + " (\"" + spec + "\")";
    }
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<String> SECTIONS =
      List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies");
  private static final Pattern SHORTHAND =
      Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+(#.*)?$");
  private static final Pattern SOURCE = Pattern.compile(".*\\.(m?[jt]sx?|c[jt]s)$");
  private static final Set<String> SKIPPED_DIRS =
      Set.of("node_modules", ".git", "dist", "build", "coverage");

  private GitDependencies() {}

  /**
   * Whether an npm spec names a git repository (npm-package-arg's "git" type, in the forms projects
   * use).
   */
  public static boolean isGit(String spec) {
    String s = spec.strip();
    return s.matches("^(github|gitlab|bitbucket|gist):.+")
        || s.startsWith("git+")
        || s.startsWith("git://")
        || SHORTHAND.matcher(s).matches()
        || (s.matches("^https?://.+") && (s.endsWith(".git") || s.contains(".git#")));
  }

  /** The git-hosted dependencies of a package.json, in file order. */
  public static List<GitDependency> find(Path packageJson) {
    List<GitDependency> out = new ArrayList<>();
    JsonNode root = read(packageJson);
    for (String section : SECTIONS) {
      root.path(section)
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isTextual() && isGit(e.getValue().asText())) {
                  out.add(new GitDependency(e.getKey(), e.getValue().asText(), section));
                }
              });
    }
    return out;
  }

  /**
   * Whether the repository's JavaScript/TypeScript files or its test runners' configuration files
   * name the package: require("name"), import ... from "name", import("name"), or the name quoted
   * in .mocharc/jest/babel configuration.
   */
  public static boolean used(Path repo, String name) {
    String quoted = Pattern.quote(name);
    Pattern code =
        Pattern.compile(
            "(require\\s*\\(|\\bfrom\\s|\\bimport\\s*\\(?)\\s*['\"`]" + quoted + "(['\"`/])");
    Pattern config = Pattern.compile("['\"]" + quoted + "(['\"/])");
    try (Stream<Path> walk = Files.walk(repo)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p ->
                  Stream.of(repo.relativize(p).toString().split("/"))
                      .noneMatch(SKIPPED_DIRS::contains))
          .anyMatch(
              p -> {
                String file = p.getFileName().toString();
                if (SOURCE.matcher(file).matches()
                    && !file.matches("(jest|vitest|babel)\\.config\\..*")) {
                  return code.matcher(text(p)).find();
                }
                if (file.startsWith(".mocharc")
                    || file.startsWith(".babelrc")
                    || file.matches("(jest|vitest|babel)" + "\\.config\\..*")) {
                  return config.matcher(text(p)).find();
                }
                return false;
              });
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the files under " + repo + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rewrites {@code packageJson} without these dependencies (a copy: the repository's own is never
   * changed).
   */
  public static void remove(Path packageJson, List<GitDependency> dependencies) throws IOException {
    ObjectNode root = (ObjectNode) read(packageJson);
    for (GitDependency d : dependencies) {
      if (root.get(d.section()) instanceof ObjectNode section) {
        section.remove(d.name());
      }
    }
    JSON.writeValue(packageJson.toFile(), root);
  }

  private static JsonNode read(Path packageJson) {
    try {
      return JSON.readTree(packageJson.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + packageJson + ": " + e.getMessage(), e);
    }
  }

  private static String text(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
