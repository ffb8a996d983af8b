package dev.taskmill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmill.phase.Phase;
import dev.taskmill.workflow.PhaseProgress;
import dev.taskmill.workflow.PhaseState;
import dev.taskmill.workflow.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The board as a log or a pipe sees it: one line per phase change, never the whole board again. */
class LiveBoardTest {
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final Map<Phase, PhaseState> states = new EnumMap<>(Phase.class);

  Progress board(String detail) {
    List<PhaseProgress> phases = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      PhaseState state = states.getOrDefault(phase, PhaseState.WAITING);
      phases.add(new PhaseProgress(phase, state, state == PhaseState.WAITING ? 0 : 1, 0, detail));
    }
    return new Progress(phases, detail, null, null, List.of());
  }

  List<String> printed() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Nested
  class WithoutATerminal {
    final LiveBoard live =
        new LiveBoard(null, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, null);

    @Test
    void aWholeRunIsOneLinePerPhaseChange() {
      live.draw(board("queued"));
      int changes = 0;
      for (Phase phase : Phase.values()) {
        states.put(phase, PhaseState.RUNNING);
        live.draw(board("working on " + phase));
        live.draw(board("still working on " + phase)); // a new detail alone prints nothing
        states.put(phase, PhaseState.DONE);
        live.draw(board("done " + phase));
        changes += 2;
      }

      assertThat(printed()).hasSize(changes);
      assertThat(printed())
          .allSatisfy(
              line -> assertThat(line).doesNotContain("\033").isEqualTo(line.stripTrailing()));
      assertThat(printed().get(0)).contains("1.").contains("running");
      assertThat(printed().get(1)).contains("1.").contains("done");
    }

    @Test
    void aPhaseThatRunsAgainForTheNextCandidateIsPrintedAgain() {
      states.put(Phase.values()[0], PhaseState.RUNNING);
      live.draw(board("PR #1"));
      states.put(Phase.values()[0], PhaseState.FAILED);
      live.draw(board("PR #1 left"));
      states.put(Phase.values()[0], PhaseState.RUNNING);
      live.draw(board("PR #2"));

      assertThat(printed()).hasSize(3);
    }
  }

  @Nested
  class OnATerminal {
    @Test
    void theBoardIsRedrawnInPlace() {
      LiveBoard live =
          new LiveBoard(null, new PrintStream(bytes, true, StandardCharsets.UTF_8), true, null);
      live.draw(board("a"));
      live.draw(board("b"));
      assertThat(bytes.toString(StandardCharsets.UTF_8))
          .contains("\033[" + (Phase.values().length + 1) + "A");
    }
  }
}
