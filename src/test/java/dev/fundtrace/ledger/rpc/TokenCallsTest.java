package dev.fundtrace.ledger.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answers of symbol() and decimals() a contract may give, decoded without guessing (see TokenCalls). */
class TokenCallsTest {

    static String word(long v) { return String.format("%064x", v); }

    static String text(String s) {
        String hex = HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
        return hex + "0".repeat((64 - hex.length() % 64) % 64);
    }

    /** An ABI-encoded string return: offset, length, padded bytes. */
    static String abiString(String s) {
        return "0x" + word(32) + word(s.getBytes(StandardCharsets.UTF_8).length) + text(s);
    }

    @Test
    void aStringSymbol() {
        assertEquals("FUND", TokenCalls.symbol(abiString("FUND")));
        assertEquals("Ξ€Z", TokenCalls.symbol(abiString("Ξ€Z")), "UTF-8 kept");
    }

    @Test
    void aBytes32SymbolLosesItsTrailingZeroBytes() {
        assertEquals("MKR", TokenCalls.symbol("0x" + text("MKR")));
        assertEquals("SAI", TokenCalls.symbol("0x" + text("SAI")));
    }

    @Test
    void nothingUsableIsUnknown() {
        assertNull(TokenCalls.symbol("0x"), "empty return (no code, or a function that returns nothing)");
        assertNull(TokenCalls.symbol("0x" + "41".repeat(31)), "too short for a word");
        assertNull(TokenCalls.symbol("0x" + word(0)), "an all-zero bytes32");
        assertNull(TokenCalls.symbol("0x" + word(18)), "a number (MinimalToken answers every 4-byte call with 18)");
        assertNull(TokenCalls.symbol("0x" + word(0x1000) + word(4) + text("FUND")), "offset outside the data");
        assertNull(TokenCalls.symbol("0x" + word(32) + word(1000) + text("FUND")), "length outside the data");
        assertNull(TokenCalls.symbol(abiString("A\u0007B")), "control character");
        assertNull(TokenCalls.symbol("0x" + word(32) + word(2) + "ff" + "fe" + "0".repeat(60)), "not UTF-8");
        assertNull(TokenCalls.symbol(abiString("X".repeat(TokenCalls.MAX_SYMBOL + 1))), "too long for a symbol");
        assertNull(TokenCalls.symbol(abiString("   ")), "blank");
    }

    @Test
    void decimalsAreOneUint8Word() {
        assertEquals(18, TokenCalls.decimals("0x" + word(18)));
        assertEquals(0, TokenCalls.decimals("0x" + word(0)));
        assertEquals(255, TokenCalls.decimals("0x" + word(255)));
        assertEquals(-1, TokenCalls.decimals("0x" + word(256)), "not a uint8");
        assertEquals(-1, TokenCalls.decimals("0x"), "empty return");
        assertEquals(-1, TokenCalls.decimals(abiString("18")), "not one word");
    }

    @Test
    void aReceiptWithoutStatusLeavesItToTheTrace() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var ok = json.readTree("{\"status\":\"0x1\"}");
        var reverted = json.readTree("{\"status\":\"0x0\"}");
        var preByzantium = json.readTree("{\"root\":\"0x" + word(7) + "\"}");
        assertTrue(NodeRecords.succeeded(ok, true), "the receipt decides over the trace");
        assertFalse(NodeRecords.succeeded(reverted, false), "the receipt decides over the trace");
        assertTrue(NodeRecords.succeeded(preByzantium, false));
        assertFalse(NodeRecords.succeeded(preByzantium, true));
    }
}
