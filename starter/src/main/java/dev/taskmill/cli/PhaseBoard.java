package dev.taskmill.cli;

import dev.taskmill.workflow.PhaseProgress;
import dev.taskmill.workflow.PhaseState;
import dev.taskmill.workflow.Progress;
import java.util.ArrayList;
import java.util.List;

/** Renders the progress query as the six-phase board with times and a progress bar. */
final class PhaseBoard {
  private static final int BAR_WIDTH = 30;

  private PhaseBoard() {}

  static List<String> render(Progress progress, long now) {
    List<String> lines = new ArrayList<>();
    int index = 1;
    for (PhaseProgress p : progress.phases()) {
      String time = p.startedAt() == 0 ? "" : seconds(p.elapsedMillis(now));
      lines.add(
          String.format(
              "  %s %d. %-20s %-8s %7s  %s",
              symbol(p.state()),
              index++,
              p.phase().title(),
              p.state().name().toLowerCase(),
              time,
              clip(p.detail(), 70)));
    }
    int filled = (int) Math.round(progress.fractionDone() * BAR_WIDTH);
    lines.add(
        String.format(
            "  [%s%s] %3.0f%%  %s",
            "#".repeat(filled),
            ".".repeat(BAR_WIDTH - filled),
            progress.fractionDone() * 100,
            clip(progress.detail(), 70)));
    return lines;
  }

  static String symbol(PhaseState state) {
    return switch (state) {
      case WAITING -> " ";
      case RUNNING -> ">";
      case DONE -> "+";
      case FAILED -> "x";
      case SKIPPED -> "-";
    };
  }

  static String seconds(long millis) {
    return String.format("%.1fs", millis / 1000.0);
  }

  private static String clip(String s, int max) {
    String oneLine = s.replace('\n', ' ');
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
  }
}
