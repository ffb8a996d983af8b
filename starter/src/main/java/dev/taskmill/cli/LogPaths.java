package dev.taskmill.cli;

import dev.taskmill.client.TaskmillException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a failed run's logs by their full path: the activity that failed knows only the log's name
 * in the work area, which the rejection moves to samples/.rejected/KEY/; the board's last line says
 * where that is.
 */
final class LogPaths {
  private static final Pattern REPORT = Pattern.compile("\\(report in ([^()]+)\\)\\s*$");
  private static final Pattern LOG = Pattern.compile("(?<![\\w/.-])([\\w.-]+\\.log)\\b");

  private LogPaths() {}

  /** The failure with each "NAME.log" that is in the rejection report replaced by its full path. */
  static TaskmillException resolve(TaskmillException failure, String boardDetail) {
    String message = failure.getMessage();
    if (message == null || boardDetail == null) {
      return failure;
    }
    Matcher report = REPORT.matcher(boardDetail);
    if (!report.find()) {
      return failure;
    }
    Path dir = Path.of(report.group(1).strip());
    Matcher log = LOG.matcher(message);
    StringBuilder resolved = new StringBuilder();
    boolean changed = false;
    while (log.find()) {
      Path file = dir.resolve(log.group(1));
      String replacement = Files.isRegularFile(file) ? file.toString() : log.group(1);
      changed |= !replacement.equals(log.group(1));
      log.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    log.appendTail(resolved);
    return changed ? new TaskmillException(failure.type(), resolved.toString(), failure) : failure;
  }
}
