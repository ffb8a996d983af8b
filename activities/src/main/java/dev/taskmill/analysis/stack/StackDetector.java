package dev.taskmill.analysis.stack;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Detects language, build system, test framework, toolchain version and project directory from the
 * build files of one commit (read from the object database, no checkout). The shallowest build
 * files win; when several ecosystems sit there (a Python project with a package.json for linting),
 * the one with most source files wins; with no build file at all, the most common source language
 * decides.
 */
public final class StackDetector {
  /** Build files deeper than this are examples or fixtures, not the project. */
  private static final int MAX_DEPTH = 2;

  private static final List<StackProbe> PROBES =
      List.of(
          new MavenProbe(),
          new GradleProbe(),
          new GoProbe(),
          new RustProbe(),
          new PythonProbe(),
          new NodeProbe());

  /** The stack at {@code commit}, usually the PR's merge commit. */
  public Stack detect(Repository repository, ObjectId commit) {
    return detect(CommitTree.at(repository, commit));
  }

  Stack detect(CommitTree tree) {
    SourceCounts sources = SourceCounts.of(tree.paths());
    record Hit(int order, StackProbe probe, String dir, int depth) {}
    List<Hit> hits =
        tree.paths().stream()
            .filter(p -> depth(p) <= MAX_DEPTH && !isFixturePath(p))
            .flatMap(
                p ->
                    IntStream.range(0, PROBES.size())
                        .filter(i -> PROBES.get(i).isBuildFile(CommitTree.nameOf(p)))
                        .mapToObj(i -> new Hit(i, PROBES.get(i), CommitTree.dirOf(p), depth(p))))
            .toList();
    if (hits.isEmpty()) {
      return fromSources(sources.dominant());
    }
    int shallowest = hits.stream().mapToInt(Hit::depth).min().orElseThrow();
    Hit best =
        hits.stream()
            .filter(h -> h.depth() == shallowest)
            .min(
                Comparator.comparingInt((Hit h) -> -sources.countFamily(h.probe().family()))
                    .thenComparingInt(Hit::order)
                    .thenComparing(Hit::dir))
            .orElseThrow();
    return best.probe().read(tree, best.dir());
  }

  private static Stack fromSources(Language language) {
    return switch (language) {
      case PYTHON -> new Stack(Language.PYTHON, BuildSystem.PIP, TestFramework.PYTEST, null, "");
      case GO -> new Stack(Language.GO, BuildSystem.GO_MODULES, TestFramework.GO_TEST, null, "");
      case RUST -> new Stack(Language.RUST, BuildSystem.CARGO, TestFramework.CARGO_TEST, null, "");
      case JAVA -> new Stack(Language.JAVA, BuildSystem.NONE, TestFramework.UNKNOWN, null, "");
      case JAVASCRIPT, TYPESCRIPT ->
          new Stack(language, BuildSystem.NONE, TestFramework.UNKNOWN, null, "");
      default -> new Stack(Language.UNKNOWN, BuildSystem.NONE, TestFramework.UNKNOWN, null, "");
    };
  }

  private static int depth(String path) {
    return (int) path.chars().filter(c -> c == '/').count();
  }

  /** Build files under test or example folders describe fixtures, not the project. */
  private static boolean isFixturePath(String path) {
    return path.matches(
        "(?i)(.*/)?(tests?|examples?|samples?|fixtures?|docs?|testdata|benchmarks?)/.*");
  }
}
