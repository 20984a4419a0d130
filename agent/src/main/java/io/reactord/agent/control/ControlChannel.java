package io.reactord.agent.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Requests to a reactord daemon (docs/control-socket.md): over its control socket ({@link DaemonClient}),
 * or, inside the daemon, straight to its request handler (a status report it builds for reactorctl).
 */
public interface ControlChannel {
    /** The control socket's path, for messages. */
    Path socket();

    /** Whether there is a daemon to ask at all. */
    boolean socketExists();

    /** Sends {@code request} and returns the answer object; a refusal or no answer is a {@link DaemonClient.DaemonException}. */
    JsonNode request(Map<String, ?> request) throws DaemonClient.DaemonException;
}
