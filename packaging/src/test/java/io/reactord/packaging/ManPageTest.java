package io.reactord.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

final class ManPageTest {

    @TempDir
    Path tmp;

    @Command(name = "demo", description = "Demonstrate things. More text here.", subcommands = Demo.Show.class)
    static final class Demo {
        @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "main file (default: ${DEFAULT-VALUE})")
        String config = "/etc/demo.toml";

        @Option(names = "--secret", hidden = true, description = "not for users")
        boolean secret;

        @Command(name = "show", description = {"Show @|bold one|@ resource.%nSecond paragraph with 100%% coverage."})
        static final class Show {
            @Parameters(paramLabel = "RES", description = "resource name")
            String res;

            @Parameters(paramLabel = "FILE", arity = "0..*", description = "optional files")
            List<String> files;
        }
    }

    @Command(name = "hiddenparent", description = "Parent.", subcommands = HiddenSub.class)
    static final class HiddenParent {}

    @Command(name = "internal", hidden = true, description = "Internal.")
    static final class HiddenSub {}

    private static String page() {
        return ManPage.render(new CommandLine(new Demo()), "8", "2026-01-02", "demo 1.0",
                List.of(new ManPage.Section("Exit status", List.of("0 success", "1 failure"))));
    }

    @Test
    void render_command_headerNameAndSynopsis() {
        String p = page();
        assertTrue(p.startsWith(".TH \"DEMO\" 8 \"2026\\-01\\-02\" \"demo 1.0\" \"System Administration\"\n"), p);
        assertTrue(p.contains(".SH NAME\ndemo \\- Demonstrate things\n"), p);
        assertTrue(p.contains(".SH SYNOPSIS\n.PP\n.B \"demo\"\n[\\fB\\-\\-config=FILE\\fR]\n\\fICOMMAND\\fR\n"), p);
    }

    @Test
    void render_option_namesLabelAndInterpolatedDefault() {
        String p = page();
        assertTrue(p.contains(".TP\n\\fB\\-c\\fR, \\fB\\-\\-config\\fR \\fIFILE\\fR\nmain file (default: /etc/demo.toml)\n"), p);
    }

    @Test
    void render_hiddenOption_notShown() {
        assertFalse(page().contains("secret"));
    }

    @Test
    void render_subcommand_ownSectionWithMarkupAndFormatResolved() {
        String p = page();
        assertTrue(p.contains(".SH COMMANDS\n.SS \"demo show\"\n"), p);
        assertTrue(p.contains(".PP\nShow one resource.\n.PP\nSecond paragraph with 100% coverage.\n"), p);
        assertTrue(p.contains(".TP\n\\fIRES\\fR\nresource name\n"), p);
        assertTrue(p.contains(".B \"demo show\"\n\\fIRES\\fR\n[\\fIFILE\\fR...]\n"), p);
    }

    @Test
    void render_hiddenSubcommand_noCommandsSection() {
        String p = ManPage.render(new CommandLine(new HiddenParent()), "8", "2026-01-02", "x", List.of());
        assertFalse(p.contains("internal"), p);
        assertFalse(p.contains(".SH COMMANDS"), p);
    }

    @Test
    void render_extraSection_titleUpperCased() {
        assertTrue(page().contains(".SH \"EXIT STATUS\"\n.PP\n0 success\n.PP\n1 failure\n"));
    }

    @Test
    void escape_leadingDotAndBackslash_madeLiteral() {
        assertEquals("\\&.hidden", ManPage.escape(".hidden"));
        assertEquals("a\\eb", ManPage.escape("a\\b"));
    }

    @Test
    void render_command_manFormatsWithoutWarnings() throws Exception {
        Path f = tmp.resolve("demo.8");
        Files.writeString(f, page());
        Processes.Result r = Processes.run(List.of("sh", "-c", "command -v man >/dev/null || exit 99; "
                + "MANWIDTH=80 man --warnings -l " + f + " 2>&1 >/dev/null"));
        if (r.exitCode() == 99) {
            return; // man-db not installed: the text assertions above still hold
        }
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("", r.output().strip(), r.output());
    }
}
