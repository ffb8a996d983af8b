package dev.taskmill.batch;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How one item of a batch ended. */
public enum BatchItemStatus {
  @JsonProperty("created")
  CREATED,
  @JsonProperty("rejected")
  REJECTED
}
