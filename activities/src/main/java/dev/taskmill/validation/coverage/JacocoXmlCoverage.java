package dev.taskmill.validation.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** JaCoCo's XML report: the report-level LINE counter (missed + covered). DTD loading is off. */
final class JacocoXmlCoverage {
  private JacocoXmlCoverage() {}

  static Optional<LineCoverage> read(InputStream in) throws IOException {
    Element report;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // JaCoCo writes a DOCTYPE naming report.dtd: allow the declaration but never load it or any entity.
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      report = factory.newDocumentBuilder().parse(in).getDocumentElement();
    } catch (Exception e) {
      throw new IOException("not a JaCoCo XML report: " + e.getMessage(), e);
    }
    if (!report.getTagName().equals("report")) {
      return Optional.empty();
    }
    for (Node child = report.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element counter && counter.getTagName().equals("counter")
          && counter.getAttribute("type").equals("LINE")) {
        long missed = Long.parseLong(counter.getAttribute("missed"));
        long covered = Long.parseLong(counter.getAttribute("covered"));
        return Optional.of(new LineCoverage(covered, missed + covered));
      }
    }
    return Optional.empty();
  }
}
