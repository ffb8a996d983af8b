package dev.taskmill.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch made so far, carried across continue-as-new: samples made, rejections by reason (the
 * failure type in lower case, as the worker's metrics name it) and by language.
 *
 * @param attached items whose run existed already (a duplicate of an earlier run or batch), counted
 *     in the others too
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchSummary(
    int samplesMade,
    int rejected,
    int attached,
    Map<String, Integer> samplesByLanguage,
    Map<String, Integer> rejectionsByReason,
    Map<String, Integer> rejectionsByLanguage) {
  /** Nothing done yet. */
  public static final BatchSummary EMPTY = new BatchSummary(0, 0, 0, null, null, null);

  public BatchSummary {
    if (samplesMade < 0 || rejected < 0 || attached < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    // Sorted maps: the summary prints and serialises the same way on every worker and in every
    // replay.
    samplesByLanguage = sorted(samplesByLanguage);
    rejectionsByReason = sorted(rejectionsByReason);
    rejectionsByLanguage = sorted(rejectionsByLanguage);
  }

  /** This summary with one more item counted. */
  public BatchSummary plus(BatchItem item) {
    Map<String, Integer> byLanguage = new TreeMap<>(samplesByLanguage);
    Map<String, Integer> byReason = new TreeMap<>(rejectionsByReason);
    Map<String, Integer> rejectedByLanguage = new TreeMap<>(rejectionsByLanguage);
    boolean created = item.status() == BatchItemStatus.CREATED;
    if (created) {
      byLanguage.merge(item.language(), 1, Integer::sum);
    } else {
      byReason.merge(item.failure().toLowerCase(Locale.ROOT), 1, Integer::sum);
      rejectedByLanguage.merge(item.language(), 1, Integer::sum);
    }
    return new BatchSummary(
        samplesMade + (created ? 1 : 0),
        rejected + (created ? 0 : 1),
        attached + (item.attached() ? 1 : 0),
        byLanguage,
        byReason,
        rejectedByLanguage);
  }

  /** Items counted. */
  public int finished() {
    return samplesMade + rejected;
  }

  private static Map<String, Integer> sorted(Map<String, Integer> counts) {
    return Collections.unmodifiableMap(new TreeMap<>(counts == null ? Map.of() : counts));
  }
}
