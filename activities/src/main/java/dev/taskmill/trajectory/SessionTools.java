package dev.taskmill.trajectory;

import dev.taskmill.docker.SessionContainer;
import dev.taskmill.docker.SessionContainer.ExecResult;
import dev.taskmill.stage.StageContract;
import dev.taskmill.trajectory.Trajectory.ToolSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three tools (bash, str_replace_editor, submit) and how each call runs in the session
 * container. Every observation is what the container printed; the editor's edits are made from Java
 * (read with cat, written back through an exec) so that images without python3 work, and their
 * observation is a real {@code cat -n} of the edited lines.
 */
final class SessionTools {
  static final String BASH = "bash";
  static final String EDITOR = "str_replace_editor";
  static final String SUBMIT = "submit";
  static final String ROOT = StageContract.TESTBED;

  /** A tool call's result: exit code and the full output (cut later for the observation). */
  record Result(int exitCode, String output) {}

  private final SessionContainer session;
  private final String workdir;
  private final Duration callTimeout;
  private final String submitCommand;

  /**
   * @param workdir the project directory in the container, where bash runs
   * @param submitCommand the command whose output is the submitted patch (run in /testbed)
   */
  SessionTools(
      SessionContainer session, String workdir, Duration callTimeout, String submitCommand) {
    this.session = session;
    this.workdir = workdir;
    this.callTimeout = callTimeout;
    this.submitCommand = submitCommand;
  }

  static List<ToolSpec> specs() {
    Map<String, Object> bashParams = new LinkedHashMap<>();
    bashParams.put("type", "object");
    bashParams.put(
        "properties",
        Map.of(
            "command",
            Map.of(
                "type",
                "string",
                "description",
                "The bash command to run in the repository (cwd: the project directory).")));
    bashParams.put("required", List.of("command"));
    Map<String, Object> editorProps = new LinkedHashMap<>();
    editorProps.put(
        "command",
        Map.of(
            "type",
            "string",
            "enum",
            List.of("view", "create", "str_replace", "insert"),
            "description",
            "The editor command."));
    editorProps.put(
        "path", Map.of("type", "string", "description", "Absolute path of a file or directory."));
    editorProps.put(
        "old_str",
        Map.of(
            "type",
            "string",
            "description",
            "str_replace: the exact text to replace; " + "it must occur exactly once."));
    editorProps.put(
        "new_str", Map.of("type", "string", "description", "str_replace/insert: the new text."));
    editorProps.put(
        "insert_line",
        Map.of("type", "integer", "description", "insert: the line after which to insert."));
    editorProps.put(
        "view_range",
        Map.of(
            "type",
            "array",
            "items",
            Map.of("type", "integer"),
            "description",
            "view: [start, end] line numbers, 1-based; end -1 = to the end."));
    editorProps.put(
        "file_text",
        Map.of("type", "string", "description", "create: the content of the new file."));
    Map<String, Object> editorParams = new LinkedHashMap<>();
    editorParams.put("type", "object");
    editorParams.put("properties", editorProps);
    editorParams.put("required", List.of("command", "path"));
    return List.of(
        new ToolSpec(
            BASH, "Run a bash command in the repository's container (no network).", bashParams),
        new ToolSpec(
            EDITOR,
            "View, create and edit files: view shows `cat -n` output; str_replace replaces one "
                + "unique occurrence; insert adds text after a line; create writes a new file.",
            editorParams),
        new ToolSpec(
            SUBMIT,
            "Submit the current changes to the repository (the diff of the source files) and end.",
            Map.of("type", "object", "properties", Map.of())));
  }

  Result bash(String command, Duration timeout) throws InterruptedException {
    ExecResult r = session.bash(command, workdir, timeout == null ? callTimeout : timeout);
    return new Result(r.exitCode(), r.output());
  }

  Result submit() throws InterruptedException {
    ExecResult r = session.bash(submitCommand, ROOT, callTimeout);
    return new Result(r.exitCode(), r.output());
  }

  /** Runs one editor call given its arguments. */
  Result editor(Map<String, Object> args) throws InterruptedException {
    String command = (String) args.get("command");
    String path = (String) args.get("path");
    return switch (command) {
      case "view" -> view(path, range(args.get("view_range")));
      case "create" -> create(path, (String) args.getOrDefault("file_text", ""));
      case "str_replace" ->
          strReplace(path, (String) args.get("old_str"), (String) args.getOrDefault("new_str", ""));
      case "insert" ->
          insert(path, ((Number) args.get("insert_line")).intValue(), (String) args.get("new_str"));
      default -> new Result(1, "Unknown command " + command);
    };
  }

