package dev.taskmill.assembly;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/**
 * Test helper: assembles one sample in a separate JVM (so the samples/.lock file lock is what keeps
 * order).
 */
public final class ChildAssembler {
  private ChildAssembler() {}

  /** Usage: ChildAssembler INPUT_JSON; prints the task number. */
  public static void main(String[] args) throws Exception {
    AssemblyInput input =
        new ObjectMapper().readValue(Path.of(args[0]).toFile(), AssemblyInput.class);
    System.out.println(new SampleAssembler().assemble(input).taskNumber());
  }
}
