package dev.taskmill.client;

import java.util.Objects;

/**
 * Where a Temporal server is and which namespace to use.
 *
 * @param address host:port of the frontend, e.g. localhost:7233
 */
public record ConnectionSettings(String address, String namespace) {
  public static final String DEFAULT_ADDRESS = "localhost:7233";
  public static final String DEFAULT_NAMESPACE = "default";

  public ConnectionSettings {
    Objects.requireNonNull(address, "address");
    if (!address.matches("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}")) {
      throw new IllegalArgumentException("Temporal address must be host:port, got '" + address + "'");
    }
    namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
  }

  /** $TEMPORAL_ADDRESS when set, else localhost:7233. */
  public static String defaultAddress() {
    String env = System.getenv("TEMPORAL_ADDRESS");
    return env == null || env.isBlank() ? DEFAULT_ADDRESS : env;
  }
}
