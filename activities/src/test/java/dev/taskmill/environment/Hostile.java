package dev.taskmill.environment;

import java.util.List;

/** Names a hostile repository could use for paths, branches or test ids. */
final class Hostile {
  private Hostile() {}

  static List<String> names() {
    return List.of(
        "$(touch /tmp/pwned)",
        "`touch /tmp/pwned`",
        "a'; touch /tmp/pwned; echo '",
        "a\"; touch /tmp/pwned; echo \"",
        "x\ntouch /tmp/pwned\n",
        ";rm -rf /tmp/pwned-dir; touch /tmp/pwned",
        "${IFS}$(touch${IFS}/tmp/pwned)",
        "--upload-pack=touch /tmp/pwned",
        "\\'$(touch /tmp/pwned)\\'",
        "dir with spaces/and*globs?[x]",
        "-rf",
        "");
  }
}
