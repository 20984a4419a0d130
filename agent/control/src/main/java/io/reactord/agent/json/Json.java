package io.reactord.agent.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The project's one JSON codec, on jackson-core's streaming parser and generator (no databind {@code ObjectMapper}: its
 * start-up would cost a short-lived reactorctl more than the work). Reads one JSON value into a tree with jackson-core's
 * default limits (string and number lengths) and a nesting limit of {@link #MAX_DEPTH} guarding against hostile input
 * (a deeply nested value is refused with an error, never a stack overflow); writes a tree as compact JSON (the control
 * protocol's and the journal's lines, jackson's escaping), and plain values — maps in their iteration order,
 * collections, strings, numbers, booleans, enums, null — as compact JSON ({@link #write(Object)}: requests,
 * {@code reactorctl status --json}) with a six-character escape (backslash, u, four lower-case hex digits) for
 * control characters other than newline, carriage return and tab, and for U+2028/U+2029 (line breaks to JavaScript),
 * a non-finite number as null. Thread-safe.
 */
public final class Json {
    /** Deepest nesting of objects and arrays accepted by {@link #read}; every document this project reads is far flatter. */
    public static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** {@link #write(Object)}'s escaping. */
    private static final CharacterEscapes PLAIN_ESCAPES = new PlainEscapes();

    private Json() {}

    /** A new empty object node. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * A tree of plain Java values: maps (keys as strings), iterables, strings, numbers, booleans, null and trees; any
     * other object as its string form.
     */
    public static JsonNode tree(Object v) {
        if (v == null) {
            return NODES.nullNode();
        } else if (v instanceof JsonNode) {
            return (JsonNode) v;
        } else if (v instanceof Map) {
            ObjectNode o = NODES.objectNode();
            ((Map<?, ?>) v).forEach((k, x) -> o.set(String.valueOf(k), tree(x)));
            return o;
        } else if (v instanceof Iterable) {
            ArrayNode a = NODES.arrayNode();
            ((Iterable<?>) v).forEach(x -> a.add(tree(x)));
            return a;
        } else if (v instanceof Boolean) {
            return NODES.booleanNode((Boolean) v);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).longValue());
        } else if (v instanceof java.math.BigInteger) {
            return NODES.numberNode((java.math.BigInteger) v);
        } else if (v instanceof Number) {
            return NODES.numberNode(((Number) v).doubleValue());
        }
        return NODES.textNode(v.toString());
    }

    /**
     * The plain Java values of a tree, the inverse of {@link #tree}: objects as insertion-ordered maps, arrays as
     * lists, strings, booleans, null, and numbers as the node holds them (Integer, Long, BigInteger, Double, …).
     */
    public static Object plain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        } else if (n.isObject()) {
            java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        } else if (n.isArray()) {
            java.util.List<Object> l = new java.util.ArrayList<>(n.size());
            n.forEach(x -> l.add(plain(x)));
            return l;
        } else if (n.isBoolean()) {
            return n.booleanValue();
        } else if (n.isNumber()) {
            return n.numberValue();
        }
        return n.asText();
    }

    /**
     * Parses exactly one JSON value.
     *
     * @throws IOException (a {@link JsonParseException} with the position) for empty input, malformed JSON, trailing
     *         content after the value, or input beyond the parser's limits
     */
    public static JsonNode read(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new JsonParseException(p, "no JSON value (empty input)");
            }
            JsonNode n = value(p, t, 1);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "unexpected content after the JSON value");
            }
            return n;
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t, int depth) throws IOException {
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth > MAX_DEPTH) {
            throw new JsonParseException(p, "JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (t) {
            case START_OBJECT:
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, value(p, next(p), depth + 1));
                }
                return o;
            case START_ARRAY:
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = next(p); e != JsonToken.END_ARRAY; e = next(p)) {
                    a.add(value(p, e, depth + 1));
                }
                return a;
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new JsonParseException(p, "unexpected end of input");
        }
        return t;
    }

    /** The tree as compact JSON text (no line breaks: one line of the control protocol or journal). */
    public static String write(JsonNode n) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            write(g, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT:
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
                break;
            case ARRAY:
                g.writeStartArray();
                for (JsonNode c : n) {
                    write(g, c);
                }
                g.writeEndArray();
                break;
            case NUMBER:
                writeNumber(g, n);
                break;
            case BOOLEAN:
                g.writeBoolean(n.booleanValue());
                break;
            case NULL:
            case MISSING:
                g.writeNull();
                break;
            default:
                g.writeString(n.asText());
        }
    }

    private static void writeNumber(JsonGenerator g, JsonNode n) throws IOException {
        if (n.isIntegralNumber()) {
            if (n.canConvertToLong()) {
                g.writeNumber(n.longValue());
            } else {
                g.writeNumber(n.bigIntegerValue());
            }
        } else if (n.isBigDecimal()) {
            g.writeNumber(n.decimalValue());
        } else {
            g.writeNumber(n.doubleValue());
        }
    }

    /** Plain values (see the class comment) as compact JSON; any other object as its string form. */
    public static String write(Object value) {
        if (value instanceof JsonNode n) {
            return write(n);
        }
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.setCharacterEscapes(PLAIN_ESCAPES);
            plain(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    private static void plain(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            if (n instanceof BigInteger || n instanceof BigDecimal || Double.isFinite(n.doubleValue())) {
                g.writeNumber(String.valueOf(n));
            } else {
                g.writeNull();
            }
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                plain(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                plain(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v instanceof JsonNode n) {
            write(g, n);
        } else {
            g.writeString(v.toString());
        }
    }

    /** Control characters but newline, carriage return and tab, and U+2028/U+2029, as six-character lower-case escapes. */
    private static final class PlainEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        PlainEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\n' && c != '\r' && c != '\t') {
                    ascii[c] = ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch < 0x20 || ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
