package dev.taskmill.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.progress.Heartbeat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sdist of one release on PyPI's JSON API ({@code /pypi/<name>/json}), and the choice of the
 * release to build: the newest one, not yanked, with an sdist, whose version the requirement allows
 * and whose Requires-Python admits the image's Python.
 *
 * @param sha256 the digest PyPI lists, checked after the download
 */
record SdistRelease(String version, String filename, String url, String sha256) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * PEP 440 as pip reads it, from the packaging library pip vendors: taskmill's own few lines, run
   * by the host's Python on versions and specifiers only; no project code is involved. Prints the
   * index of the newest allowed candidate, or nothing.
   */
  static final String PICKER =
      String.join(
          "\n",
          "import json, sys",
          "from pip._vendor.packaging.requirements import Requirement",
          "from pip._vendor.packaging.specifiers import SpecifierSet",
          "from pip._vendor.packaging.version import Version",
          "q = json.load(open(sys.argv[1]))",
          "spec = Requirement(q['requirement']).specifier",
          "ok = {}",
          "for i, c in enumerate(q['candidates']):",
          "    try:",
          "        v = Version(c['version'])",
          "        if q['python'] and c['requires_python']:",
          "            if q['python'] not in SpecifierSet(c['requires_python']):",
          "                continue",
          "    except Exception:",
          "        continue",
          "    ok[v] = i",
          "allowed = list(spec.filter(ok.keys()))",
          "if allowed:",
          "    print('taskmill-pick %d' % ok[max(allowed)])");

  /** Every release in a JSON API document that has a non-yanked sdist, one sdist each. */
  static List<SdistRelease> sdists(JsonNode document) {
    List<SdistRelease> found = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> releases = document.path("releases").fields();
    while (releases.hasNext()) {
      Map.Entry<String, JsonNode> release = releases.next();
      for (JsonNode file : release.getValue()) {
        if ("sdist".equals(file.path("packagetype").asText())
            && !file.path("yanked").asBoolean(false)
            && !file.path("digests").path("sha256").asText().isEmpty()) {
          found.add(
              new SdistRelease(
                  release.getKey(),
                  file.path("filename").asText(),
                  file.path("url").asText(),
                  file.path("digests").path("sha256").asText()));
          break;
        }
      }
    }
    return found;
  }

  /**
   * The release to build for {@code requirement} (a PEP 508 line) on Python {@code pythonVersion}
   * (null: any), or empty when none fits. Fails when the host's Python cannot say.
   */
  static Optional<SdistRelease> pick(
      JsonNode document, String requirement, String pythonVersion, Heartbeat heartbeat) {
    List<SdistRelease> sdists = sdists(document);
    if (sdists.isEmpty()) {
      return Optional.empty();
    }
    var query = JSON.createObjectNode();
    query.put("requirement", requirement);
    query.put("python", pythonVersion == null ? "" : pythonVersion);
    var candidates = query.putArray("candidates");
    for (SdistRelease sdist : sdists) {
      String requiresPython = requiresPython(document, sdist);
      candidates.addObject().put("version", sdist.version()).put("requires_python", requiresPython);
    }
    Path input = null;
    try {
      input = Files.createTempFile("taskmill-sdist-", ".json");
      JSON.writeValue(input.toFile(), query);
      HostCommand.Result result =
          HostCommand.run(
              List.of("python3", "-c", PICKER, input.toString()),
              input.getParent(),
              Map.of(),
              Duration.ofMinutes(1),
              heartbeat);
      if (!result.ok()) {
        throw new IllegalStateException(
            "the host's Python cannot compare versions: " + result.lastMeaningfulLine());
      }
      return result.tail().stream()
          .filter(l -> l.startsWith("taskmill-pick "))
          .map(l -> sdists.get(Integer.parseInt(l.substring("taskmill-pick ".length()).strip())))
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (input != null) {
        try {
          Files.deleteIfExists(input);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
  }

  private static String requiresPython(JsonNode document, SdistRelease sdist) {
    for (JsonNode file : document.path("releases").path(sdist.version())) {
      if (sdist.filename().equals(file.path("filename").asText())) {
        return file.path("requires_python").asText("");
      }
    }
    return "";
  }
}
