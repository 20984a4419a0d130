package io.reactord.agent.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Requests to a reactord daemon over its control socket (docs/control-socket.md), as reactorctl sends them
 * ({@link ControlClient}); the status report reads the daemon through
 * {@code io.reactord.agent.status.DaemonState#over} (agent/node).
 */
public interface ControlChannel {
    /** The control socket's path, for messages. */
    Path socket();

    /** Whether there is a daemon to ask at all. */
    boolean socketExists();

    /** Sends {@code request} and returns the answer object; a refusal or no answer is a {@link ControlClient.DaemonException}. */
    JsonNode request(Map<String, ?> request) throws ControlClient.DaemonException;

    /** Sends a typed request; as {@link #request(Map)}. */
    default JsonNode request(ControlRequest request) throws ControlClient.DaemonException {
        return request(request.toMap());
    }
}
