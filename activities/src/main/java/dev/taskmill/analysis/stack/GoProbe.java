package dev.taskmill.analysis.stack;

import java.util.regex.Pattern;
import dev.taskmill.analysis.BuildSystem;
import dev.taskmill.analysis.Language;
import dev.taskmill.analysis.Stack;
import dev.taskmill.analysis.TestFramework;

/** Go modules: the go directive of go.mod is the toolchain version; tests run with go test. */
final class GoProbe implements StackProbe {
  private static final Pattern GO_DIRECTIVE = Pattern.compile("(?m)^go\\s+(\\d+(?:\\.\\d+)*)\\s*$");

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
    String version = tree.read(dir, "go.mod").flatMap(t -> StackProbe.find(GO_DIRECTIVE, t)).orElse(null);
    return new Stack(Language.GO, BuildSystem.GO_MODULES, TestFramework.GO_TEST, version, dir);
  }
}