  Result view(String path, int[] range) throws InterruptedException {
    ExecResult r;
    if (range == null) {
      r =
          session.exec(
              List.of(
                  "bash",
                  "-c",
                  "if [ -d \"$1\" ]; then find \"$1\" -maxdepth 2 -not -path '*/.*' | sort;"
                      + " else cat -n -- \"$1\"; fi",
                  "view",
                  path),
              ROOT,
              callTimeout);
    } else {
      String end = range[1] < 0 ? "$" : Integer.toString(range[1]);
      r =
          session.exec(
              List.of(
                  "bash",
                  "-c",
                  "cat -n -- \"$1\" | sed -n \"$2,$3p\"",
                  "view",
                  path,
                  Integer.toString(range[0]),
                  end),
              ROOT,
              callTimeout);
    }
    return new Result(r.exitCode(), r.output());
  }

  /** The file's current content, or null when it cannot be read. */
  String read(String path) throws InterruptedException {
    ExecResult r = session.exec(List.of("cat", "--", path), ROOT, callTimeout);
    return r.exitCode() == 0 ? r.output() : null;
  }

  private Result create(String path, String text) throws InterruptedException {
    ExecResult exists = session.exec(List.of("test", "-e", path), ROOT, callTimeout);
    session.writeFile(path, text);
    ExecResult shown =
        session.exec(
            List.of("bash", "-c", "cat -n -- \"$1\" | head -n 60", "view", path),
            ROOT,
            callTimeout);
    String head =
        (exists.exitCode() == 0 ? "File overwritten at: " : "File created successfully at: ")
            + path
            + "\n";
    return new Result(shown.exitCode(), head + shown.output());
  }

  private Result strReplace(String path, String oldStr, String newStr) throws InterruptedException {
    String content = read(path);
    if (content == null) {
      return new Result(1, "The path " + path + " does not exist or cannot be read.");
    }
    int first = content.indexOf(oldStr);
    if (oldStr.isEmpty() || first < 0) {
      return new Result(
          1, "No replacement was performed, old_str did not appear verbatim in " + path + ".");
    }
    if (content.indexOf(oldStr, first + 1) >= 0) {
      return new Result(
          1,
          "No replacement was performed. Multiple occurrences of old_str in "
              + path
              + ". Please ensure it is unique.");
    }
    String updated =
        content.substring(0, first) + newStr + content.substring(first + oldStr.length());
    session.writeFile(path, updated);
    int startLine = lineOf(updated, first);
    int endLine = startLine + Math.max(0, (int) newStr.chars().filter(c -> c == '\n').count() - 1);
    return snippet(path, startLine, endLine);
  }

  private Result insert(String path, int after, String text) throws InterruptedException {
    String content = read(path);
    if (content == null) {
      return new Result(1, "The path " + path + " does not exist or cannot be read.");
    }
    String[] lines = content.split("\n", -1);
    StringBuilder b = new StringBuilder();
    int offset = 0;
    for (int i = 0; i < after && i < lines.length; i++) {
      offset += lines[i].length() + 1;
    }
    offset = Math.min(offset, content.length());
    b.append(content, 0, offset)
        .append(text.endsWith("\n") ? text : text + "\n")
        .append(content.substring(offset));
    session.writeFile(path, b.toString());
    return snippet(path, after + 1, after + (int) text.chars().filter(c -> c == '\n').count());
  }

  /**
   * The SWE-agent style message with a real `cat -n` of the edited lines and 4 lines around them.
   */
  private Result snippet(String path, int from, int to) throws InterruptedException {
    int[] range = {Math.max(1, from - 4), Math.max(from, to) + 4};
    Result shown = view(path, range);
    return new Result(
        shown.exitCode(),
        "The file "
            + path
            + " has been edited. Here's the result of running `cat -n`"
            + " on a snippet of "
            + path
            + ":\n"
            + shown.output());
  }

  static int lineOf(String content, int index) {
    int line = 1;
    for (int i = 0; i < index && i < content.length(); i++) {
      if (content.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int[] range(Object o) {
    if (o instanceof List<?> l && l.size() == 2) {
      return new int[] {((Number) l.get(0)).intValue(), ((Number) l.get(1)).intValue()};
    }
    return null;
  }
}
