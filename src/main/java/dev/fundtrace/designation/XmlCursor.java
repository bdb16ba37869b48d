package dev.fundtrace.designation;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A forward-only walk over the start elements of a hardened StAX reader that remembers the
 * element path, so parsers can ask "am I under X" without building a DOM of a 100 MB file.
 */
final class XmlCursor implements AutoCloseable {

    private final String fileName;
    private final InputStream in;
    private final XMLStreamReader reader;
    private final List<String> path = new ArrayList<>();

    XmlCursor(Path file) {
        this.fileName = file.getFileName().toString();
        try {
            this.in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new DesignationFileException(fileName, "cannot be read: " + e.getMessage(), e);
        }
        this.reader = SecureXml.open(in, fileName);
    }

    /** Advances to the next start element; false at the end of the document. */
    boolean nextStart() {
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                SecureXml.refuseDoctype(event, fileName);
                if (event == XMLStreamReader.START_ELEMENT) {
                    path.add(reader.getLocalName());
                    return true;
                }
                if (event == XMLStreamReader.END_ELEMENT) path.removeLast();
            }
            return false;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** Local name of the current element (namespaces are ignored: OFAC has changed them before). */
    String name() { return path.getLast(); }

    /** Local name of the current element's parent, or "" at the root. */
    String parent() { return path.size() < 2 ? "" : path.get(path.size() - 2); }

    String attr(String name) { return reader.getAttributeValue(null, name); }

    /** 1-based line of the current element, for rejections. */
    long line() { return reader.getLocation().getLineNumber(); }

    /** The current element's text, trimmed; consumes the element. */
    String text() {
        try {
            String text = reader.getElementText();
            path.removeLast();
            return text.trim();
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private DesignationFileException malformed(XMLStreamException e) {
        if (e.getNestedException() instanceof DesignationFileException refused) return refused;
        return new DesignationFileException(fileName, "not well-formed XML: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            reader.close();
            in.close();
        } catch (XMLStreamException | IOException ignored) {
            // read-only file; nothing to flush
        }
    }
}
