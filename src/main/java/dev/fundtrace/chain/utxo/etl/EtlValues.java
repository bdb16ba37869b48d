package dev.fundtrace.chain.utxo.etl;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one field value at the parser's current token in the forms utxo.md allows: numbers as JSON integers
 * or digit strings (BigQuery quotes them), booleans as {@code true}/{@code false} or those words as strings,
 * {@code block_timestamp} as unix seconds or {@code YYYY-MM-DD HH:MM:SS[.ffffff] UTC}. A null value is absent.
 */
final class EtlValues {

    static final long ABSENT = -1;
    private static final String[] NO_ADDRESSES = new String[0];

    private EtlValues() {}

    /** A non-negative integer, or {@link #ABSENT} for null. */
    static long number(JsonParser p, String field) throws BadRow {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return ABSENT;
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) throw new BadRow(field + " " + p.getText() + " is too large");
            long v = p.getLongValue();
            if (v < 0) throw new BadRow(field + " is negative (" + v + ")");
            return v;
        }
        if (t == JsonToken.VALUE_STRING) {
            long v = digits(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
            if (v < 0) throw new BadRow(field + " \"" + p.getString() + "\" is not a non-negative integer");
            return v;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) throw new BadRow(field + " " + p.getText() + " is not an integer");
        throw new BadRow(field + " is not a number");
    }

    /** Like {@link #number} for counts and indexes, which must fit an int. */
    static int smallNumber(JsonParser p, String field) throws BadRow {
        long v = number(p, field);
        if (v > Integer.MAX_VALUE) throw new BadRow(field + " " + v + " is out of range");
        return (int) v;
    }

    /** The value of a string of ASCII digits, or -1 when it is not one (or does not fit a long). */
    private static long digits(char[] chars, int from, int length) {
        if (length == 0 || length > 19) return -1;
        long v = 0;
        for (int i = from; i < from + length; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v < 0 ? -1 : v;
    }

    /** true/false, or null when the value is null. */
    static Boolean bool(JsonParser p, String field) throws BadRow {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
        if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getString();
            if (s.equals("true")) return Boolean.TRUE;
            if (s.equals("false")) return Boolean.FALSE;
            throw new BadRow(field + " \"" + s + "\" is not true or false");
        }
        throw new BadRow(field + " " + p.getText() + " is not true or false");
    }

    /** Unix seconds, or {@link #ABSENT} for null. */
    static long timestamp(JsonParser p, String field) throws BadRow {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getString();
            if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')) return number(p, field);
            long v = dateTime(s);
            if (v == Long.MIN_VALUE) throw new BadRow(field + " \"" + s + "\" is neither unix seconds nor YYYY-MM-DD HH:MM:SS UTC");
            return v;
        }
        return number(p, field);
    }

    /** {@code YYYY-MM-DD HH:MM:SS[.f…] UTC} (up to six fraction digits, dropped) as unix seconds; MIN_VALUE if not. */
    static long dateTime(String s) {
        int n = s.length();
        if (n < 23 || !s.endsWith(" UTC")) return Long.MIN_VALUE;
        String core = s.substring(0, n - 4);
        if (core.length() > 19) {
            if (core.charAt(19) != '.' || core.length() == 20 || core.length() > 26) return Long.MIN_VALUE;
            for (int i = 20; i < core.length(); i++) if (!Character.isDigit(core.charAt(i))) return Long.MIN_VALUE;
            core = core.substring(0, 19);
        }
        if (core.length() != 19 || core.charAt(4) != '-' || core.charAt(7) != '-' || core.charAt(10) != ' '
                || core.charAt(13) != ':' || core.charAt(16) != ':') return Long.MIN_VALUE;
        for (int i : new int[]{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
            char c = core.charAt(i);
            if (c < '0' || c > '9') return Long.MIN_VALUE;
        }
        try {
            LocalDateTime at = LocalDateTime.of(Integer.parseInt(core, 0, 4, 10), Integer.parseInt(core, 5, 7, 10),
                    Integer.parseInt(core, 8, 10, 10), Integer.parseInt(core, 11, 13, 10),
                    Integer.parseInt(core, 14, 16, 10), Integer.parseInt(core, 17, 19, 10));
            return at.toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** A 64-hex-digit hash, or null for null. */
    static Txid hash(JsonParser p, String field) throws BadRow {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING) throw new BadRow(field + " is not a string of 64 hex digits");
        Txid id = Txid.parse(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
        if (id == null) throw new BadRow(field + " \"" + p.getString() + "\" is not 64 hex digits");
        return id;
    }

    /** A string, or null for null. */
    static String text(JsonParser p, String field) throws BadRow {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING) throw new BadRow(field + " is not a string");
        return p.getString();
    }

    /** Checks that a value is a string (or null) without building it: scripts are long and never kept. */
    static void requireText(JsonParser p, String field) throws BadRow {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NULL && t != JsonToken.VALUE_STRING) throw new BadRow(field + " is not a string");
    }

    /** An array of address strings in canonical form, or null for null. */
    static String[] addresses(JsonParser p, String field, LedgerAddresses forms) throws BadRow {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_ARRAY) throw new BadRow(field + " is not an array");
        String first = null;
        List<String> more = null;
        int n = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) throw new BadRow(field + " holds a value that is not a string");
            String a = forms.canonical(p.getString());
            if (n == 0) first = a;
            else {
                if (more == null) { more = new ArrayList<>(); more.add(first); }
                more.add(a);
            }
            n++;
        }
        if (n == 0) return NO_ADDRESSES;
        return more == null ? new String[]{first} : more.toArray(String[]::new);
    }

    /** Requires an object or array value to start here. */
    static void expect(JsonParser p, JsonToken start, String field) throws BadRow {
        if (p.currentToken() != start) {
            throw new BadRow(field + " is " + (p.currentToken() == JsonToken.VALUE_NULL ? "null" : "not an "
                    + (start == JsonToken.START_ARRAY ? "array" : "object")));
        }
    }
}
