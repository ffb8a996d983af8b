package dev.taskmill.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.files.FileTrees;
import dev.taskmill.git.RepositoryCache;
import dev.taskmill.patches.ApplyCheck;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Checks a sample folder ({@code samples/task-N}) against the contract: the ten files,
 * metadata.json and both trajectories against their JSON Schemas, both patches applying on the base
 * commit (tests.patch alone, then fix.patch), a non-empty FAIL_TO_PASS and, when asked, the same
 * FAIL_TO_PASS from a rerun of the cycle. Every check runs, whatever the others give, so the report
 * names every problem at once.
 */
public final class SampleVerifier {
  public static final String METADATA = "metadata.json";
  public static final String FIX_PATCH = "fix.patch";
  public static final String TESTS_PATCH = "tests.patch";
  public static final String IDEAL = "ideal_trajectory.json";
  public static final String FAILED = "failed_trajectory.json";
  public static final String RUN_SCRIPT = "run.sh";

  /** The ten files of a sample, in the contract's order. */
  public static final List<String> FILES =
      List.of(
          METADATA,
          FIX_PATCH,
          TESTS_PATCH,
          IDEAL,
          FAILED,
          "Dockerfile",
          RUN_SCRIPT,
          "PASS_pre_tests.log",
          "FAIL_pre_patch.log",
          "PASS_post_patch.log");

  public static final String CHECK_FILES = "the ten files are present, run.sh is executable";
  public static final String CHECK_METADATA = "metadata.json matches metadata.schema.json";
  public static final String CHECK_IDEAL = IDEAL + " matches trajectory.schema.json";
  public static final String CHECK_FAILED = FAILED + " matches trajectory.schema.json";
  public static final String CHECK_PATCHES =
      "tests.patch applies on the base commit, fix.patch after it";
  public static final String CHECK_FAIL_TO_PASS = "FAIL_TO_PASS is not empty";
  public static final String CHECK_RERUN = "a rerun of the cycle gives the same FAIL_TO_PASS";

  /** How many schema violations a failed check names. */
  static final int ERRORS_SHOWN = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryCache repositories;
  private final SampleRerun rerun;

  /**
   * @param rerun what {@code --rerun} runs; null when reruns are not offered
   */
  public SampleVerifier(RepositoryCache repositories, SampleRerun rerun) {
    this.repositories = repositories;
    this.rerun = rerun;
  }

