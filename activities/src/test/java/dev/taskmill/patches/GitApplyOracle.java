package dev.taskmill.patches;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Test oracle only: what the containers will do with the patches, i.e. the git CLI's {@code git
 * apply} (and {@code patch -p1}) on a checkout of the base commit. Repository code never shells
 * out; tests may.
 */
final class GitApplyOracle {
  private final Path checkout;

  private GitApplyOracle(Path checkout) {
    this.checkout = checkout;
  }

  /** A fresh JGit checkout of {@code baseCommit} from {@code repoUrl} in {@code dir}. */
  static GitApplyOracle checkout(String repoUrl, String baseCommit, Path dir)
      throws GitAPIException {
    try (Git git = Git.cloneRepository().setURI(repoUrl).setDirectory(dir.toFile()).call()) {
      git.checkout().setName(baseCommit).setForced(true).call();
    }
    return new GitApplyOracle(dir);
  }

  Path dir() {
    return checkout;
  }

  /** The output of {@code git apply --check PATCH}, or null when git accepts it. */
  String check(Path patch) throws IOException, InterruptedException {
    return run("git", "apply", "--check", patch.toAbsolutePath().toString());
  }

  /**
   * Applies the patch for real (so a later patch can be checked on top); the output, or null on
   * success.
   */
  String apply(Path patch) throws IOException, InterruptedException {
    return run("git", "apply", patch.toAbsolutePath().toString());
  }

  /**
   * The output of {@code patch -p1 --dry-run}, or null when patch accepts it (text patches only).
   */
  String patchDryRun(Path patch) throws IOException, InterruptedException {
    return run("patch", "-p1", "--dry-run", "--batch", "-i", patch.toAbsolutePath().toString());
  }

  private String run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(new ArrayList<>(List.of(command)))
            .directory(checkout.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return process.waitFor() == 0 ? null : String.join(" ", command) + " failed: " + output;
  }
}
