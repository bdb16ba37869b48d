package dev.fundtrace.designation;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;

/**
 * StAX readers hardened against XXE: sanctions files come from the internet, so a DOCTYPE is
 * refused outright and nothing the document names (DTD, entity, schema) is ever fetched.
 */
final class SecureXml {

    private SecureXml() {}

    static XMLInputFactory factory() {
        // the JDK's own implementation, whatever StAX provider happens to be on the classpath
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        trySetProperty(f, XMLConstants.FEATURE_SECURE_PROCESSING, Boolean.TRUE);
        // last line of defence: any attempt to resolve an external resource fails
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    /** Opens a reader; callers must pass every event through {@link #refuseDoctype}. */
    static XMLStreamReader open(InputStream in, String fileName) {
        try {
            return factory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new DesignationFileException(fileName, "not well-formed XML: " + e.getMessage(), e);
        }
    }

    /**
     * The StAX counterpart of {@code disallow-doctype-decl}: a DOCTYPE has no place in an OFAC file
     * and is the carrier of every XXE payload, so the file is refused before the DTD is used.
     */
    static void refuseDoctype(int event, String fileName) {
        if (event == XMLStreamReader.DTD) {
            throw new DesignationFileException(fileName,
                    "XML with a DOCTYPE declaration is refused (DTDs and external entities are not allowed)");
        }
    }

    /** The JDK's StAX factory does not accept FEATURE_SECURE_PROCESSING as a property; its limits apply anyway. */
    private static void trySetProperty(XMLInputFactory f, String name, Object value) {
        try {
            f.setProperty(name, value);
        } catch (IllegalArgumentException unsupported) {
            // not supported by this implementation; the settings above already disable DTDs and entities
        }
    }
}
