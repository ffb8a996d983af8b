package dev.taskmill.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmill.trajectory.TrajectoryOutcome.TestSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The evaluation report in SWE-bench's shape: {@code {instance_id: {patch_is_None, patch_exists,
 * patch_successfully_applied, resolved, tests_status: {FAIL_TO_PASS: {success, failure},
 * PASS_TO_PASS: {...}}}}}, plus taskmill's {@code status}, {@code detail}, {@code
 * model_name_or_path} and {@code log} per instance. One file per instance while the evaluation
 * runs, merged into one at the end.
 */
public final class InstanceReports {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private InstanceReports() {}

  /** Writes {@code {instance_id: entry}} to {@code file}. */
  static void write(Path file, InstanceVerdict verdict, TestSplit f2p, TestSplit p2p, String patch)
      throws IOException {
    ObjectNode entry = JSON.createObjectNode();
    entry.put("patch_is_None", patch == null);
    entry.put("patch_exists", patch != null && !patch.isBlank());
    entry.put(
        "patch_successfully_applied",
        switch (verdict.status()) {
          case TESTS_RAN, BUILD_FAILED, TIMED_OUT -> true;
          default -> false;
        });
    entry.put("resolved", verdict.resolved());
    ObjectNode status = entry.putObject("tests_status");
    split(status.putObject("FAIL_TO_PASS"), f2p);
    split(status.putObject("PASS_TO_PASS"), p2p);
    entry.put("status", verdict.status().name());
    entry.put("detail", verdict.detail());
    entry.put("model_name_or_path", verdict.modelName());
    if (verdict.log() != null) {
      entry.put("log", verdict.log());
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.set(verdict.instanceId(), entry);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(tmp.toFile(), doc);
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void split(ObjectNode node, TestSplit split) {
    split.success().forEach(node.putArray("success")::add);
    split.failure().forEach(node.putArray("failure")::add);
  }

  /**
   * Merges the verdicts' instance reports into one document, in the verdicts' order. A verdict
   * without a report file (an activity that gave up) gets an entry from its figures alone.
   */
  public static ObjectNode merge(List<InstanceVerdict> verdicts) throws IOException {
    ObjectNode all = JSON.createObjectNode();
    for (InstanceVerdict v : verdicts) {
      JsonNode entry =
          v.reportFile() != null && Files.isRegularFile(Path.of(v.reportFile()))
              ? JSON.readTree(Path.of(v.reportFile()).toFile()).get(v.instanceId())
              : null;
      if (entry == null) {
        ObjectNode made = JSON.createObjectNode();
        made.put("patch_is_None", false);
        made.put("patch_exists", true);
        made.put("patch_successfully_applied", false);
        made.put("resolved", false);
        ObjectNode status = made.putObject("tests_status");
        for (String list : List.of("FAIL_TO_PASS", "PASS_TO_PASS")) {
          status.putObject(list).putArray("success");
          ((ObjectNode) status.get(list)).putArray("failure");
        }
        made.put("status", v.status().name());
        made.put("detail", v.detail());
        made.put("model_name_or_path", v.modelName());
        entry = made;
      }
      all.set(v.instanceId(), entry);
    }
    return all;
  }

  /** Writes the merged report, pretty-printed. */
  public static void writeMerged(Path file, List<InstanceVerdict> verdicts) throws IOException {
    JSON.writeValue(file.toFile(), merge(verdicts));
  }
}
