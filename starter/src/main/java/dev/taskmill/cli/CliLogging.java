package dev.taskmill.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the SDK's and gRPC's logging off a CLI command's terminal: their warnings come with stack
 * traces (one per retry against a dead server), while the command reports every failure in one
 * line. {@code --stacktrace} keeps them; the worker command keeps them too, since its log is an
 * operator's only view.
 */
final class CliLogging {
  private static final String[] NOISY = {"io.temporal", "io.grpc", "io.netty"};

  private CliLogging() {}

  static void quietLibraries() {
    if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext)) {
      return;
    }
    for (String name : NOISY) {
      ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.OFF);
    }
  }
}
