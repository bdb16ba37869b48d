package dev.fundtrace.jobfile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.Collection;
import java.util.Map;

/**
 * A value of the wrong kind ({@code maxHops: [4]}) in a person's words: the key, its line, what is expected and what
 * was given, instead of data binding's "Cannot deserialize value of type java.lang.Integer from Array value".
 */
final class MismatchedValue {

    private static final YAMLMapper yaml = YAMLMapper.builder().build();

    private final String text;
    private final Map<String, Integer> keyLines;

    MismatchedValue(String text, Map<String, Integer> keyLines) {
        this.text = text;
        this.keyLines = keyLines;
    }

    /** {@code trace.maxHops: line 16: a whole number is expected, not a list} */
    String sentence(MismatchedInputException e) {
        String key = JobFileLoader.keyPath(e);
        Integer line = keyLines.get(key);
        if (line == null && e.getLocation() != null) line = e.getLocation().getLineNr();
        String where = (key.isEmpty() ? "the job file" : key) + (line == null ? "" : ": line " + line);
        return where + ": " + expected(e.getTargetType()) + " is expected, not " + given(key, line);
    }

    static String expected(Class<?> type) {
        if (type == null) return "another kind of value";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Double.class || type == double.class || Number.class.isAssignableFrom(type)) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a single value (text)";
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "a list";
        return "a section of keys";
    }

    /** What the file holds at {@code key}, read again as a plain tree. */
    private String given(String key, Integer line) {
        String unknown = line == null ? "what is given" : "what line " + line + " holds";
        JsonNode node;
        try {
            node = yaml.readTree(text);
        } catch (RuntimeException e) {
            return unknown;
        }
        for (String part : key.isEmpty() ? new String[0] : key.split("\\.")) {
            if (node == null) break;
            node = node.get(part);
        }
        if (node == null || node.isMissingNode()) return unknown;
        if (node.isArray()) return "a list";
        if (node.isObject()) return "a section of keys";
        if (node.isNull()) return "an empty value";
        return "'" + node.asString() + "'";
    }
}
