package dev.taskmill.enrichment.diff;

import java.nio.charset.StandardCharsets;
import org.treesitter.TSNode;

/** The UTF-8 bytes tree-sitter parsed, to read node text by byte offsets. */
final class SourceText {
  private final byte[] bytes;

  SourceText(String text) {
    this.bytes = text.getBytes(StandardCharsets.UTF_8);
  }

  byte[] bytes() {
    return bytes;
  }

  /** The text of {@code node}, or null for a null node. */
  String text(TSNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    int start = Math.max(0, node.getStartByte());
    int end = Math.min(bytes.length, node.getEndByte());
    return new String(bytes, start, Math.max(0, end - start), StandardCharsets.UTF_8);
  }

  /** The text of {@code node}'s child in {@code field}, or null. */
  String field(TSNode node, String field) {
    return text(node.getChildByFieldName(field));
  }
}
