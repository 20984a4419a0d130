package io.reactord.it.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

final class ControlSocketTest {

    private static final String ANSWER = "{\"ok\":true,\"node\":\"alpha\",\"resources\":["
            + "{\"name\":\"r0\",\"state\":\"IDLE\",\"active_on\":null},"
            + "{\"name\":\"linstor_db\",\"state\":\"ACTIVE\",\"active_on\":\"alpha\"}]}";

    @Test
    void activeOn_namedNode_returnsIt() {
        assertEquals("alpha", ControlSocket.activeOn(ANSWER, "linstor_db"));
    }

    @Test
    void activeOn_null_returnsDash() {
        assertEquals("-", ControlSocket.activeOn(ANSWER, "r0"));
    }

    @Test
    void activeOn_unknownResource_returnsNull() {
        assertNull(ControlSocket.activeOn(ANSWER, "other"));
    }

    @Test
    void request_missingSocket_returnsNull() {
        assertNull(ControlSocket.request(java.nio.file.Path.of("/nonexistent/reactord.sock"), "{}", 100));
    }
}
