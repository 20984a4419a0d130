package io.reactord.agent.umh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.events2.Action;
import io.reactord.events2.Attrs;
import io.reactord.events2.Event;
import io.reactord.events2.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event values reach a command only as environment variables: hostile names execute nothing. */
final class UmhInjectionTest {
    @TempDir
    Path dir;

    private UmhFixture fixture(String command) throws Exception {
        return new UmhFixture(dir, "[[umh]]\n[[umh.resource]]\ncommand = '" + command + "'\n"
                + "env.OUT = \"" + dir.resolve("out") + "\"\nnew.role = \"Primary\"\n", UmhRunner.Options.DEFAULTS);
    }

    private void assertHarmless(String name, String command) throws Exception {
        Path marker = dir.resolve("x");
        UmhFixture f = fixture(command);
        f.feed(new Event.Resource(null, Action.EXISTS, name.replace("X", marker.toString()), Role.PRIMARY, null,
                null, null, Boolean.FALSE, 0, Attrs.EMPTY));
        assertTrue(f.nextRun().succeeded());
        assertFalse(Files.exists(marker), "name " + name + " executed something");
        assertEquals(name.replace("X", marker.toString()), Files.readString(dir.resolve("out")));
    }

    @Test
    void hostileResourceNames_quotedUse_executeNothing() throws Exception {
        String cmd = "printf %s \"$DRBD_RES_NAME\" > \"$OUT\"";
        for (String name : new String[] {"$(touch X)", "`touch X`", "r0; touch X", "r0\ntouch X", "r0 && touch X",
                "r0 | tee X", "r0' ; touch 'X", "r0\" ; touch \"X", "${IFS}$(touch${IFS}X)"}) {
            assertHarmless(name, cmd);
        }
    }

    @Test
    void hostileResourceNames_unquotedUse_stillExecuteNothing() throws Exception {
        // Expansion results are never parsed again as shell code, even unquoted.
        Path marker = dir.resolve("x");
        UmhFixture f = fixture("echo $DRBD_RES_NAME > \"$OUT\"");
        f.feed(new Event.Resource(null, Action.EXISTS, "$(touch " + marker + ");`touch " + marker + "`", Role.PRIMARY,
                null, null, null, Boolean.FALSE, 0, Attrs.EMPTY));
        assertTrue(f.nextRun().succeeded());
        assertFalse(Files.exists(marker));
    }

    @Test
    void hostileNameThroughTheParser_executesNothing() throws Exception {
        Path marker = dir.resolve("x");
        UmhFixture f = fixture("printf %s \"$DRBD_RES_NAME\" > \"$OUT\"");
        f.feed("exists resource name:$(touch " + marker + ") role:Primary may_promote:no promotion_score:0");
        assertTrue(f.nextRun().succeeded());
        assertFalse(Files.exists(marker));
        assertEquals("$(touch " + marker + ")", Files.readString(dir.resolve("out")));
    }
}
