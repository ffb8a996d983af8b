package dev.taskmill.worker;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a finished run's history for the replay test when -Dtaskmill.recordHistories=DIR is set,
 * e.g. {@code ./mvnw -pl worker test
 * -Dtaskmill.recordHistories=$PWD/workflows/src/test/resources/histories}. The recording run's
 * temporary folders become {@link #NEUTRAL}, so a history names no machine's paths.
 */
final class HistoryRecorder {
  /** What JUnit's temporary folders (/tmp/junit-123...) are written as. */
  static final String NEUTRAL = "/tmp/taskmill-replay";

  private static final Pattern TEMP = Pattern.compile("/tmp/junit-?\\d+");

  /**
   * A payload's data: base64 of JSON, in which the paths sit out of reach of a plain text
   * replacement.
   */
  private static final Pattern DATA =
      Pattern.compile("(\"data\": \")([A-Za-z0-9+/]+(?:\\\\u003d|=)*)(\")");

  private HistoryRecorder() {}

  static void record(WorkflowClient client, String workflowId, String name) {
    String dir = System.getProperty("taskmill.recordHistories");
    if (dir == null || dir.isBlank()) {
      return;
    }
    try {
      Files.writeString(
          Path.of(dir, name + ".json"), neutral(client.fetchHistory(workflowId).toJson(true)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The history with every temporary folder of the recording run replaced by {@link #NEUTRAL}. */
  static String neutral(String json) {
    Matcher m = DATA.matcher(json);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      boolean escaped = m.group(2).contains("\\u003d");
      String decoded =
          new String(
              Base64.getDecoder().decode(m.group(2).replace("\\u003d", "=")),
              StandardCharsets.UTF_8);
      String encoded =
          Base64.getEncoder()
              .encodeToString(
                  TEMP.matcher(decoded).replaceAll(NEUTRAL).getBytes(StandardCharsets.UTF_8));
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(
              m.group(1) + (escaped ? encoded.replace("=", "\\u003d") : encoded) + m.group(3)));
    }
    m.appendTail(out);
    return TEMP.matcher(out).replaceAll(NEUTRAL);
  }
}
