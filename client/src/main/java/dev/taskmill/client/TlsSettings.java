package dev.taskmill.client;

/**
 * TLS for the connection to Temporal, as the temporal CLI names it: on or off, a client certificate
 * and key for mTLS, a CA for servers whose certificate the JVM does not trust, and a server name to
 * verify instead of the address's host.
 *
 * @param enabled TLS with the JVM's trust store even without any path (Temporal Cloud with an API
 *     key)
 */
public record TlsSettings(
    boolean enabled,
    String clientCertPath,
    String clientKeyPath,
    String serverCaCertPath,
    String serverName) {
  /** Plain text, the development server's way. */
  public static final TlsSettings NONE = new TlsSettings(false, null, null, null, null);

  public TlsSettings {
    clientCertPath = blankToNull(clientCertPath);
    clientKeyPath = blankToNull(clientKeyPath);
    serverCaCertPath = blankToNull(serverCaCertPath);
    serverName = blankToNull(serverName);
    if ((clientCertPath == null) != (clientKeyPath == null)) {
      throw new IllegalArgumentException(
          "mTLS needs both TEMPORAL_TLS_CLIENT_CERT_PATH and"
              + " TEMPORAL_TLS_CLIENT_KEY_PATH, got only "
              + (clientCertPath == null ? "the key" : "the certificate"));
    }
    // As the temporal CLI does: any TLS option turns TLS on.
    enabled = enabled || clientCertPath != null || serverCaCertPath != null || serverName != null;
  }

  /** Whether a client certificate is presented (mTLS). */
  public boolean mutual() {
    return clientCertPath != null;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
