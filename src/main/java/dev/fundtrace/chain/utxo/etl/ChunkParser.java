package dev.fundtrace.chain.utxo.etl;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.nio.charset.StandardCharsets;

/**
 * Parses the lines of one chunk, each line one JSON object, with Jackson's streaming parser straight from the
 * bytes (no tree per row). A line is its own parser, so a broken line costs only itself.
 */
final class ChunkParser {

    /** Enough of a refused row for rejected.csv, which keeps the first 300 characters. */
    static final int TEXT_BYTES = 1200;

    private final JsonFactory json;
    private final LedgerAddresses addresses;
    private final ThreadLocal<PlainTransactionScanner> plain;

    ChunkParser(JsonFactory json, LedgerAddresses addresses) {
        this.json = json;
        this.addresses = addresses;
        AddressKeys keys = new AddressKeys(addresses);
        this.plain = ThreadLocal.withInitial(() -> new PlainTransactionScanner(keys));
    }

    /** Parses {@code data[0..length)}, a whole number of lines; its accepted transactions rows go to {@code rows}. */
    ParsedChunk parse(int id, int file, EtlSource source, byte[] data, int length, long fileOffset, TxColumns rows) {
        ParsedChunk out = new ParsedChunk(id, file, fileOffset, rows);
        out.bytes = length;
        PlainTransactionScanner scanner = source.kind() == EtlSource.Kind.TRANSACTIONS ? plain.get() : null;
        String expected = source.expectedType();
        int start = 0, line = 0;
        while (start < length) {
            if (scanner != null) {
                // the fast path finds the row's end itself: most lines are never searched for their newline
                int from = start;
                while (from < length && isSpace(data[from])) from++;
                if (from < length && data[from] == '{') {
                    int end = scanner.scan(data, from, length, rows, line, fileOffset + from);
                    if (end >= 0) {
                        out.rows++;
                        while (end < length && data[end] != '\n') end++;
                        line++;
                        start = end + 1;
                        continue;
                    }
                }
            }
            int end = ByteWords.indexOf(data, start, length, (byte) '\n');
            parseLine(out, source, expected, data, start, end, line);
            line++;
            start = end + 1;
        }
        if (scanner != null) scanner.flush(data, rows);
        out.lines = line;
        return out;
    }

    private void parseLine(ParsedChunk out, EtlSource source, String expected, byte[] data, int from, int to, int line) {
        while (from < to && isSpace(data[from])) from++;
        while (to > from && isSpace(data[to - 1])) to--;
        if (from == to) return;
        out.rows++;
        RowPlace place = new RowPlace(out.id, line, out.fileOffset + from, to - from);
        try {
            String type = switch (source.kind()) {
                case BLOCKS -> RowTypes.BLOCK;
                case TRANSACTIONS -> RowTypes.TRANSACTION;
                case TYPED -> typeOf(data, from, to - from);
            };
            if (source.kind() == EtlSource.Kind.TYPED) {
                if (type == null) throw new BadRow("the row carries no type, and this file is read for its typed rows");
                out.typed = true;
                if (expected != null) RowTypes.check(type, expected);
            }
            try (JsonParser p = json.createParser(ObjectReadContext.empty(), data, from, to - from)) {
                if (p.nextToken() != JsonToken.START_OBJECT) throw new BadRow("the line is not a JSON object");
                Object row = switch (type) {
                    case RowTypes.BLOCK -> BlockMapper.map(p, place);
                    case RowTypes.TRANSACTION -> TransactionMapper.map(p, addresses, place);
                    default -> throw new BadRow("type is \"" + type + "\", neither block nor transaction");
                };
                if (p.nextToken() != null) throw new BadRow("there is text after the JSON object");
                if (row instanceof EtlBlock b) out.blocks.add(b);
                else out.transactions.add((EtlTransaction) row, addresses, line);
            }
        } catch (BadRow e) {
            out.rejections.add(new ParsedChunk.LocalRejection(line, e.getMessage(), text(data, from, to)));
        } catch (JacksonException e) {
            out.rejections.add(new ParsedChunk.LocalRejection(line, "the line is not valid JSON: " + firstLine(e.getOriginalMessage()),
                    text(data, from, to)));
        }
    }

    /** The row's own {@code type}, or null when it has none (or is not a JSON object). */
    private String typeOf(byte[] data, int from, int length) {
        try (JsonParser p = json.createParser(ObjectReadContext.empty(), data, from, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken t = p.nextToken();
                if (name.equals("type") && t == JsonToken.VALUE_STRING) return p.getString();
                p.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private static String text(byte[] data, int from, int to) {
        return new String(data, from, Math.min(to - from, TEXT_BYTES), StandardCharsets.UTF_8);
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
