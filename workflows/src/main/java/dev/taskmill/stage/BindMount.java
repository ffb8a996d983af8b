package dev.taskmill.stage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One bind mount; both paths absolute. In JSON (EnvironmentOutput, recorded histories) and in
 * run.sh it is the contract's string "hostPath:containerPath:ro|rw", so payloads read the same as
 * when mounts were strings.
 */
public record BindMount(String hostPath, String containerPath, boolean readOnly) {
  public BindMount {
    if (hostPath == null || !hostPath.startsWith("/")) {
      throw new IllegalArgumentException("a mount's host path must be absolute: " + hostPath);
    }
    if (containerPath == null || !containerPath.startsWith("/")) {
      throw new IllegalArgumentException(
          "a mount's container path must be absolute: " + containerPath);
    }
    if (hostPath.contains(":") || containerPath.contains(":")) {
      throw new IllegalArgumentException(
          "a mount path must not contain ':': " + hostPath + " -> " + containerPath);
    }
  }

  public static BindMount readOnly(String hostPath, String containerPath) {
    return new BindMount(hostPath, containerPath, true);
  }

  public static BindMount readWrite(String hostPath, String containerPath) {
    return new BindMount(hostPath, containerPath, false);
  }

  /** Parses "host:container" (read-only) or "host:container:ro|rw". */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static BindMount parse(String spec) {
    String[] parts = spec == null ? new String[0] : spec.split(":");
    try {
      if (parts.length == 2) {
        return readOnly(parts[0], parts[1]);
      }
      if (parts.length == 3 && (parts[2].equals("ro") || parts[2].equals("rw"))) {
        return new BindMount(parts[0], parts[1], parts[2].equals("ro"));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " (in mount " + spec + ")", e);
    }
    throw new IllegalArgumentException(
        "a mount must look like /host/path:/container/path:ro|rw, got: " + spec);
  }

  /** The contract's form, "hostPath:containerPath:ro|rw", which {@link #parse} reads back. */
  @JsonValue
  public String spec() {
    return hostPath + ":" + containerPath + (readOnly ? ":ro" : ":rw");
  }
}