  public VerificationReport verify(Path sampleDir, boolean withRerun) {
    Path dir = sampleDir.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no sample folder at " + dir);
    }
    List<Check> checks = new ArrayList<>();
    checks.add(files(dir));
    JsonNode metadata = readJson(dir.resolve(METADATA));
    checks.add(
        metadata == null
            ? Check.fail(CHECK_METADATA, unreadable(dir.resolve(METADATA)))
            : schema(CHECK_METADATA, SampleSchemas.get().validateMetadata(metadata)));
    checks.add(trajectory(dir, IDEAL, "ideal", CHECK_IDEAL));
    checks.add(trajectory(dir, FAILED, "failed", CHECK_FAILED));
    checks.add(patches(dir, metadata));
    List<String> failToPass = strings(metadata == null ? null : metadata.get("FAIL_TO_PASS"));
    checks.add(
        metadata == null
            ? Check.fail(CHECK_FAIL_TO_PASS, unreadable(dir.resolve(METADATA)))
            : failToPass.isEmpty()
                ? Check.fail(CHECK_FAIL_TO_PASS, "metadata.json lists no FAIL_TO_PASS test")
                : Check.ok(CHECK_FAIL_TO_PASS, String.valueOf(failToPass.size())));
    if (withRerun) {
      checks.add(rerun(dir, metadata, failToPass));
    }
    return new VerificationReport(dir, checks);
  }

  private static Check files(Path dir) {
    List<String> missing =
        FILES.stream()
            .filter(name -> !Files.isRegularFile(dir.resolve(name), LinkOption.NOFOLLOW_LINKS))
            .toList();
    if (!missing.isEmpty()) {
      return Check.fail(CHECK_FILES, "missing " + String.join(", ", missing));
    }
    if (!Files.isExecutable(dir.resolve(RUN_SCRIPT))) {
      return Check.fail(CHECK_FILES, "run.sh is not executable (chmod +x run.sh)");
    }
    return Check.ok(CHECK_FILES);
  }

  private static Check trajectory(Path dir, String file, String kind, String name) {
    JsonNode doc = readJson(dir.resolve(file));
    if (doc == null) {
      return Check.fail(name, unreadable(dir.resolve(file)));
    }
    List<String> errors = new ArrayList<>(SampleSchemas.get().validateTrajectory(doc));
    if (doc.hasNonNull("kind") && !kind.equals(doc.get("kind").asText())) {
      errors.add(
          "$.kind: is '" + doc.get("kind").asText() + "' in " + file + ", expected '" + kind + "'");
    }
    return schema(name, errors);
  }

  private static Check schema(String name, List<String> errors) {
    if (errors.isEmpty()) {
      return Check.ok(name);
    }
    String shown = String.join("; ", errors.subList(0, Math.min(ERRORS_SHOWN, errors.size())));
    return Check.fail(
        name,
        shown
            + (errors.size() > ERRORS_SHOWN
                ? " (+" + (errors.size() - ERRORS_SHOWN) + " more)"
                : ""));
  }

  private Check patches(Path dir, JsonNode metadata) {
    Path tests = dir.resolve(TESTS_PATCH);
    Path fix = dir.resolve(FIX_PATCH);
    if (!Files.isRegularFile(tests) || !Files.isRegularFile(fix)) {
      return Check.fail(CHECK_PATCHES, "tests.patch or fix.patch is missing");
    }
    String repoUrl = metadata == null ? null : metadata.path("repo").path("url").asText(null);
    String base = metadata == null ? null : metadata.path("baseCommit").asText(null);
    if (repoUrl == null || base == null || !ObjectId.isId(base)) {
      return Check.fail(
          CHECK_PATCHES, "metadata.json names no repo.url and baseCommit (a 40-hex commit id)");
    }
    Path scratch = null;
    try (Repository repository = repositories.open(repoUrl, null, base)) {
      scratch = Files.createTempDirectory("taskmill-verify-");
      new ApplyCheck(repository).verify(ObjectId.fromString(base), scratch, tests, fix);
      return Check.ok(CHECK_PATCHES);
    } catch (ApplicationFailure e) {
      return Check.fail(CHECK_PATCHES, e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      return Check.fail(CHECK_PATCHES, e.getMessage() == null ? e.toString() : e.getMessage());
    } finally {
      deleteQuietly(scratch);
    }
  }

  private Check rerun(Path dir, JsonNode metadata, List<String> expected) {
    if (rerun == null) {
      return Check.fail(CHECK_RERUN, "reruns are not available here");
    }
    if (metadata == null) {
      return Check.fail(CHECK_RERUN, unreadable(dir.resolve(METADATA)));
    }
    try {
      TreeSet<String> again = new TreeSet<>(rerun.failToPass(dir, metadata));
      TreeSet<String> before = new TreeSet<>(expected);
      if (again.equals(before)) {
        return Check.ok(CHECK_RERUN, String.valueOf(again.size()));
      }
      TreeSet<String> lost = new TreeSet<>(before);
      lost.removeAll(again);
      TreeSet<String> gained = new TreeSet<>(again);
      gained.removeAll(before);
      return Check.fail(
          CHECK_RERUN,
          "no longer flipping: "
              + (lost.isEmpty() ? "none" : String.join(", ", lost))
              + "; new: "
              + (gained.isEmpty() ? "none" : String.join(", ", gained)));
    } catch (ApplicationFailure e) {
      return Check.fail(CHECK_RERUN, e.getOriginalMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Check.fail(CHECK_RERUN, "interrupted");
    } catch (Exception e) {
      return Check.fail(CHECK_RERUN, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      JsonNode node = Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String unreadable(Path file) {
    if (!Files.isRegularFile(file)) {
      return file.getFileName() + " is missing";
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      return file.getFileName() + " is not a JSON object" + (node == null ? " (empty)" : "");
    } catch (IOException e) {
      return file.getFileName()
          + " is not valid JSON: "
          + e.getMessage().lines().findFirst().orElse("");
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      FileTrees.deleteRecursively(dir);
    } catch (IOException ignored) {
      // a scratch folder under the temp dir
    }
  }
}
