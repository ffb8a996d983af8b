package dev.taskmill.workflow;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/** The custom search attributes that make taskmill runs findable in the Web UI. */
public final class SearchAttributeKeys {
  public static final SearchAttributeKey<String> REPO =
      SearchAttributeKey.forKeyword("TaskmillRepo");
  public static final SearchAttributeKey<Long> PR = SearchAttributeKey.forLong("TaskmillPr");
  public static final SearchAttributeKey<String> LANGUAGE =
      SearchAttributeKey.forKeyword("TaskmillLanguage");
  public static final SearchAttributeKey<String> PHASE =
      SearchAttributeKey.forKeyword("TaskmillPhase");
  public static final SearchAttributeKey<String> OUTCOME =
      SearchAttributeKey.forKeyword("TaskmillOutcome");

  public static final List<SearchAttributeKey<?>> ALL = List.of(REPO, PR, LANGUAGE, PHASE, OUTCOME);

  private SearchAttributeKeys() {}
}
