package dev.taskmill.validation.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds pytest node ids ("tests/test_x.py::TestC::test_y") from junitxml's dotted classname.
 * With junit_family=xunit1 pytest also writes the file, which settles where the module ends; without it the
 * module ends before the first segment that starts with an upper-case letter (pytest collects classes named Test*).
 */
final class PytestIds {
  private PytestIds() {}

  static String of(String file, String classname, String name) {
    List<String> segments = new ArrayList<>(Arrays.asList(classname.split("\\.")));
    segments.removeIf(String::isEmpty);
    if (segments.isEmpty()) {
      // A collection error: pytest puts the dotted module in name and leaves classname empty.
      return name.isEmpty() ? null : name.replace('.', '/') + ".py";
    }
    String module;
    List<String> classes;
    if (file != null && !file.isEmpty() && file.endsWith(".py")) {
      module = file;
      int depth = file.substring(0, file.length() - 3).split("/").length;
      classes = segments.subList(Math.min(depth, segments.size()), segments.size());
    } else {
      int firstClass = segments.size();
      for (int i = 1; i < segments.size(); i++) {
        if (Character.isUpperCase(segments.get(i).charAt(0))) {
          firstClass = i;
          break;
        }
      }
      module = String.join("/", segments.subList(0, firstClass)) + ".py";
      classes = segments.subList(firstClass, segments.size());
    }
    StringBuilder id = new StringBuilder(module);
    classes.forEach(c -> id.append("::").append(c));
    return id.append("::").append(name).toString();
  }
}
