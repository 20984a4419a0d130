package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verbs that take a resource name refuse names outside the one rule before anything else happens. */
final class ResourceNameVerbsTest {

    private static final List<String> HOSTILE = List.of("r0;touch${IFS}PWNED;:", "${HOME}", "-r0", "a b", "a\u001b[2Jb");

    @Test
    void move_hostileName_usageErrorBeforeAnyPeerIsTold() {
        for (String name : HOSTILE) {
            MoveCommand c = new MoveCommand();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            c.err = new PrintStream(err, true, StandardCharsets.UTF_8);
            c.resource = name;
            assertEquals(ExitCodes.USAGE, (int) c.call(), name);
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals(true, text.startsWith("reactorctl move: resource name '"), text);
            assertEquals(false, text.contains("\u001b"), "no terminal escapes echoed: " + text);
        }
    }

    @Test
    void whyAndEvents_hostileName_usageError() {
        WhyCommand w = new WhyCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        w.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        w.resource = "r$(id)";
        assertEquals(ExitCodes.USAGE, (int) w.call());
        EventsCommand e = new EventsCommand();
        e.err = w.err;
        e.resource = "a/b";
        assertEquals(ExitCodes.USAGE, (int) e.call());
        assertEquals("reactorctl why: resource name 'r$(id)' contains '$'; resource names may contain only letters, digits"
                + " and _ . + -\nreactorctl events: resource name 'a/b' contains '/'; resource names may contain only letters,"
                + " digits and _ . + -\n", err.toString(StandardCharsets.UTF_8));
    }
}
