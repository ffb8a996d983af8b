package dev.taskmill.assembly;

import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.io.IOException;

/**
 * The end of phase 5 as a Temporal activity: a thin adapter over {@link SampleAssembler} and {@link
 * SampleRejecter}.
 */
public class SampleAssemblyActivityImpl implements SampleAssemblyActivity {
  private final SampleAssembler assembler = new SampleAssembler();
  private final SampleRejecter rejecter = new SampleRejecter();

  @Override
  public AssemblyOutput assemble(AssemblyInput input) {
    try {
      return assembler.assemble(input);
    } catch (IOException e) {
      throw Failures.of(
          FailureType.TRANSIENT,
          "cannot assemble "
              + input.sampleKey()
              + " in "
              + input.samplesDir()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public RejectionOutput reject(RejectionInput input) {
    try {
      return rejecter.reject(input);
    } catch (IOException e) {
      throw Failures.of(
          FailureType.TRANSIENT,
          "cannot file the rejection of "
              + input.sampleKey()
              + " in "
              + input.samplesDir()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
