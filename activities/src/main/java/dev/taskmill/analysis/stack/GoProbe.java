package dev.taskmill.analysis.stack;

import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Go modules: the toolchain go.mod asks for (the newer of its go and toolchain lines, as the go
 * command itself would pick); tests run with go test.
 */
final class GoProbe implements StackProbe {
  private static final Pattern GO_DIRECTIVE =
      Pattern.compile("(?m)^go\\s+(\\d+(?:\\.\\d+)*)\\s*(?://.*)?$");
  private static final Pattern TOOLCHAIN_DIRECTIVE =
      Pattern.compile("(?m)^toolchain\\s+go(\\d+(?:\\.\\d+)*)\\s*(?://.*)?$");

  @Override
  public Language family() {
    return Language.GO;
  }

  @Override
  public boolean isBuildFile(String fileName) {
    return fileName.equals("go.mod");
  }

  @Override
  public Stack read(CommitTree tree, String dir) {
    String version = tree.read(dir, "go.mod").flatMap(GoProbe::toolchain).orElse(null);
    return new Stack(Language.GO, BuildSystem.GO_MODULES, TestFramework.GO_TEST, version, dir);
  }

  /**
   * The newer of the go and toolchain lines ("1.22.5"); a toolchain line older than the go line is
   * ignored.
   */
  static Optional<String> toolchain(String goMod) {
    Optional<String> go = StackProbe.find(GO_DIRECTIVE, goMod);
    Optional<String> toolchain = StackProbe.find(TOOLCHAIN_DIRECTIVE, goMod);
    if (go.isEmpty() || toolchain.isEmpty()) {
      return go.or(() -> toolchain);
    }
    return Optional.of(newer(go.get(), toolchain.get()));
  }

  private static String newer(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return p > q ? a : b;
      }
    }
    return y.length > x.length ? b : a;
  }
}
