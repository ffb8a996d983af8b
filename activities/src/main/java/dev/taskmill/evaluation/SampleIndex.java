package dev.taskmill.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.verify.SampleVerifier;
import dev.taskmill.workflow.InstanceIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The samples of a samples directory ({@code task-N} folders with a metadata.json) by their
 * instance id.
 */
public final class SampleIndex {
  private static final Pattern TASK = Pattern.compile("task-(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One sample folder and its metadata.json. */
  public record Sample(Path dir, JsonNode metadata, String instanceId) {}

  private final Map<String, Sample> byId;
  private final List<String> skipped;

  private SampleIndex(Map<String, Sample> byId, List<String> skipped) {
    this.byId = byId;
    this.skipped = skipped;
  }

  /** Reads every {@code task-N/metadata.json} under {@code samplesDir}, in N order. */
  public static SampleIndex scan(Path samplesDir) throws IOException {
    Map<String, Sample> byId = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    List<Path> dirs;
    try (Stream<Path> list = Files.list(samplesDir)) {
      dirs =
          list.filter(
                  p -> TASK.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
              .sorted(
                  Comparator.comparingInt(
                      p -> Integer.parseInt(p.getFileName().toString().substring(5))))
              .toList();
    }
    for (Path dir : dirs) {
      Path file = dir.resolve(SampleVerifier.METADATA);
      try {
        JsonNode metadata = JSON.readTree(file.toFile());
        String id = instanceId(metadata);
        if (byId.containsKey(id)) {
          skipped.add(
              dir.getFileName() + ": the same instance as " + byId.get(id).dir().getFileName());
        } else {
          byId.put(id, new Sample(dir.toAbsolutePath().normalize(), metadata, id));
        }
      } catch (IOException | IllegalArgumentException e) {
        skipped.add(
            dir.getFileName()
                + ": "
                + (Files.isRegularFile(file)
                    ? "unreadable metadata.json ("
                        + e.getMessage().lines().findFirst().orElse("")
                        + ")"
                    : "no metadata.json"));
      }
    }
    return new SampleIndex(byId, skipped);
  }

  /** {@code owner__repo-N} from metadata.json's repo.url and pullRequest.number. */
  public static String instanceId(JsonNode metadata) {
    String url = metadata.path("repo").path("url").asText("");
    int pr = metadata.path("pullRequest").path("number").asInt(-1);
    if (url.isBlank() || pr < 0) {
      throw new IllegalArgumentException("metadata.json names no repo.url and pullRequest.number");
    }
    return InstanceIds.of(url, pr);
  }

  public Optional<Sample> find(String instanceId) {
    return Optional.ofNullable(byId.get(instanceId));
  }

  /** Every sample, in task-N order. */
  public List<Sample> samples() {
    return List.copyOf(byId.values());
  }

  /**
   * The task folders left out, each with why (no or unreadable metadata.json, a duplicate
   * instance).
   */
  public List<String> skipped() {
    return List.copyOf(skipped);
  }
}
