package dev.taskmill.cli;

import dev.taskmill.batch.BatchEntry;
import dev.taskmill.batch.BatchRequest;
import dev.taskmill.batch.BatchSummary;
import dev.taskmill.client.Submission;
import dev.taskmill.workflow.WorkflowIds;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Mines many repositories: submits a BatchWorkflow and follows it (or, with --detach, prints its
 * id).
 */
@Command(
    footer = {
      "",
      "FILE: one repository per line, REPO or REPO PR; # starts a comment; relative paths are"
          + " relative to FILE.",
      "",
      "Example:",
      "  taskmill batch repos.txt --mine 2 --concurrency 4 --samples-dir /data/samples"
    },
    name = "batch",
    description = "Make samples from every repository listed in a file, a few at a time.")
final class BatchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connection;
  @Mixin CandidateOptions candidates;
  @Mixin ValidationOptions validation;

  @Parameters(index = "0", paramLabel = "FILE", description = "The batch file: REPO [PR] per line.")
  Path file;

  @Option(
      names = "--mine",
      paramLabel = "N",
      description =
          "For repositories without a PR: make one run for each of the N best candidate PRs (default: one"
              + " run that picks its PR, as `taskmill run` does).")
  Integer mine;

  @Option(
      names = "--concurrency",
      paramLabel = "K",
      defaultValue = "2",
      description = "Child runs at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--samples-dir",
      paramLabel = "DIR",
      defaultValue = "samples",
      description = "Where samples/task-N are created (default: ${DEFAULT-VALUE}).")
  Path samplesDir;

  @Option(
      names = "--github-api",
      paramLabel = "URL",
      description = "GitHub REST API base for GitHub Enterprise.")
  String githubApi;

  @Option(
      names = "--remote-workers",
      description =
          "Rely on workers already serving the server instead of one in this" + " process.")
  boolean remoteWorkers;

  @Option(
      names = "--detach",
      description =
          "Submit the batch, print its id and return (follow it with taskmill" + " watch ID).")
  boolean detach;

  @Override
  public Integer call() throws Exception {
    if (mine != null && (mine < 1 || mine > 50)) {
      throw new UserError(
          3, "--mine " + mine + " is out of range; take 1 to 50 PRs of each repository");
    }
    if (concurrency < 1 || concurrency > 64) {
      throw new UserError(
          3, "--concurrency " + concurrency + " is out of range; run 1 to 64 at a time");
    }
    List<BatchEntry> entries = BatchFile.read(file);
    if (entries.size() > BatchRequest.MAX_ENTRIES) {
      throw new UserError(
          BatchFile.INVALID,
          file
              + " lists "
              + entries.size()
              + " repositories; a batch takes at most "
              + BatchRequest.MAX_ENTRIES
              + ": split the file");
    }
    Path samples = Directories.writable(samplesDir, "--samples-dir");
    BatchRequest request =
        BatchRequest.of(entries, samples.toString(), mine, concurrency)
            .withChildOptions(candidates.value(), githubApi, validation.settings(), false);
    String id = WorkflowIds.forBatch(BatchFile.hash(entries, mine), samples.toString());
    try (TemporalSession session =
        detach
            ? TemporalSession.connect(connection)
            : TemporalSession.forLocalRun(connection, remoteWorkers, System.out)) {
      Submission submission = session.client().submitBatch(id, request);
      if (detach) {
        System.out.println(submission.workflowId());
        return 0;
      }
      System.out.println(
          (submission.attached() ? "Following the batch already running: " : "Batch ")
              + submission.workflowId()
              + " ("
              + entries.size()
              + " entries, "
              + concurrency
              + " at a time)");
      BatchSummary summary =
          new BatchBoard(session.client(), System.out, session.serverWatch())
              .followToEnd(submission.workflowId());
      BatchBoard.printSummary(summary, System.out);
      return BatchBoard.exitCode(summary);
    }
  }
}
