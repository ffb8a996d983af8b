package dev.taskmill.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageParallelismTest {
  private static final long GIB = 1024L * 1024 * 1024;

  @ParameterizedTest(name = "{0} CPUs, {1} GiB, {2} MiB a stage -> {3}")
  @CsvSource({
    "1, 24, 4096, 1", // one CPU: side by side only adds switching
    "2, 24, 4096, 3", // this project's machines
    "16, 64, 4096, 3", // never more than a round has
    "2, 8, 4096, 1", // 6 GiB usable: one 4 GiB stage at a time
    "2, 12, 4096, 2",
  })
  void theDefaultFollowsTheDockerHost(int cpus, long gib, int memoryMb, int width) {
    assertThat(StageParallelism.forHost(cpus, gib * GIB, memoryMb, null).width()).isEqualTo(width);
  }

  @Test
  void theWorkersSettingWins() {
    assertThat(StageParallelism.forHost(16, 64 * GIB, 4096, "1").width()).isEqualTo(1);
    assertThat(StageParallelism.forHost(1, GIB, 4096, "9").width()).isEqualTo(3);
    assertThatThrownBy(() -> StageParallelism.forHost(2, GIB, 4096, "two"))
        .hasMessageContaining(StageParallelism.ENV);
  }

  @Test
  void stagesSideBySideShareTheSamplesCpuLimit() {
    StageParallelism three = new StageParallelism(3);

    assertThat(three.cpusEach(2.0, 3)).isCloseTo(0.667, org.assertj.core.data.Offset.offset(0.001));
    assertThat(three.cpusEach(2.0, 2)).isEqualTo(1.0);
    assertThat(three.cpusEach(2.0, 1)).isEqualTo(2.0);
    assertThat(three.cpusEach(1.0, 3)).isEqualTo(0.5);
  }
}
