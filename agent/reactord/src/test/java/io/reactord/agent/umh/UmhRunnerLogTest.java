package io.reactord.agent.umh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

final class UmhRunnerLogTest {
    @Test
    void printable_controlCharacters_escapedOnOneLine() {
        assertEquals("r0\\ntouch x\\t\\x1b[0m", UmhRunner.printable("r0\ntouch x\t\u001b[0m"));
        String plain = "r0 $(x)";
        assertSame(plain, UmhRunner.printable(plain));
    }
}
