package dev.taskmill.cli;

import dev.taskmill.client.ConnectionSettings;
import picocli.CommandLine.Option;

/**
 * Where the Temporal server is. Without --address, $TEMPORAL_ADDRESS or localhost:7233 is tried;
 * TLS and an API key come from the temporal CLI's variables (ConnectionSettings.fromEnvironment).
 */
public final class ConnectionOptions {
  @Option(
      names = "--address",
      paramLabel = "HOST:PORT",
      description = "Temporal frontend (default: $TEMPORAL_ADDRESS, else localhost:7233).")
  String address;

  @Option(
      names = "--namespace",
      description =
          "Temporal namespace (default: $TEMPORAL_NAMESPACE, else default)."
              + " TLS, mTLS and an API key come from TEMPORAL_TLS*, TEMPORAL_API_KEY: docs/operations.md")
  String namespace;

  /**
   * True when the user named a server, so not finding it is an error rather than a reason to embed
   * one.
   */
  boolean explicit() {
    return address != null;
  }

  ConnectionSettings settings() {
    String target = address != null ? address : ConnectionSettings.defaultAddress();
    try {
      return ConnectionSettings.fromEnvironment(address, namespace);
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith("Temporal address")) {
        throw new UserError(
            3, "--address '" + target + "' is not host:port; use e.g. --address localhost:7233");
      }
      throw new UserError(3, e.getMessage());
    }
  }
}
