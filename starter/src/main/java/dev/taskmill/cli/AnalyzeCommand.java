package dev.taskmill.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taskmill.client.Submission;
import dev.taskmill.workflow.SampleRequest;
import dev.taskmill.workflow.SampleResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Phases 1-2 only: pick the PR, split it, and write fix.patch, tests.patch and analysis.json. */
@Command(
    footer = {
      "",
      "Example:",
      "  taskmill analyze https://github.com/pallets/click --pr 3764 --out /tmp/click-pr"
    },
    name = "analyze",
    description = "Pick the PR and split it into fix.patch and tests.patch (phases 1-2).")
final class AnalyzeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connection;
  @Mixin RepoOptions repo;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "analysis",
      description =
          "Where fix.patch, tests.patch and analysis.json go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--remote-workers",
      description = "Rely on workers already serving the server instead of one in this process.")
  boolean remoteWorkers;

  @Override
  public Integer call() throws Exception {
    String url = repo.resolvedRepo();
    boolean created =
        out != null
            && !out.toString().isBlank()
            && !java.nio.file.Files.exists(out.toAbsolutePath().normalize());
    Path outDir = Directories.writable(out, "--out");
    SampleRequest request =
        SampleRequest.analyzeOnly(url, repo.pr, outDir.toString(), repo.githubApi);
    try (TemporalSession session =
        TemporalSession.forLocalRun(connection, remoteWorkers, System.err)) {
      Submission submission = session.client().submit(request);
      // On a terminal the board redraws on stderr, beside the report on stdout; in a log, its lines
      // go to stdout
      // with the report, so that one stream tells the whole story.
      boolean terminal = System.console() != null;
      SampleResult result;
      try {
        result =
            new LiveBoard(
                    session.client(),
                    terminal ? System.err : System.out,
                    terminal,
                    session.serverWatch())
                .followToEnd(submission.workflowId());
      } catch (dev.taskmill.client.TaskmillException failed) {
        Directories.tidyAfterFailure(outDir, created);
        throw failed;
      }
      Path json = outDir.resolve("analysis.json");
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("workflowId", submission.workflowId());
      document.put("analysis", result.analysis());
      document.put("patches", result.patches());
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(json.toFile(), document);
      Reports.printAnalysis(result.analysis(), result.patches(), System.out);
      System.out.printf(
          "%nWrote %s, %s and %s%n",
          result.patches().fixPatch(), result.patches().testsPatch(), json);
      return 0;
    }
  }
}
