package io.reactord.agent.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Requests to a reactord daemon over its control socket (docs/control-socket.md), as reactorctl sends them
 * ({@link DaemonClient}); the status report reads the daemon through
 * {@link io.reactord.agent.control.status.DaemonState#over}.
 */
public interface ControlChannel {
    /** The control socket's path, for messages. */
    Path socket();

    /** Whether there is a daemon to ask at all. */
    boolean socketExists();

    /** Sends {@code request} and returns the answer object; a refusal or no answer is a {@link DaemonClient.DaemonException}. */
    JsonNode request(Map<String, ?> request) throws DaemonClient.DaemonException;
}
