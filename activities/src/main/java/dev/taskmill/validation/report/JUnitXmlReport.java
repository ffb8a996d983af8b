package dev.taskmill.validation.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads JUnit-style XML (surefire, Gradle, pytest --junitxml, mocha xunit, vitest junit) into
 * normalised ids. The dialect is told apart by the suite names each tool writes, never by the log.
 */
public final class JUnitXmlReport {
  /** The tool that wrote a test case; each one shapes classname and name differently. */
  enum Dialect {
    JUNIT,
    PYTEST,
    MOCHA,
    VITEST
  }

  private final ContainerPaths paths;

  public JUnitXmlReport(ContainerPaths paths) {
    this.paths = paths;
  }

  public TestResults parse(InputStream in) throws IOException {
    Document doc = SafeXml.parse(in);
    Element root = doc.getDocumentElement();
    if (!root.getTagName().equals("testsuites") && !root.getTagName().equals("testsuite")) {
      return TestResults.empty();
    }
    Map<String, TestOutcome> outcomes = new TreeMap<>();
    NodeList cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      String id = idOf(testcase, dialectOf(testcase, root));
      if (id != null && !id.isBlank()) {
        outcomes.merge(id, outcomeOf(testcase), TestOutcome::worst);
      }
    }
    return TestResults.of(outcomes);
  }

  static Dialect dialectOf(Element testcase, Element root) {
    if (root.getAttribute("name").startsWith("vitest")) {
      return Dialect.VITEST;
    }
    Node parent = testcase.getParentNode();
    String suite =
        parent instanceof Element e && e.getTagName().equals("testsuite")
            ? e.getAttribute("name")
            : "";
    if (suite.equals("pytest")) {
      return Dialect.PYTEST;
    }
    if (suite.equals("Mocha Tests")) {
      return Dialect.MOCHA;
    }
    return Dialect.JUNIT;
  }

  private String idOf(Element testcase, Dialect dialect) {
    String classname = testcase.getAttribute("classname").trim();
    String name = testcase.getAttribute("name").trim();
    String file = paths.relative(testcase.getAttribute("file").trim());
    return switch (dialect) {
      case PYTEST -> PytestIds.of(file, classname, name);
      case VITEST -> join(paths.relative(classname), name);
      case MOCHA -> join(join(file, classname), name);
      case JUNIT -> classname.isEmpty() ? name : classname + "#" + stripEmptyParens(name);
    };
  }

  /** Gradle writes JUnit 5 methods as "name()"; surefire writes "name": both become "name". */
  private static String stripEmptyParens(String name) {
    return name.endsWith("()") ? name.substring(0, name.length() - 2) : name;
  }

  static String join(String a, String b) {
    List<String> parts = new ArrayList<>();
    if (a != null && !a.isBlank()) {
      parts.add(a);
    }
    if (b != null && !b.isBlank()) {
      parts.add(b);
    }
    return String.join(" > ", parts);
  }

  private static TestOutcome outcomeOf(Element testcase) {
    boolean skipped = false;
    for (Node child = testcase.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        switch (e.getTagName()) {
          case "failure", "error", "rerunFailure", "rerunError" -> {
            return TestOutcome.FAILED;
          }
          case "skipped" -> skipped = true;
          default -> {}
        }
      }
    }
    return skipped ? TestOutcome.SKIPPED : TestOutcome.PASSED;
  }
}
