package dev.taskmill.validation.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every machine-readable report under a stage's reports directory and merges them. The format
 * is recognised by content (XML, jest JSON, go test events), so file names are free.
 */
public final class ReportReader {
  private static final Logger LOG = LoggerFactory.getLogger(ReportReader.class);

  /** Reports come from untrusted code: a huge file is skipped rather than read into memory. */
  static final long MAX_REPORT_BYTES = 64L * 1024 * 1024;

  private final ContainerPaths paths;
  private final ObjectMapper json = new ObjectMapper();

  public ReportReader(ContainerPaths paths) {
    this.paths = paths;
  }

  public TestResults readAll(Path reportsDir) throws IOException {
    if (!Files.isDirectory(reportsDir)) {
      return TestResults.empty();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(reportsDir, 8)) {
      files =
          walk.filter(Files::isRegularFile).filter(p -> !Files.isSymbolicLink(p)).sorted().toList();
    }
    TestResults all = TestResults.empty();
    for (Path file : files) {
      all = all.merge(read(file));
    }
    return all;
  }

  /** One report file; an unreadable or unknown file adds nothing and is logged. */
  public TestResults read(Path file) throws IOException {
    if (Files.size(file) > MAX_REPORT_BYTES) {
      LOG.warn("skipping report {}: larger than {} bytes", file, MAX_REPORT_BYTES);
      return TestResults.empty();
    }
    byte[] bytes = Files.readAllBytes(file);
    String head =
        new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8).stripLeading();
    try {
      if (head.startsWith("<")) {
        try (InputStream in = Files.newInputStream(file)) {
          return new JUnitXmlReport(paths).parse(in);
        }
      }
      if (head.startsWith("{")) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode whole = readWhole(text);
        if (whole != null && JestJsonReport.looksLikeJest(whole)) {
          return new JestJsonReport(paths).parse(whole);
        }
        return new GoTestJsonReport(json).parse(new StringReader(text));
      }
    } catch (IOException e) {
      LOG.warn("skipping report {}: {}", file, e.getMessage());
    }
    return TestResults.empty();
  }

  private JsonNode readWhole(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      return null; // a go event stream is many documents, not one
    }
  }
}
