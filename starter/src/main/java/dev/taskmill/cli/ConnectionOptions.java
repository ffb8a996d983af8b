package dev.taskmill.cli;

import dev.taskmill.client.ConnectionSettings;
import picocli.CommandLine.Option;

/** Where the Temporal server is. Without --address, $TEMPORAL_ADDRESS or localhost:7233 is tried. */
public final class ConnectionOptions {
  @Option(names = "--address", paramLabel = "HOST:PORT",
      description = "Temporal frontend (default: $TEMPORAL_ADDRESS, else localhost:7233).")
  String address;

  @Option(names = "--namespace", defaultValue = ConnectionSettings.DEFAULT_NAMESPACE,
      description = "Temporal namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  /** True when the user named a server, so not finding it is an error rather than a reason to embed one. */
  boolean explicit() {
    return address != null;
  }

  ConnectionSettings settings() {
    String target = address != null ? address : ConnectionSettings.defaultAddress();
    try {
      return new ConnectionSettings(target, namespace);
    } catch (IllegalArgumentException e) {
      throw new UserError(3, "--address '" + target + "' is not host:port; use e.g. --address localhost:7233");
    }
  }
}
