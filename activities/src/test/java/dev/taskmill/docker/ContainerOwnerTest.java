package dev.taskmill.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a container's owner counts as dead: only provably, on this host. */
class ContainerOwnerTest {
  static final Instant STARTED = Instant.parse("2026-01-01T10:00:00Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
      # case                                  | host  | pid | started                   | live start                | dead
      pid not alive on this host              | here  | 42  | 1767261600000             | -                         | true
      pid reused by a process started later   | here  | 42  | 1767261600000             | 2026-01-01T11:00:00Z      | true
      the owner itself, alive                 | here  | 42  | 1767261600000             | 2026-01-01T10:00:00.300Z  | false
      alive, start time unreadable            | here  | 42  | 1767261600000             | unreadable                | false
      another host                            | there | 42  | 1767261600000             | -                         | false
      no owner labels (an older taskmill)     | -     | -   | -                         | -                         | false
      a malformed pid                         | here  | x1  | 1767261600000             | -                         | false
      """)
  void ownerIsDeadOnlyWhenProvablyGone(
      String name, String host, String pid, String started, String liveStart, boolean dead) {
    Map<String, String> labels = new HashMap<>();
    labels.put(ContainerOwner.ROLE_LABEL, "validation-stage");
    if (host != null) {
      labels.put(ContainerOwner.HOST_LABEL, host);
    }
    if (pid != null) {
      labels.put(ContainerOwner.PID_LABEL, pid);
    }
    if (started != null) {
      labels.put(ContainerOwner.STARTED_LABEL, started);
    }
    Optional<Optional<Instant>> live =
        liveStart == null
            ? Optional.empty()
            : Optional.of(
                liveStart.equals("unreadable")
                    ? Optional.empty()
                    : Optional.of(Instant.parse(liveStart)));

    assertThat(ContainerOwner.ownerIsDead(labels, "here", p -> live)).isEqualTo(dead);
  }

  @org.junit.jupiter.api.Test
  void thisProcessIsItsOwnLiveOwner() {
    assertThat(
            ContainerOwner.ownerIsDead(
                ContainerOwner.labels(), ContainerOwner.hostName(), ContainerOwner::livePid))
        .isFalse();
    assertThat(ContainerOwner.labels())
        .containsEntry(ContainerOwner.PID_LABEL, String.valueOf(ProcessHandle.current().pid()));
  }
}
