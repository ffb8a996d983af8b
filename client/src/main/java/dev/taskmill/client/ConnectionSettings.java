package dev.taskmill.client;

import java.util.Map;
import java.util.Objects;

/**
 * Where a Temporal server is, which namespace to use, and how to authenticate: TLS or mTLS, and an
 * API key.
 *
 * @param address host:port of the frontend, e.g. localhost:7233
 * @param apiKey sent as "Authorization: Bearer" on every call (Temporal Cloud API keys), or null
 */
public record ConnectionSettings(String address, String namespace, TlsSettings tls, String apiKey) {
  public static final String DEFAULT_ADDRESS = "localhost:7233";
  public static final String DEFAULT_NAMESPACE = "default";

  public ConnectionSettings {
    Objects.requireNonNull(address, "address");
    if (!address.matches("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}")) {
      throw new IllegalArgumentException(
          "Temporal address must be host:port, got '" + address + "'");
    }
    namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    apiKey = TlsSettings.blankToNull(apiKey);
    tls = tls == null ? TlsSettings.NONE : tls;
    if (apiKey != null && !tls.enabled()) {
      // An API key over plain text would leak it; the temporal CLI turns TLS on with one too.
      tls =
          new TlsSettings(
              true,
              tls.clientCertPath(),
              tls.clientKeyPath(),
              tls.serverCaCertPath(),
              tls.serverName());
    }
  }

  /** Plain text, no credentials: the development server, a cluster inside a private network. */
  public ConnectionSettings(String address, String namespace) {
    this(address, namespace, TlsSettings.NONE, null);
  }

  /** $TEMPORAL_ADDRESS when set, else localhost:7233. */
  public static String defaultAddress() {
    String env = System.getenv("TEMPORAL_ADDRESS");
    return env == null || env.isBlank() ? DEFAULT_ADDRESS : env;
  }

  /**
   * The settings from this process's environment, with the values given on the command line first.
   */
  public static ConnectionSettings fromEnvironment(String address, String namespace) {
    return fromEnvironment(address, namespace, System.getenv());
  }

  /**
   * The settings from {@code env}, read under the temporal CLI's variable names (TEMPORAL_ADDRESS,
   * TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS, TEMPORAL_TLS_CLIENT_CERT_PATH,
   * TEMPORAL_TLS_CLIENT_KEY_PATH, TEMPORAL_TLS_SERVER_CA_CERT_PATH, TEMPORAL_TLS_SERVER_NAME);
   * {@code address} and {@code namespace} win when given.
   */
  public static ConnectionSettings fromEnvironment(
      String address, String namespace, Map<String, String> env) {
    String target = address != null ? address : or(env.get("TEMPORAL_ADDRESS"), DEFAULT_ADDRESS);
    String ns =
        namespace != null ? namespace : or(env.get("TEMPORAL_NAMESPACE"), DEFAULT_NAMESPACE);
    String tlsFlag = env.getOrDefault("TEMPORAL_TLS", "");
    TlsSettings tls =
        new TlsSettings(
            tlsFlag.equalsIgnoreCase("true") || tlsFlag.equals("1"),
            env.get("TEMPORAL_TLS_CLIENT_CERT_PATH"),
            env.get("TEMPORAL_TLS_CLIENT_KEY_PATH"),
            env.get("TEMPORAL_TLS_SERVER_CA_CERT_PATH"),
            env.get("TEMPORAL_TLS_SERVER_NAME"));
    return new ConnectionSettings(target, ns, tls, env.get("TEMPORAL_API_KEY"));
  }

  /** One line for logs: address, namespace and the kind of security, never the key. */
  public String describe() {
    String security = !tls.enabled() ? "plain text" : tls.mutual() ? "mTLS" : "TLS";
    return address
        + " (namespace "
        + namespace
        + ", "
        + security
        + (apiKey != null ? ", API key" : "")
        + ")";
  }

  @Override
  public String toString() {
    return "ConnectionSettings[" + describe() + "]";
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
