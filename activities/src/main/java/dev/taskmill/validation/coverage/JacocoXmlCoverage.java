package dev.taskmill.validation.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** JaCoCo's XML report: the report-level LINE counter (missed + covered). DTD loading is off. */
final class JacocoXmlCoverage {
  private JacocoXmlCoverage() {}

  static Optional<LineCoverage> read(InputStream in) throws IOException {
    Element report = JacocoXml.root(in);
    if (!report.getTagName().equals("report")) {
      return Optional.empty();
    }
    for (Node child = report.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element counter
          && counter.getTagName().equals("counter")
          && counter.getAttribute("type").equals("LINE")) {
        long missed = Long.parseLong(counter.getAttribute("missed"));
        long covered = Long.parseLong(counter.getAttribute("covered"));
        return Optional.of(new LineCoverage(covered, missed + covered));
      }
    }
    return Optional.empty();
  }
}
