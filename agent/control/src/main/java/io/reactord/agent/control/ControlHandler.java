package io.reactord.agent.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Answers one request; called on a client thread. Throwing {@link IllegalArgumentException} gives an error reply. */
@FunctionalInterface
public interface ControlHandler {
    ObjectNode handle(JsonNode request);
}
