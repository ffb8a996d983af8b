package dev.taskmill.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in for the parser-based diffSemantics until it is plugged in: files, lines and hunks from fix.patch and
 * tests.patch, with no symbols (parser is empty, so a reader can tell).
 */
public final class PatchCountsDiffSemantics implements DiffSemanticsSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public JsonNode diffSemantics(EnrichmentInput input) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("parser");
    ArrayNode files = JSON.createArrayNode();
    int added = 0;
    int removed = 0;
    for (String[] part : List.of(new String[] {"fix", input.patches().fixPatch()},
        new String[] {"test", input.patches().testsPatch()})) {
      String text = Files.readString(Path.of(part[1]), StandardCharsets.UTF_8);
      for (UnifiedDiff.FilePatch f : UnifiedDiff.parse(text)) {
        ObjectNode file = files.addObject().put("path", f.path()).put("role", part[0])
            .put("linesAdded", f.linesAdded()).put("linesRemoved", f.linesRemoved());
        ArrayNode hunks = file.putArray("hunks");
        f.hunks().forEach(h -> hunks.addObject().put("oldStart", h.oldStart()).put("oldLines", h.oldLines())
            .put("newStart", h.newStart()).put("newLines", h.newLines()).putArray("symbols"));
        file.putArray("symbols");
        added += f.linesAdded();
        removed += f.linesRemoved();
      }
    }
    root.put("filesChanged", files.size()).put("linesAdded", added).put("linesRemoved", removed);
    root.set("files", files);
    root.putArray("changedSymbols");
    return root;
  }
}
