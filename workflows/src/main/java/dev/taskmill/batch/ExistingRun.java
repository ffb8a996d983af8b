package dev.taskmill.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A run that was already there when a batch wanted to start it: its id and what the batch asked of
 * it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExistingRun(String workflowId, String repoUrl, Integer prNumber) {
  public ExistingRun {
    if (workflowId == null || workflowId.isBlank()) {
      throw new IllegalArgumentException("workflowId is required");
    }
    if (repoUrl == null || repoUrl.isBlank()) {
      throw new IllegalArgumentException("repoUrl is required");
    }
  }
}
