package dev.taskmill.cli;

import dev.taskmill.client.Submission;
import dev.taskmill.validation.ValidationSettings;
import dev.taskmill.workflow.SampleRequest;
import dev.taskmill.workflow.SampleResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The main job: all phases, ending in samples/task-N. */
@Command(
    footer = {
      "",
      "Example:",
      "  taskmill run https://github.com/pallets/click --pr 3764",
      "  taskmill run /path/to/local/clone --samples-dir samples --max-candidates 5"
    },
    name = "run",
    description = "Make a validated bug-fix sample from a repository (all phases).")
final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connection;
  @Mixin RepoOptions repo;
  @Mixin CandidateOptions candidates;
  @Mixin ValidationOptions validation;

  @Option(
      names = "--samples-dir",
      paramLabel = "DIR",
      defaultValue = "samples",
      description = "Where samples/task-N are created (default: ${DEFAULT-VALUE}).")
  Path samplesDir;

  @Option(
      names = "--remote-workers",
      description = "Rely on workers already serving the server instead of one in this process.")
  boolean remoteWorkers;

  @Override
  public Integer call() throws Exception {
    ValidationSettings settings = validation.settings();
    String url = repo.resolvedRepo();
    boolean created =
        samplesDir != null
            && !samplesDir.toString().isBlank()
            && !java.nio.file.Files.exists(samplesDir.toAbsolutePath().normalize());
    Path samples = Directories.writable(samplesDir, "--samples-dir");
    SampleRequest request =
        SampleRequest.builder(url, samples.toString())
            .pr(repo.pr)
            .githubApiUrl(repo.githubApi)
            .validation(settings)
            .maxCandidates(candidates.value())
            .build();
    try (TemporalSession session =
        TemporalSession.forLocalRun(connection, remoteWorkers, System.out)) {
      Submission submission = session.client().submit(request);
      System.out.println(
          (submission.attached() ? "Following the run already submitted: " : "Run ")
              + submission.workflowId());
      SampleResult result;
      try {
        result =
            new LiveBoard(
                    session.client(), System.out, System.console() != null, session.serverWatch())
                .followToEnd(submission.workflowId());
      } catch (dev.taskmill.client.TaskmillException failed) {
        Directories.tidyAfterFailure(samples, created);
        throw failed;
      }
      Reports.printSample(result, System.out);
      return 0;
    }
  }
}
