package dev.taskmill.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.taskmill.failure.FailureType;
import dev.taskmill.failure.Failures;
import java.time.Duration;

/**
 * The one place that makes docker-java clients: DOCKER_HOST is honoured, and the API version is
 * pinned to 1.41 because Debian's engine 20.10 refuses newer clients ("client version 1.44 is too
 * new").
 */
public final class DockerClients {
  /** The API version of Docker 20.10; newer engines still accept it. */
  public static final String API_VERSION = "1.41";

  private DockerClients() {}

  /** A client for DOCKER_HOST, or the local socket when it is not set. */
  public static DockerClient fromEnvironment() {
    return create(
        DefaultDockerClientConfig.createDefaultConfigBuilder().withApiVersion(API_VERSION).build());
  }

  /**
   * A client for an explicit engine address such as "unix:///var/run/docker.sock" or
   * "tcp://host:2375".
   */
  public static DockerClient forHost(String dockerHost) {
    return create(
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withApiVersion(API_VERSION)
            .withDockerHost(dockerHost)
            .withDockerTlsVerify(false)
            .build());
  }

  private static DockerClient create(DefaultDockerClientConfig config) {
    DockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(Duration.ofSeconds(10))
            // Image builds and test stages stream for minutes; no response timeout here, callers
            // bound them.
            .maxConnections(32)
            .build();
    return DockerClientImpl.getInstance(config, http);
  }

  /**
   * The engine address a client from {@link #fromEnvironment()} uses: DOCKER_HOST, else the local
   * socket.
   */
  public static String dockerHost() {
    String host = System.getenv("DOCKER_HOST");
    return host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host.trim();
  }

  /** Where a client from {@link #fromEnvironment()} connects, for messages. */
  public static String where() {
    String host = System.getenv("DOCKER_HOST");
    return host != null && !host.isBlank()
        ? "DOCKER_HOST=" + host
        : "/var/run/docker.sock (DOCKER_HOST is not set)";
  }

  /** Whether the engine answers a ping. */
  public static boolean reachable(DockerClient client) {
    try {
      client.pingCmd().exec();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Pings the engine; when it does not answer, fails with DOCKER_UNREACHABLE in one line saying
   * what to do.
   */
  public static void requireReachable(DockerClient client) {
    try {
      client.pingCmd().exec();
    } catch (RuntimeException e) {
      throw Failures.of(
          FailureType.DOCKER_UNREACHABLE,
          "the Docker engine does not answer at "
              + where()
              + ": start dockerd (or run .ci/setup-docker.sh) or point DOCKER_HOST at a running engine");
    }
  }
}
