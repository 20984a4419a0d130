package io.reactord.agent.view;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON as {@code new ObjectMapper().writeValueAsString} prints it (compact, the same generator and
 * escapes), with jackson-core's generator alone: setting up an {@code ObjectMapper} loads and runs some
 * hundreds of classes, a fifth of a short {@code reactorctl replay}. For the trees {@link StateJson} builds
 * (objects, arrays, strings, booleans, ints, longs, null) and flat decision records.
 */
public final class CompactJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private CompactJson() {}

    /** The tree {@code n} as one line of JSON; a node of another kind (a double, a POJO) is refused. */
    public static String write(JsonNode n) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            node(g, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * {@code {"time_ms":…,"resource":…,"action":…,"unit":…,"reason":…}} as the map of those keys in that
     * order prints (a null string as {@code null}).
     */
    public static String decision(long timeMs, String resource, String action, String unit, String reason) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("time_ms", timeMs);
            g.writeStringField("resource", resource);
            g.writeStringField("action", action);
            g.writeStringField("unit", unit);
            g.writeStringField("reason", reason);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void node(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT:
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    node(g, e.getValue());
                }
                g.writeEndObject();
                break;
            case ARRAY:
                g.writeStartArray();
                for (JsonNode c : n) {
                    node(g, c);
                }
                g.writeEndArray();
                break;
            case STRING:
                g.writeString(n.textValue());
                break;
            case BOOLEAN:
                g.writeBoolean(n.booleanValue());
                break;
            case NULL:
                g.writeNull();
                break;
            case NUMBER:
                if (n.isInt()) {
                    g.writeNumber(n.intValue());
                    break;
                } else if (n.isLong()) {
                    g.writeNumber(n.longValue());
                    break;
                }
                throw new IllegalArgumentException("not written here: a number of type " + n.numberType());
            default:
                throw new IllegalArgumentException("not written here: " + n.getNodeType());
        }
    }
}
