package dev.taskmill.assembly;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import dev.taskmill.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The files a sample is made of, and the few folder operations assembly and rejection share. */
final class SampleFolders {
  static final String FIX_PATCH = "fix.patch";
  static final String TESTS_PATCH = "tests.patch";
  static final String RUN_SCRIPT = "run.sh";
  static final String IDEAL_TRAJECTORY = "ideal_trajectory.json";
  static final String FAILED_TRAJECTORY = "failed_trajectory.json";

  /** Copied from the work area when present, in this order. */
  static final List<String> SAMPLE_FILES =
      List.of(
          FIX_PATCH,
          TESTS_PATCH,
          "Dockerfile",
          RUN_SCRIPT,
          "PASS_pre_tests.log",
          "FAIL_pre_patch.log",
          "PASS_post_patch.log");

  private static final Logger LOG = LoggerFactory.getLogger(SampleFolders.class);
  private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

  private SampleFolders() {}

  /** The sample key becomes a folder name, so it must be one plain path segment. */
  static String requireSafeKey(String key) {
    if (!SAFE_KEY.matcher(key).matches() || key.contains("..")) {
      throw Failures.of(
          FailureType.INVALID_INPUT,
          "sample key '"
              + key
              + "' is not a plain folder name; use WorkflowIds.sampleKey(repo, pr)");
    }
    return key;
  }

  /**
   * Copies {@code names} that exist as regular files in {@code from} into {@code to}; returns those
   * copied.
   */
  static List<String> copyExisting(Path from, Path to, List<String> names) throws IOException {
    List<String> copied = new ArrayList<>();
    if (from == null || !Files.isDirectory(from)) {
      return copied;
    }
    for (String name : names) {
      Path source = from.resolve(name);
      // A symlink planted in the work area must not pull a host file into the sample.
      if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        Files.copy(source, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        copied.add(name);
      }
    }
    if (copied.contains(RUN_SCRIPT)) {
      makeExecutable(to.resolve(RUN_SCRIPT));
    }
    return copied;
  }

  /**
   * Copies {@code source} to {@code to/name} when it is a regular file (not a link); returns
   * whether it did.
   */
  static boolean copyIfPresent(Path source, Path to, String name) throws IOException {
    if (source == null || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Files.copy(source, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    return true;
  }

  static void makeExecutable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException notPosix) {
      file.toFile().setExecutable(true, false);
    }
  }

  /**
   * Deletes the work area, but never a folder that holds the samples. Best effort: the sample is
   * already in place, and failing now would make the retry report it as made by an earlier attempt.
   */
  static void deleteWorkDir(Path workDir, Path samplesDir) {
    if (workDir == null) {
      return;
    }
    Path work = workDir.toAbsolutePath().normalize();
    Path samples = samplesDir.toAbsolutePath().normalize();
    if (samples.startsWith(work)) {
      return;
    }
    try {
      FileTrees.deleteRecursively(work);
    } catch (IOException | java.io.UncheckedIOException e) {
      LOG.warn("could not remove the work area {}: {}", work, e.getMessage());
    }
  }

  /**
   * Removes temporary folders named {@code prefix*} in {@code dir}, left by an attempt that was
   * killed.
   */
  static void deleteStale(Path dir, String prefix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child :
          children.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        FileTrees.deleteRecursively(child);
      }
    }
  }
}
