package dev.taskmill.enrichment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/** Files opened and edited by each trajectory, and its edits scored against the gold fix files. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NavigationMetrics(
    List<String> goldFiles, Navigation idealTrajectory, Navigation failedTrajectory) {
  public NavigationMetrics {
    goldFiles = List.copyOf(goldFiles);
    Objects.requireNonNull(idealTrajectory, "idealTrajectory");
    Objects.requireNonNull(failedTrajectory, "failedTrajectory");
  }

  /**
   * @param filesEdited files edited, in order of first edit, without the test files written for
   *     reproduction
   * @param editPrecision |edited ∩ gold| / |edited|; 0.0 when nothing was edited
   * @param editRecall |edited ∩ gold| / |gold|
   * @param stepsToFirstGoldFileView the id of the first step that opened a gold file, or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Navigation(
      List<String> filesOpened,
      List<String> filesEdited,
      double editPrecision,
      double editRecall,
      Integer stepsToFirstGoldFileView) {
    public Navigation {
      filesOpened = List.copyOf(filesOpened);
      filesEdited = List.copyOf(filesEdited);
      if (editPrecision < 0 || editPrecision > 1 || editRecall < 0 || editRecall > 1) {
        throw new IllegalArgumentException(
            "precision and recall are ratios: " + editPrecision + ", " + editRecall);
      }
      if (filesEdited.isEmpty() && editPrecision != 0) {
        throw new IllegalArgumentException("edit precision is 0.0 when nothing was edited");
      }
    }
  }
}
