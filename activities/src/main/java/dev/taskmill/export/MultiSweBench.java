package dev.taskmill.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmill.evaluation.SampleIndex.Sample;
import dev.taskmill.workflow.InstanceIds;
import java.util.ArrayList;
import java.util.List;

/**
 * One sample as a Multi-SWE-bench instance: org, repo, number, title, body, base, resolved_issues,
 * fix_patch, test_patch, the f2p/p2p/s2p/n2p test sets with each test's status in the three runs
 * (run = no patch, test = tests.patch, fix = both), and the three runs' results. A sample keeps no
 * per-test result of the run without patches, so every test's {@code run} status is "NONE"
 * (docs/evaluation.md).
 */
final class MultiSweBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MultiSweBench() {}

  static ObjectNode line(Sample sample, String fixPatch, String testPatch) {
    JsonNode m = sample.metadata();
    String url = m.path("repo").path("url").asText();
    JsonNode pr = m.path("pullRequest");
    ObjectNode line = JSON.createObjectNode();
    line.put("org", InstanceIds.owner(url));
    line.put("repo", InstanceIds.name(url));
    line.put("number", pr.path("number").asInt());
    line.put("state", "closed");
    line.put("title", pr.path("title").asText(""));
    line.put("body", pr.path("body").asText(""));
    ObjectNode base = line.putObject("base");
    String branch = m.path("repo").path("defaultBranch").asText("");
    base.put("label", InstanceIds.owner(url) + ":" + branch);
    base.put("ref", branch);
    base.put("sha", m.path("baseCommit").asText());
    var issues = line.putArray("resolved_issues");
    for (JsonNode issue : pr.path("linkedIssues")) {
      ObjectNode i = issues.addObject();
      i.put("number", issue.path("number").asInt());
      i.put("title", issue.path("title").asText(""));
      i.put("body", issue.path("body").asText(""));
    }
    line.put("fix_patch", fixPatch);
    line.put("test_patch", testPatch);
    List<String> f2p = strings(m.path("FAIL_TO_PASS"));
    List<String> p2p = strings(m.path("PASS_TO_PASS"));
    ObjectNode fixed = line.putObject("fixed_tests");
    ObjectNode p2pTests = line.putObject("p2p_tests");
    ObjectNode f2pTests = line.putObject("f2p_tests");
    line.putObject("s2p_tests");
    line.putObject("n2p_tests");
    for (String id : p2p) {
      statuses(p2pTests.putObject(id), "PASS");
      statuses(fixed.putObject(id), "PASS");
    }
    for (String id : f2p) {
      statuses(f2pTests.putObject(id), "FAIL");
      statuses(fixed.putObject(id), "FAIL");
    }
    List<String> both = new ArrayList<>(p2p);
    both.addAll(f2p);
    line.set("run_result", result(stage(m, "PASS_pre_tests"), List.of(), List.of()));
    line.set("test_patch_result", result(stage(m, "FAIL_pre_patch"), p2p, f2p));
    line.set("fix_patch_result", result(stage(m, "PASS_post_patch"), both, List.of()));
    line.put("instance_id", sample.instanceId());
    return line;
  }

  private static void statuses(ObjectNode test, String afterTests) {
    test.put("run", "NONE");
    test.put("test", afterTests);
    test.put("fix", "PASS");
  }

  /** A run's counts from metadata.json's stages, with the test ids the sample knows for it. */
  private static ObjectNode result(JsonNode stage, List<String> passed, List<String> failed) {
    ObjectNode r = JSON.createObjectNode();
    r.put("passed_count", stage.path("passed").asInt(passed.size()));
    r.put("failed_count", stage.path("failed").asInt(failed.size()));
    r.put("skipped_count", stage.path("skipped").asInt(0));
    passed.forEach(r.putArray("passed_tests")::add);
    failed.forEach(r.putArray("failed_tests")::add);
    r.putArray("skipped_tests");
    return r;
  }

  private static JsonNode stage(JsonNode m, String name) {
    for (JsonNode s : m.path("stages")) {
      if (name.equals(s.path("name").asText())) {
        return s;
      }
    }
    return JSON.createObjectNode();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
