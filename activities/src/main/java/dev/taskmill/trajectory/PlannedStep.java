package dev.taskmill.trajectory;

import dev.taskmill.trajectory.CandidateGenerator.FileEdit;
import java.util.LinkedHashMap;
import java.util.Map;

/** A planned step: what the ideal trajectory does, replayable in another session. */
record PlannedStep(String phase, String thought, String tool, Map<String, Object> args) {
  /** An editor step that makes {@code e}: creates the file or replaces its old text. */
  static PlannedStep edit(String phase, String thought, FileEdit e) {
    Map<String, Object> args = new LinkedHashMap<>();
    String path = SessionTools.ROOT + "/" + e.path();
    if (e.create()) {
      args.put("command", "create");
      args.put("path", path);
      args.put("file_text", e.newStr());
    } else {
      args.put("command", "str_replace");
      args.put("path", path);
      args.put("old_str", e.oldStr());
      args.put("new_str", e.newStr());
    }
    return new PlannedStep(phase, thought, SessionTools.EDITOR, args);
  }
}
