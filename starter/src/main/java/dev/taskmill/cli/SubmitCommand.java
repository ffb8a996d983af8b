package dev.taskmill.cli;

import dev.taskmill.client.Submission;
import dev.taskmill.workflow.SampleRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Queues a run on a server and returns its workflow id at once; workers elsewhere do the work. */
@Command(
    footer = {
      "",
      "Example:",
      "  taskmill submit https://github.com/pallets/click --samples-dir /data/samples --address localhost:7233"
    },
    name = "submit",
    description = "Submit a run to a Temporal server and print its id at once.")
final class SubmitCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connection;
  @Mixin RepoOptions repo;
  @Mixin CandidateOptions candidates;

  @Option(
      names = "--samples-dir",
      paramLabel = "DIR",
      required = true,
      description = "Where the workers create samples/task-N (a path the workers can write).")
  Path samplesDir;

  @Override
  public Integer call() {
    String url = repo.resolvedRepo();
    if (samplesDir.toString().isBlank()) {
      throw new UserError(
          3, "--samples-dir is empty; name the directory the workers write samples to");
    }
    SampleRequest request =
        SampleRequest.builder(url, samplesDir.toAbsolutePath().normalize().toString())
            .pr(repo.pr)
            .githubApiUrl(repo.githubApi)
            .maxCandidates(candidates.value())
            .build();
    try (TemporalSession session = TemporalSession.connect(connection)) {
      Submission submission = session.client().submit(request);
      System.out.println(submission.workflowId());
      if (submission.attached()) {
        System.err.println("(already submitted: this is the existing run)");
      }
      return 0;
    }
  }
}
