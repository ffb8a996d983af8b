package dev.taskmill.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Lists runs, newest first, one line each, filtered by taskmill's search attributes where the
 * server can.
 */
@Command(
    name = "list",
    description = "List runs: id, status, repository, PR, phase or outcome, start time.",
    footer = {
      "",
      "The filter is Temporal's list filter over TaskmillRepo, TaskmillPr, TaskmillLanguage,",
      "TaskmillPhase, TaskmillOutcome, ExecutionStatus, StartTime, ... (a real server; the in-memory",
      "server lists open and closed runs without a filter).",
      "",
      "Example:",
      "  taskmill list --query \"TaskmillOutcome='failed' AND TaskmillLanguage='python'\" --limit 50"
    })
final class ListCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ConnectionOptions connection;

  @Option(
      names = "--query",
      paramLabel = "Q",
      description = "A Temporal list filter, e.g. \"TaskmillRepo='github.com/pallets/click'\".")
  String query;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N runs (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new UserError(3, "--limit must be at least 1, not " + limit);
    }
    try (TemporalSession session = TemporalSession.connect(connection)) {
      RunListing.Result result =
          new RunListing(session.client().workflowClient())
              .list(query == null || query.isBlank() ? null : query, limit);
      if (result.plain()) {
        System.out.println(
            "(this server has no advanced visibility: open and closed runs, newest first,"
                + " repository and PR read from the run ids)");
      }
      if (result.rows().isEmpty()) {
        System.out.println(query == null ? "No runs." : "No runs match " + query + ".");
        return 0;
      }
      table(result.rows()).forEach(System.out::println);
      return 0;
    }
  }

  /** A header and one line per run, columns as wide as their widest cell. */
  static List<String> table(List<RunRow> rows) {
    String[] header = {"ID", "STATUS", "REPO", "PR", "PHASE/OUTCOME", "STARTED"};
    int[] width = new int[header.length];
    List<String[]> cells = new java.util.ArrayList<>();
    cells.add(header);
    rows.forEach(
        row ->
            cells.add(
                new String[] {
                  row.id(),
                  row.status(),
                  row.repo(),
                  row.pr(),
                  row.phaseOrOutcome(),
                  row.startText()
                }));
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    return cells.stream()
        .map(
            line -> {
              StringBuilder text = new StringBuilder();
              for (int i = 0; i < line.length; i++) {
                text.append(
                    i == line.length - 1
                        ? line[i]
                        : String.format("%-" + width[i] + "s  ", line[i]));
              }
              return text.toString();
            })
        .toList();
  }
}
