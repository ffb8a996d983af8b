package dev.taskmill.cli;

import dev.taskmill.workflow.SearchAttributeKeys;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.SearchAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run as `taskmill list` shows it: from the search attributes, or from the workflow id where a
 * server has none.
 */
record RunRow(
    String id, String status, String repo, String pr, String phaseOrOutcome, Instant start) {
  /**
   * Ids are "taskmill/HOST/OWNER/REPO/pr-N|auto[/analyze]/in-HASH" (WorkflowIds); the in-memory
   * server keeps no search attributes, so repo and PR are read back from there.
   */
  private static final Pattern SAMPLE_ID =
      Pattern.compile("taskmill/(.+?)/(pr-(\\d+)|auto)(/analyze)?/in-[0-9a-f]+");

  private static final DateTimeFormatter START =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  static RunRow of(WorkflowExecutionMetadata run) {
    String id = run.getExecution().getWorkflowId();
    String status =
        run.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT);
    SearchAttributes attributes = run.getTypedSearchAttributes();
    String repo = attributes.get(SearchAttributeKeys.REPO);
    Long prNumber = attributes.get(SearchAttributeKeys.PR);
    String pr = prNumber == null ? null : "#" + prNumber;
    Matcher matcher = SAMPLE_ID.matcher(id);
    if (matcher.matches()) {
      repo = repo != null ? repo : matcher.group(1);
      pr = pr != null ? pr : matcher.group(3) != null ? "#" + matcher.group(3) : "auto";
    }
    return new RunRow(
        id,
        status,
        orDash(repo),
        orDash(pr),
        phaseOrOutcome(
            attributes.get(SearchAttributeKeys.PHASE), attributes.get(SearchAttributeKeys.OUTCOME)),
        run.getStartTime());
  }

  /**
   * The outcome once there is one ("failed at validate" keeps where), else the phase the run is in.
   */
  static String phaseOrOutcome(String phase, String outcome) {
    if (outcome == null) {
      return orDash(phase);
    }
    return "failed".equals(outcome) && phase != null ? "failed at " + phase : outcome;
  }

  String startText() {
    return start == null ? "-" : START.format(start);
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }
}
