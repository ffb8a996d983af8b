package dev.taskmill.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Per-line coverage of one stage, by report file path: the executable lines and the covered ones.
 * Read from coverage.py JSON ({@code executed_lines}, {@code missing_lines}), Go cover profiles
 * (blocks) and JaCoCo XML ({@code <line nr ci>}). Istanbul's json-summary has totals only: it gives
 * no per-line data.
 *
 * @param formats the report formats read ("coverage.py", "go", "jacoco"); summaries without lines
 *     are in {@code withoutLines}
 */
public record LineHits(
    Map<String, Set<Integer>> executable,
    Map<String, Set<Integer>> covered,
    Set<String> formats,
    Set<String> withoutLines) {
  private static final long MAX_BYTES = 256L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  public boolean hasLineData() {
    return !formats.isEmpty();
  }

  /** Reads every report under {@code coverageDir}; empty maps when there is none. */
  public static LineHits read(Path coverageDir) throws IOException {
    LineHits hits =
        new LineHits(
            new HashMap<>(), new HashMap<>(), new java.util.TreeSet<>(), new java.util.TreeSet<>());
    if (!Files.isDirectory(coverageDir)) {
      return hits;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(coverageDir, 6)) {
      files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
    for (Path f : files) {
      if (Files.size(f) > MAX_BYTES) {
        continue;
      }
      String head;
      try (InputStream in = Files.newInputStream(f)) {
        head = new String(in.readNBytes(256), StandardCharsets.UTF_8).stripLeading();
      }
      try {
        if (head.startsWith("mode:")) {
          try (BufferedReader r = Files.newBufferedReader(f)) {
            hits.readGo(r);
          }
        } else if (head.startsWith("{")) {
          hits.readJson(JSON.readTree(f.toFile()));
        } else if (head.startsWith("<")) {
          try (InputStream in = Files.newInputStream(f)) {
            hits.readJacoco(in);
          }
        }
      } catch (IOException | RuntimeException unreadable) {
        // a report that cannot be read adds nothing; CoverageReader already logged the totals
      }
    }
    return hits;
  }

  private void add(String file, int line, boolean hit) {
    executable.computeIfAbsent(file, k -> new HashSet<>()).add(line);
    if (hit) {
      covered.computeIfAbsent(file, k -> new HashSet<>()).add(line);
    }
  }

  void readJson(JsonNode root) {
    JsonNode files = root.path("files");
    if (root.path("totals").isObject() && files.isObject()) {
      boolean any = false;
      for (var it = files.fields(); it.hasNext(); ) {
        var e = it.next();
        JsonNode executed = e.getValue().path("executed_lines");
        if (!executed.isArray()) {
          continue;
        }
        any = true;
        executed.forEach(n -> add(e.getKey(), n.asInt(), true));
        e.getValue().path("missing_lines").forEach(n -> add(e.getKey(), n.asInt(), false));
      }
      (any ? formats : withoutLines).add("coverage.py");
    } else if (root.path("total").path("lines").isObject()) {
      withoutLines.add("istanbul json-summary");
    }
  }

  void readGo(BufferedReader in) throws IOException {
    in.readLine(); // mode: set
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      // file.go:12.34,15.2 3 1
      String[] parts = line.trim().split(" ");
      int colon = parts[0].lastIndexOf(':');
      if (parts.length != 3 || colon < 0) {
        continue;
      }
      String[] range = parts[0].substring(colon + 1).split(",");
      int from = Integer.parseInt(range[0].split("\\.")[0]);
      int to = Integer.parseInt(range[1].split("\\.")[0]);
      boolean hit = Long.parseLong(parts[2]) > 0;
      for (int n = from; n <= to; n++) {
        add(parts[0].substring(0, colon), n, hit);
      }
    }
    formats.add("go");
  }

  void readJacoco(InputStream in) throws IOException {
    Element report = dev.taskmill.validation.coverage.JacocoXml.root(in);
    if (!report.getTagName().equals("report")) {
      return;
    }
    NodeList packages = report.getElementsByTagName("package");
    boolean any = false;
    for (int i = 0; i < packages.getLength(); i++) {
      Element pkg = (Element) packages.item(i);
      NodeList sources = pkg.getElementsByTagName("sourcefile");
      for (int j = 0; j < sources.getLength(); j++) {
        Element source = (Element) sources.item(j);
        String file =
            (pkg.getAttribute("name").isEmpty() ? "" : pkg.getAttribute("name") + "/")
                + source.getAttribute("name");
        NodeList lines = source.getElementsByTagName("line");
        for (int k = 0; k < lines.getLength(); k++) {
          Element line = (Element) lines.item(k);
          any = true;
          add(
              file,
              Integer.parseInt(line.getAttribute("nr")),
              Integer.parseInt(line.getAttribute("ci")) > 0);
        }
      }
    }
    (any ? formats : withoutLines).add("jacoco");
  }

  /**
   * The report's key for a repository path: the same path, or one that ends (or the repo path ends)
   * with it.
   */
  public Optional<String> keyFor(String repoPath) {
    if (executable.containsKey(repoPath)) {
      return Optional.of(repoPath);
    }
    List<String> matches = new ArrayList<>();
    for (String key : executable.keySet()) {
      String k = key.replace('\\', '/');
      if (k.endsWith("/" + repoPath) || repoPath.endsWith("/" + k)) {
        matches.add(key);
      }
    }
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }
}
