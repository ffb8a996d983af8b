package dev.taskmill.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's own classpath is what a caller gets: none of taskmill's I/O may come along with it.
 */
class ClientClasspathTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.eclipse.jgit.lib.Repository",
        "com.github.dockerjava.api.DockerClient",
        "dev.taskmill.worker.TaskmillWorkers",
        "dev.taskmill.docker.DockerClients",
        "io.temporal.testserver.TestServer",
        "picocli.CommandLine"
      })
  void doesNotBringAlong(String className) {
    assertThat(loadable(className)).as(className).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"io.temporal.client.WorkflowClient", "dev.taskmill.workflow.SampleRequest"})
  void bringsTheSdkAndTheContract(String className) {
    // The check above would pass on a broken classpath too; this one shows the class loader does
    // find things.
    assertThat(loadable(className)).as(className).isTrue();
  }

  private static boolean loadable(String className) {
    try {
      Class.forName(className, false, ClientClasspathTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
