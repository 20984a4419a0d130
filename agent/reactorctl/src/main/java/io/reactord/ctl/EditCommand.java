package io.reactord.ctl;

import io.reactord.agent.files.ConfigFiles;
import io.reactord.agent.files.Snippets;
import io.reactord.ctl.snippets.SnippetEditor;
import io.reactord.ctl.snippets.SnippetMoves;
import io.reactord.ctl.snippets.Templates;
import io.reactord.ctl.support.ConfigOption;
import io.reactord.systemd.Systemctl;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reactorctl edit}: edits or creates a snippet, validated before it is saved. */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = {"Edit or create a snippet, checked before it is saved.",
                "Opens the snippet (or a template) in $VISUAL/$EDITOR; while it does not load it is reopened",
                "with the errors listed at the top; once saved, reactord is reloaded."})
public final class EditCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "plugin type of a new snippet: promoter (default), prometheus, umh, debugger")
    String type = "promoter";

    @Option(names = "--disabled", description = "edit a disabled snippet")
    boolean disabled;

    @Option(names = {"-f", "--force"}, description = "save even with a mount unit last in a promoter's start list")
    boolean force;

    @Parameters(paramLabel = "FILE", description = "snippet name (NAME, NAME.toml or a path)")
    String file;

    List<String> editor = SnippetEditor.editorFromEnvironment();
    Systemctl systemctl = Systemctl.fromEnvironment();
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (!List.of("promoter", "prometheus", "umh", "debugger").contains(type)) {
            err.println("reactorctl edit: unknown type '" + type + "' (promoter, prometheus, umh, debugger)");
            return ExitCodes.USAGE;
        }
        ConfigFiles cfg = config.load();
        Snippets.Expansion ex = Snippets.expand(cfg, List.of(file), disabled ? Snippets.Want.DISABLED : Snippets.Want.ENABLED);
        Path target;
        if (!ex.files().isEmpty()) {
            target = ex.files().get(0);
        } else if (file.contains("/")) {
            target = Path.of(file).toAbsolutePath();
        } else {
            String n = file.endsWith(Snippets.ENABLED) ? file : file + Snippets.ENABLED;
            target = cfg.snippetsDir().resolve(disabled ? n + ".disabled" : n);
        }
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            String base = target.getFileName().toString().replaceFirst("\\.toml(\\.disabled)?$", "");
            SnippetEditor.Outcome o = new SnippetEditor(editor, err).edit(target, Templates.of(type, base), type, force);
            if (o == SnippetEditor.Outcome.EDITOR_FAILED) {
                return ExitCodes.FAILURE;
            }
            if (o != SnippetEditor.Outcome.SAVED) {
                return ExitCodes.OK;
            }
            out.println("Saved " + target);
            int[] failures = {0};
            if (!Snippets.isDisabled(target)) {
                SnippetMoves.reload(systemctl, out, err, failures);
            }
            return failures[0] > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
        } catch (IOException e) {
            err.println("reactorctl edit: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
