package dev.taskmill.phase;

/** The six phases of making a sample, in the order they run. */
public enum Phase {
  ANALYSIS("Analyse repository"),
  PATCHES("Extract patches"),
  TRAJECTORIES("Write trajectories"),
  ENVIRONMENT("Build environment"),
  VALIDATION("Validate in Docker"),
  ENRICHMENT("Enrich metadata");

  private final String title;

  Phase(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
