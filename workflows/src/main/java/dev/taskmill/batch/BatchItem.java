package dev.taskmill.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/**
 * One child run of a batch, or one repository that could not be ranked, once it has ended.
 *
 * @param workflowId the child's id (the id `taskmill run` gives the same repository and PR), or
 *     null when the repository failed before any child started (ranking for --mine)
 * @param prNumber the PR the child was given, or null for a child that picked its own
 * @param failure the failure type's name when rejected, else null
 * @param language the analysed language in lower case, or "unknown"
 * @param attached true when a run of that id already existed and the batch waited for it instead of
 *     starting one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchItem(
    String workflowId,
    String repoUrl,
    Integer prNumber,
    BatchItemStatus status,
    String failure,
    String language,
    String sampleDir,
    String line,
    boolean attached) {
  public BatchItem {
    Objects.requireNonNull(repoUrl, "repoUrl");
    Objects.requireNonNull(status, "status");
    language = language == null || language.isBlank() ? "unknown" : language;
    line = line == null ? "" : line;
    if (status == BatchItemStatus.REJECTED && failure == null) {
      failure = "INTERNAL";
    }
  }
}
