package dev.taskmill.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.enrichment.diff.DiffSemantics;
import dev.taskmill.git.RepositoryCache;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;

/**
 * The diffSemantics section from real parsers: the files before and after come from the worker's
 * clone of the repository at the base and merge commits (re-created from the URL when this worker
 * has none).
 */
public final class ParsedDiffSemantics implements DiffSemanticsSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryCache repositories;

  public ParsedDiffSemantics(RepositoryCache repositories) {
    this.repositories = repositories;
  }

  @Override
  public JsonNode diffSemantics(EnrichmentInput input) {
    var pr = input.analysis().pullRequest();
    try (Repository repository =
        repositories.open(input.repoUrl(), null, pr.baseCommit(), pr.mergeCommit())) {
      DiffSemantics semantics =
          DiffSemantics.of(
              repository,
              pr.baseCommit(),
              pr.mergeCommit(),
              Path.of(input.patches().fixPatch()),
              Path.of(input.patches().testsPatch()));
      return JSON.valueToTree(semantics);
    }
  }
}
