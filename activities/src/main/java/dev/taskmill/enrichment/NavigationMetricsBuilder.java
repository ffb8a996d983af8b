package dev.taskmill.enrichment;

import dev.taskmill.trajectory.Trajectory;
import dev.taskmill.trajectory.TrajectoryStep;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds {@link NavigationMetrics}: gold = the fix files; test files (tests.patch) are not edits
 * against it.
 */
public final class NavigationMetricsBuilder {
  private final List<String> goldFiles;
  private final Set<String> testFiles;

  public NavigationMetricsBuilder(List<String> goldFiles, List<String> testFiles) {
    this.goldFiles = List.copyOf(goldFiles);
    this.testFiles = Set.copyOf(testFiles);
  }

  public NavigationMetrics build(TrajectoryPair pair) {
    return new NavigationMetrics(goldFiles, navigation(pair.ideal()), navigation(pair.failed()));
  }

  NavigationMetrics.Navigation navigation(Trajectory t) {
    String workdir = RepoPaths.workdir(t);
    Set<String> opened = new LinkedHashSet<>();
    Set<String> edited = new LinkedHashSet<>();
    Integer firstGoldView = null;
    for (TrajectoryStep step : t.steps()) {
      for (String f : step.filesOpened()) {
        String p = RepoPaths.normalize(f, workdir);
        opened.add(p);
        if (firstGoldView == null && goldFiles.contains(p)) {
          firstGoldView = step.id();
        }
      }
      for (String f : step.filesEdited()) {
        String p = RepoPaths.normalize(f, workdir);
        if (!testFiles.contains(p)) {
          edited.add(p);
        }
      }
    }
    long hits = edited.stream().filter(goldFiles::contains).count();
    double precision = edited.isEmpty() ? 0.0 : ratio(hits, edited.size());
    double recall = goldFiles.isEmpty() ? 0.0 : ratio(hits, goldFiles.size());
    return new NavigationMetrics.Navigation(
        List.copyOf(opened), List.copyOf(edited), precision, recall, firstGoldView);
  }

  /** A ratio with four decimals. */
  static double ratio(long part, long whole) {
    return whole == 0 ? 0.0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
  }
}
