package dev.taskmill.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmill.progress.Heartbeat;
import io.temporal.client.ActivityCanceledException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatProgressMonitorTest {
  @Test
  void heartbeatsTaskAndPercentOncePerPercent() {
    List<String> beats = new ArrayList<>();
    HeartbeatProgressMonitor monitor = new HeartbeatProgressMonitor(beats::add);
    monitor.beginTask("Receiving objects", 200);
    for (int i = 0; i < 200; i++) {
      monitor.update(1);
    }
    monitor.endTask();
    assertThat(beats)
        .startsWith("Receiving objects", "Receiving objects 0%", "Receiving objects 1%")
        .contains("Receiving objects 50%", "Receiving objects 100%")
        .endsWith("Receiving objects done")
        .hasSize(1 + 101 + 1);
    assertThat(monitor.isCancelled()).isFalse();
  }

  @Test
  void turnsCancelledWhenTheHeartbeatSaysTheActivityWasCancelled() {
    ActivityCanceledException cancel = new ActivityCanceledException();
    List<String> beats = new ArrayList<>();
    HeartbeatProgressMonitor monitor =
        new HeartbeatProgressMonitor(
            detail -> {
              beats.add(detail);
              if (detail.endsWith("3%")) {
                throw cancel;
              }
            });
    monitor.beginTask("Receiving objects", 100);
    for (int i = 0; i < 10; i++) {
      monitor.update(1);
    }
    assertThat(monitor.isCancelled()).isTrue();
    assertThat(beats).last().isEqualTo("Receiving objects 3%");
    assertThatThrownBy(monitor::throwIfCancelled).isSameAs(cancel);
  }

  @Test
  void outsideAnActivityHeartbeatsGoNowhere() {
    HeartbeatProgressMonitor monitor = new HeartbeatProgressMonitor(Heartbeat.ofCurrentActivity());
    monitor.beginTask("Counting objects", 10);
    monitor.update(10);
    assertThat(monitor.isCancelled()).isFalse();
    assertThat(monitor.lastDetail()).isEqualTo("Counting objects 100%");
  }
}
