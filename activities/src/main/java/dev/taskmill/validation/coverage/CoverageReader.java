package dev.taskmill.validation.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the coverage report a stage wrote under out/coverage and reads its line coverage: JaCoCo
 * XML, coverage.py JSON, istanbul json-summary or a go coverprofile, recognised by content.
 */
public final class CoverageReader {
  private static final Logger LOG = LoggerFactory.getLogger(CoverageReader.class);
  private static final long MAX_BYTES = 256L * 1024 * 1024;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * The combined coverage of every readable report (a multi-module build writes one JaCoCo report
   * per module), or empty when there is none.
   */
  public Optional<LineCoverage> read(Path coverageDir) throws IOException {
    if (!Files.isDirectory(coverageDir)) {
      return Optional.empty();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(coverageDir, 6)) {
      files =
          walk.filter(Files::isRegularFile).filter(p -> !Files.isSymbolicLink(p)).sorted().toList();
    }
    return files.stream().map(this::readFile).flatMap(Optional::stream).reduce(LineCoverage::plus);
  }

  Optional<LineCoverage> readFile(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      String head;
      try (InputStream in = Files.newInputStream(file)) {
        head =
            new String(in.readNBytes(256), java.nio.charset.StandardCharsets.UTF_8).stripLeading();
      }
      if (head.startsWith("<")) {
        try (InputStream in = Files.newInputStream(file)) {
          return JacocoXmlCoverage.read(in);
        }
      }
      if (head.startsWith("mode:")) {
        try (var reader = Files.newBufferedReader(file)) {
          return GoCoverProfile.read(reader);
        }
      }
      if (head.startsWith("{")) {
        JsonNode root = json.readTree(file.toFile());
        Optional<LineCoverage> py = CoveragePyJson.read(root);
        return py.isPresent() ? py : IstanbulSummary.read(root);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("skipping coverage report {}: {}", file, e.getMessage());
    }
    return Optional.empty();
  }
}
