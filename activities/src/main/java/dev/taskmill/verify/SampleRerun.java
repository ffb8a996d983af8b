package dev.taskmill.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/** Runs a sample's validation cycle again and returns the FAIL_TO_PASS tests it finds. */
@FunctionalInterface
public interface SampleRerun {
  List<String> failToPass(Path sampleDir, JsonNode metadata) throws Exception;
}
