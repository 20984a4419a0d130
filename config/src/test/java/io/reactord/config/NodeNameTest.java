package io.reactord.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The node-name rule: hostnames and LINSTOR node names pass, shell, ssh-option and control characters do not. */
final class NodeNameTest {

    private static final List<String> REAL = List.of("alpha", "pve1", "node-2", "node_3", "n1.example.com", "10.0.0.1",
            "Satellite01", "x".repeat(NodeName.MAX_LENGTH));

    private static final List<String> HOSTILE = List.of("", "r0;touch${IFS}PWNED;:", "a b", "$(id)", "`id`", "it's", "a\"b",
            "-oProxyCommand=sh", "--local", ".hidden", "root@alpha", "a/b", "a:b", "a\nb", "a\u001b[2Jb", "a+b", "ümlaut",
            "x".repeat(NodeName.MAX_LENGTH + 1));

    @Test
    void problem_realNames_areAccepted() {
        for (String n : REAL) assertNull(NodeName.problem(n), n);
    }

    @Test
    void problem_hostileNames_areRefused() {
        for (String n : HOSTILE) assertNotNull(NodeName.problem(n), n);
    }

    @Test
    void require_badName_throwsPrintableMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodeName.require("a\u0007;b"));
        assertEquals("node name 'a\\x07;b' contains the character U+0007; node names may contain only letters, digits and _ . -",
                e.getMessage());
        assertEquals("node name '-x' must not start with '-'", NodeName.error("-x"));
        assertEquals("alpha", NodeName.require("alpha"));
    }
}
