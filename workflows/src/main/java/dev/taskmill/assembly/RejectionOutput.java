package dev.taskmill.assembly;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Where the rejection report was written. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RejectionOutput(String rejectedDir) {}
