package dev.fundtrace.designation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** XML that declares a DOCTYPE is refused before any entity or DTD it names is read. */
class XxeRefusalTest {

    private static final String SECRET = "TOP-SECRET-7f3a9c";

    private final DesignationReader reader = new DesignationReader();

    @ParameterizedTest
    @ValueSource(strings = {"Sanctions", "sdnList"})
    void an_external_entity_payload_is_refused_and_the_secret_never_read(String root, @TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path payload = Files.writeString(dir.resolve("evil.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <!DOCTYPE %1$s [ <!ENTITY xxe SYSTEM "%2$s"> ]>
                <%1$s><lastName>&xxe;</lastName></%1$s>
                """.formatted(root, secret.toUri()));

        assertThatThrownBy(() -> reader.read(payload))
                .isInstanceOf(DesignationFileException.class)
                .hasMessageContaining("evil.xml")
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(SECRET));
    }

    @Test
    void an_external_dtd_and_parameter_entities_are_refused(@TempDir Path dir) throws IOException {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak \"" + SECRET + "\">");
        Path payload = Files.writeString(dir.resolve("evil-dtd.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE Sanctions SYSTEM "%s" [ <!ENTITY %% p SYSTEM "%s"> %%p; ]>
                <Sanctions>&leak;</Sanctions>
                """.formatted(dtd.toUri(), dtd.toUri()));

        assertThatThrownBy(() -> reader.read(payload))
                .isInstanceOf(DesignationFileException.class)
                .hasMessageContaining("evil-dtd.xml")
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(SECRET));
    }

    @Test
    void no_url_named_by_the_document_is_ever_contacted(@TempDir Path dir) throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/evil.dtd";
            Path payload = Files.writeString(dir.resolve("remote.xml"), """
                    <?xml version="1.0"?>
                    <!DOCTYPE sdnList SYSTEM "%1$s" [ <!ENTITY xxe SYSTEM "%1$s"> ]>
                    <sdnList>&xxe;</sdnList>
                    """.formatted(url));

            assertThatThrownBy(() -> reader.read(payload)).isInstanceOf(DesignationFileException.class)
                    .hasMessageContaining("DOCTYPE");
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void the_factory_itself_is_hardened() {
        var factory = SecureXml.factory();
        assertThat(factory.getProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
        assertThat(factory.getProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES)).isEqualTo(false);
        assertThat(factory.getProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD)).isEqualTo("");
    }

    private static String fullText(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) all.append(t).append('\n');
        return all.toString();
    }
}
