package dev.fundtrace.chain.ethereum.rpc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RedactedUrlTest {
    @Test
    void hidesKeysInPathQueryAndUserInfo() {
        assertEquals("https://mainnet.infura.io/v3/***", RedactedUrl.of("https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161"));
        assertEquals("https://eth-mainnet.g.alchemy.com/v2/***", RedactedUrl.of("https://eth-mainnet.g.alchemy.com/v2/AbCdEf123456_7890-xyzXYZ"));
        assertEquals("https://***@node.example:8545/rpc", RedactedUrl.of("https://user:pa55word@node.example:8545/rpc"));
        assertEquals("https://rpc.example/eth?***", RedactedUrl.of("https://rpc.example/eth?apikey=secret"));
        assertEquals("http://127.0.0.1:8545", RedactedUrl.of("http://127.0.0.1:8545"));
        assertEquals("http://localhost:8545/", RedactedUrl.of("http://localhost:8545/"));
        assertEquals("https://rpc.example/mainnet/archive", RedactedUrl.of("https://rpc.example/mainnet/archive"));
        assertEquals("<unparseable url>", RedactedUrl.of("not a url ::"));
    }

    @Test
    void scrubsMessages() {
        String url = "https://u:p@rpc.example/v3/9aa3d95b3bc440fa88ea12eaa4456161?k=s3cr3t";
        String msg = RedactedUrl.scrub("failed to reach " + url + " (key 9aa3d95b3bc440fa88ea12eaa4456161, k=s3cr3t)", url);
        assertFalse(msg.contains("9aa3d95b"), msg);
        assertFalse(msg.contains("s3cr3t"), msg);
        assertFalse(msg.contains("u:p"), msg);
    }
}
