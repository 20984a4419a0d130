package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class ReactorCtlTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = ReactorCtl.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void execute_unknownOption_usageExitCode() {
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.USAGE, run(new StringWriter(), err, "--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }

    @Test
    void execute_missingRequiredOption_usageExitCode() {
        assertEquals(ExitCodes.USAGE, run(new StringWriter(), new StringWriter(), "replay"));
    }

    @Test
    void replay_withoutConfigOrState_usageErrorSaysWhatToGive(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.events2");
        Files.writeString(f, "exists -\n");
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.USAGE, run(new StringWriter(), err, "replay", "--events", f.toString()));
        assertTrue(err.toString().contains("--config FILE") && err.toString().contains("--state"), err.toString());
    }

    @Test
    void status_noConfiguration_saysSoAndFails(@TempDir Path dir) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream();
        int rc = io.reactord.ctl.status.LocalStatus.run(dir.resolve("reactord.toml"), java.util.List.of(), java.util.List.of(),
                false, false, null, io.reactord.agent.control.status.Terminal.plain(), new java.io.PrintStream(o, true),
                new java.io.PrintStream(e, true));
        assertEquals(ExitCodes.FAILURE, rc);
        assertEquals("", o.toString());
        assertTrue(e.toString().contains("no configuration: " + dir.resolve("reactord.toml") + " does not exist"), e.toString());
    }

    @Test
    void execute_versionAndHelp_succeed() {
        StringWriter out = new StringWriter();
        assertEquals(ExitCodes.OK, run(out, new StringWriter(), "--version"));
        assertTrue(out.toString().startsWith("reactorctl "), out.toString());
        StringWriter help = new StringWriter();
        assertEquals(ExitCodes.OK, run(help, new StringWriter(), "--help"));
        assertTrue(help.toString().contains("replay"), help.toString());
    }

    @Test
    void replayState_fixtureStream_printsStatusShapedArray(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.events2");
        Files.writeString(f, "exists resource name:r0 role:Secondary suspended:no may_promote:yes promotion_score:10103\n"
                + "garbage \u0000 line\n"
                + "exists device name:r0 volume:0 minor:1000 disk:UpToDate client:no open:no quorum:yes\n"
                + "exists connection name:r0 peer-node-id:1 conn-name:bravo connection:Connecting role:Unknown\n"
                + "exists -\n");
        StringWriter out = new StringWriter();
        assertEquals(ExitCodes.OK, run(out, new StringWriter(), "replay", "--events", f.toString(), "--state"));
        assertEquals("[{\"name\":\"r0\",\"role\":\"Secondary\",\"suspended\":false,\"may_promote\":true,"
                + "\"promotion_score\":10103,\"devices\":[{\"volume\":0,\"minor\":1000,\"disk-state\":\"UpToDate\","
                + "\"client\":false,\"quorum\":true,\"open\":false}],\"connections\":[{\"peer-node-id\":1,"
                + "\"name\":\"bravo\",\"connection-state\":\"Connecting\",\"peer-role\":\"Unknown\","
                + "\"peer_devices\":[]}]}]", out.toString().trim());
    }

    @Test
    void replayState_missingFile_oneLineErrorExitOne(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int rc = run(new StringWriter(), err, "replay", "--events", dir.resolve("nope").toString(), "--state");
        assertEquals(ExitCodes.FAILURE, rc);
        assertEquals(1, err.toString().trim().lines().count(), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void replayState_invalidUtf8_treatedAsGarbageLines(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bin.events2");
        byte[] head = "exists resource name:r0 role:Primary\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] junk = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, '\n'};
        byte[] all = new byte[head.length + junk.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(junk, 0, all, head.length, junk.length);
        Files.write(f, all);
        StringWriter out = new StringWriter();
        assertEquals(ExitCodes.OK, run(out, new StringWriter(), "replay", "--events", f.toString(), "--state"));
        assertTrue(out.toString().contains("\"role\":\"Primary\""), out.toString());
    }

    @Test
    void subcommands_registeredNames_matchEachCommandsOwnName() {
        for (var e : Subcommands.all().entrySet()) {
            CommandLine one = new CommandLine(e.getValue().get());
            assertEquals(e.getKey(), one.getCommandName(), "registered name of " + e.getValue().get().getClass());
        }
    }

    @Test
    void commandLineFor_namedSubcommand_buildsOnlyThatOne() {
        CommandLine cl = ReactorCtl.commandLineFor(new String[] {"check", "-c", "/x"});
        assertEquals(java.util.Set.of("check", "help"), cl.getSubcommands().keySet());
        // every command, help, and generate-completion's alias completion
        CommandLine all = ReactorCtl.commandLineFor(new String[] {"--help"});
        assertEquals(Subcommands.all().size() + 2, all.getSubcommands().size());
        CommandLine completion = ReactorCtl.commandLineFor(new String[] {"completion"});
        assertEquals(Subcommands.all().size() + 2, completion.getSubcommands().size());
    }

    @Test
    void configFirst_leadingConfigOption_movesBehindCommand() {
        assertArrayEquals(new String[] {"status", "-c", "/etc/r.toml", "-v"},
                ReactorCtl.configFirst(new String[] {"-c", "/etc/r.toml", "status", "-v"}));
        assertArrayEquals(new String[] {"status", "--config=/x"},
                ReactorCtl.configFirst(new String[] {"--config=/x", "status"}));
        assertArrayEquals(new String[] {"ls", "-c/x"}, ReactorCtl.configFirst(new String[] {"-c/x", "ls"}));
        assertArrayEquals(new String[] {"status", "-c", "x"}, ReactorCtl.configFirst(new String[] {"status", "-c", "x"}));
        assertArrayEquals(new String[] {"-c", "x", "nonsense"},
                ReactorCtl.configFirst(new String[] {"-c", "x", "nonsense"}));
        assertArrayEquals(new String[] {"-c"}, ReactorCtl.configFirst(new String[] {"-c"}));
    }

    @Test
    void statusByDefault_noCommand_runsStatusAsDrbdReactorctl() {
        assertArrayEquals(new String[] {"status"}, ReactorCtl.statusByDefault(new String[0]));
        assertArrayEquals(new String[] {"-c", "/x", "status"}, ReactorCtl.statusByDefault(new String[] {"-c", "/x"}));
        assertArrayEquals(new String[] {"--config=/x", "status"}, ReactorCtl.statusByDefault(new String[] {"--config=/x"}));
        assertArrayEquals(new String[] {"-c/x", "status"}, ReactorCtl.statusByDefault(new String[] {"-c/x"}));
        for (String[] kept : new String[][] {{"--help"}, {"-h"}, {"--version"}, {"help"}, {"ls"}, {"-c", "/x", "ls"},
                {"-c"}, {"--nonsense"}, {"-c", "/x", "--help"}}) {
            assertArrayEquals(kept, ReactorCtl.statusByDefault(kept), String.join(" ", kept));
        }
    }

    @Test
    void main_noCommand_printsTheStatus(@TempDir Path dir) throws Exception {
        Path d = Files.createDirectories(dir.resolve("d"));
        Path main = dir.resolve("main.toml");
        Files.writeString(main, "snippets = \"" + d + "\"\ndrbdsetup = \"/bin/false\"\nsocket = \"" + dir.resolve("no.sock") + "\"\n");
        Files.writeString(d.resolve("db.toml"), "[[promoter]]\n[promoter.resources.db]\nstart = [\"a.service\"]\n");
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream();
        int rc = io.reactord.ctl.status.QuickStatus.run(ReactorCtl.statusByDefault(new String[] {"-c", main.toString()}),
                new java.io.PrintStream(o, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(e, true, java.nio.charset.StandardCharsets.UTF_8));
        String out = o.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, rc, e.toString());
        assertTrue(out.startsWith(d.resolve("db.toml") + ":\nPromoter: Resource db currently active on "), out);
        StringWriter help = new StringWriter();
        assertEquals(ExitCodes.OK, run(help, new StringWriter(), ReactorCtl.statusByDefault(new String[] {"--help"})));
        assertTrue(help.toString().startsWith("Usage: reactorctl"), help.toString());
    }

    @Test
    void generateCompletion_bashZshAndTheOldName_printTheScript() {
        for (String[] args : new String[][] {{"generate-completion"}, {"generate-completion", "zsh"}, {"completion"}}) {
            CommandLine cl = ReactorCtl.commandLineFor(args);
            GenerateCompletionCommand c = (GenerateCompletionCommand) cl.getSubcommands().get(args[0]).getCommand();
            java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
            c.out = new java.io.PrintStream(o, true, java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(ExitCodes.OK, cl.execute(args), String.join(" ", args));
            String script = o.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(script.contains("complete -F _complete_reactorctl") && script.contains("generate-completion")
                    && script.contains("status"), script);
        }
    }

    @Test
    void generateCompletion_otherShell_usageErrorSaysWhich() {
        String[] args = {"generate-completion", "fish"};
        CommandLine cl = ReactorCtl.commandLineFor(args);
        GenerateCompletionCommand c = (GenerateCompletionCommand) cl.getSubcommands().get(args[0]).getCommand();
        java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream();
        c.err = new java.io.PrintStream(e, true, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(ExitCodes.USAGE, cl.execute(args));
        assertTrue(e.toString(java.nio.charset.StandardCharsets.UTF_8).contains("no completion for 'fish'"), e.toString());
    }
}
