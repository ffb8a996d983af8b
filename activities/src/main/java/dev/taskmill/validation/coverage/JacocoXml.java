package dev.taskmill.validation.coverage;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * Reads a JaCoCo XML report's root element safely: the DOCTYPE is allowed, no DTD or entity is ever
 * loaded.
 */
public final class JacocoXml {
  private JacocoXml() {}

  /**
   * The document element (normally {@code <report>}); fails with IOException for anything that is
   * not XML.
   */
  public static Element root(InputStream in) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // JaCoCo writes a DOCTYPE naming report.dtd: allow the declaration but never load it or any
      // entity.
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(in).getDocumentElement();
    } catch (Exception e) {
      throw new IOException("not a JaCoCo XML report: " + e.getMessage(), e);
    }
  }
}
