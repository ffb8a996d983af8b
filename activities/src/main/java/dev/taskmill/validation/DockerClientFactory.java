package dev.taskmill.validation;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/**
 * The validation's own minimal docker-java client factory (core + httpclient5, DOCKER_HOST honoured, API version
 * left unset so that engine 20.10 / API 1.41 accepts it). To be unified with dev.taskmill.docker.DockerClients.
 */
public final class DockerClientFactory {
  static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  private DockerClientFactory() {}

  /** Where the client looks: DOCKER_HOST when set, else the local socket. */
  public static String dockerHost() {
    String host = System.getenv("DOCKER_HOST");
    return host == null || host.isBlank() ? DEFAULT_HOST : host.trim();
  }

  public static DockerClient create() {
    return create(dockerHost());
  }

  /** A client for an explicit engine address such as unix:///var/run/docker.sock or tcp://host:2375. */
  public static DockerClient create(String dockerHost) {
    DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(dockerHost)
        .build();
    ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(32)
        .connectionTimeout(Duration.ofSeconds(5))
        .build();
    return DockerClientImpl.getInstance(config, http);
  }
}
