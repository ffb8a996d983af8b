package dev.taskmill.stage;

/** One bind mount, parsed from the contract's "hostPath:containerPath:ro|rw" form; both paths absolute. */
public record BindMount(String hostPath, String containerPath, boolean readOnly) {
  public BindMount {
    if (hostPath == null || !hostPath.startsWith("/")) {
      throw new IllegalArgumentException("a mount's host path must be absolute: " + hostPath);
    }
    if (containerPath == null || !containerPath.startsWith("/")) {
      throw new IllegalArgumentException("a mount's container path must be absolute: " + containerPath);
    }
    if (hostPath.contains(":") || containerPath.contains(":")) {
      throw new IllegalArgumentException("a mount path must not contain ':': " + hostPath + " -> " + containerPath);
    }
  }

  public static BindMount readOnly(String hostPath, String containerPath) {
    return new BindMount(hostPath, containerPath, true);
  }

  public static BindMount readWrite(String hostPath, String containerPath) {
    return new BindMount(hostPath, containerPath, false);
  }

  /** Parses "host:container" (read-only) or "host:container:ro|rw". */
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
    throw new IllegalArgumentException("a mount must look like /host/path:/container/path:ro|rw, got: " + spec);
  }
}
