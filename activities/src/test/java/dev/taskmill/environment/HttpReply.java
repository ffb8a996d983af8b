package dev.taskmill.environment;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** The local package index's answer in the tests: the body with 200, or 404 when there is none. */
final class HttpReply {
  private HttpReply() {}

  static void send(HttpExchange exchange, byte[] body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(404, -1);
    } else {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }
}
