package dev.taskmill.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the batch's progress query returns: counts over the whole batch, the children running now,
 * and the items that ended in this run of the workflow (earlier runs are in {@code summary} only).
 *
 * @param entriesStarted batch-file entries taken up so far (their children started, or ranked and
 *     started)
 * @param finished true once the summary is final
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchProgress(
    int entriesTotal,
    int entriesStarted,
    List<String> running,
    List<BatchItem> ended,
    BatchSummary summary,
    boolean finished) {
  public BatchProgress {
    running = running == null ? List.of() : List.copyOf(running);
    ended = ended == null ? List.of() : List.copyOf(ended);
    summary = summary == null ? BatchSummary.EMPTY : summary;
  }
}
