package dev.taskmill.stage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmill.environment.EnvironmentOutput;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract's values are the ones docs/stage-contract.md names, and mounts keep their string
 * form in JSON.
 */
class StageContractTest {
  @Nested
  class Values {
    @Test
    void exitCodesAreTheDocumentedOnes() {
      assertThat(List.of(StageContract.Exit.values()))
          .extracting(StageContract.Exit::code)
          .containsExactly(0, 1, 3, 4);
      assertThat(StageContract.Exit.BUILD_FAILED.is(4)).isTrue();
      assertThat(StageContract.Exit.BUILD_FAILED.is(3)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(StageContract.DependencyCache.class)
    void everyDependencyCacheIsUnderDeps(StageContract.DependencyCache cache) {
      assertThat(cache.containerPath()).startsWith(StageContract.DEPS_DIR + "/");
      BindMount mount = cache.mount("/host/cache");
      assertThat(mount.readOnly()).isTrue();
      assertThat(cache.isAt(mount)).isTrue();
    }

    @Test
    void theShellSeesTheSameValues() {
      assertThat(StageContract.shellVariables())
          .containsEntry("TASKMILL_USER", "1000:1000")
          .containsEntry("TASKMILL_EXIT_PATCH", 3)
          .containsEntry("TASKMILL_EXIT_BUILD", 4)
          .containsEntry("TASKMILL_DEPS_DIR", "/taskmill/deps")
          .containsEntry("TASKMILL_MAVEN_SKIP_FLAGS", StageContract.MAVEN_SKIP_FLAGS);
      assertThat(StageContract.shellVariables().keySet())
          .allMatch(name -> name.matches("TASKMILL_[A-Z_]+"));
    }
  }

  @Nested
  class MountsInJson {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void environmentOutputWritesAndReadsMountsAsTheContractsStrings() throws Exception {
      String recorded =
          "{\"dockerfile\":\"/w/Dockerfile\",\"runScript\":\"/w/run.sh\",\"baseImage\":\"b:1\","
              + "\"environmentImage\":\"e:1\",\"sampleImage\":\"s:1\",\"toolchainVersion\":\"17\","
              + "\"mounts\":[\"/cache/m2:/taskmill/deps/m2:ro\"],\"user\":\"1000:1000\"}";

      EnvironmentOutput read = json.readValue(recorded, EnvironmentOutput.class);

      assertThat(read.mounts())
          .containsExactly(StageContract.DependencyCache.M2.mount("/cache/m2"));
      // A payload recorded before dependencyNotes existed reads, and is written back with the field
      // empty.
      assertThat(json.readTree(json.writeValueAsString(read)))
          .isEqualTo(json.readTree(recorded.replace("}", ",\"dependencyNotes\":[]}")));
    }
  }
}
