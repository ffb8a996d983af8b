package dev.taskmill.client;

/**
 * A submitted run.
 *
 * @param attached true when the same work was already submitted and this call attached to it
 */
public record Submission(String workflowId, boolean attached) {}
