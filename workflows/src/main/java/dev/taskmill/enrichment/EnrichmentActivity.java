package dev.taskmill.enrichment;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Phase 6: computes metadata.json's seven enrichment sections from the sample's real data. */
@ActivityInterface
public interface EnrichmentActivity {
  @ActivityMethod(name = "EnrichMetadata")
  EnrichmentOutput enrich(EnrichmentInput input);
}
