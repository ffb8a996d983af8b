package dev.taskmill.validation.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds pytest node ids ("tests/test_x.py::TestC::test_y") from junitxml's dotted classname. With
 * junit_family=xunit1 pytest also writes the file, which settles where the module ends. Without it
 * the module ends at the last segment named like a test file (pytest's default python_files:
 * test_*.py, *_test.py), else before the first segment that starts with an upper-case letter
 * (pytest collects classes named Test*).
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
      String dotted = file.substring(0, file.length() - 3).replace('/', '.');
      String rest =
          classname.equals(dotted)
              ? ""
              : classname.startsWith(dotted + ".")
                  ? classname.substring(dotted.length() + 1)
                  : null;
      classes =
          rest == null
              ? segments.subList(Math.min(file.split("/").length, segments.size()), segments.size())
              : rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\."));
    } else {
      int firstClass = firstClassIndex(segments);
      module = String.join("/", segments.subList(0, firstClass)) + ".py";
      classes = segments.subList(firstClass, segments.size());
    }
    StringBuilder id = new StringBuilder(module);
    classes.forEach(c -> id.append("::").append(c));
    return id.append("::").append(name).toString();
  }

  private static int firstClassIndex(List<String> segments) {
    for (int i = segments.size() - 1; i >= 0; i--) {
      String s = segments.get(i);
      if (s.startsWith("test_") || s.endsWith("_test") || s.equals("test")) {
        return i + 1;
      }
    }
    for (int i = 1; i < segments.size(); i++) {
      if (Character.isUpperCase(segments.get(i).charAt(0))) {
        return i;
      }
    }
    return segments.size();
  }
}
