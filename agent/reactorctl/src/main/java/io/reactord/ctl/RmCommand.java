package io.reactord.ctl;

import io.reactord.agent.files.ConfigFiles;
import io.reactord.agent.files.Snippets;
import io.reactord.ctl.snippets.SnippetMoves;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reactorctl rm [--disabled] [-f]}: removes snippets (asking first unless forced) and reloads the daemon.
 * A name matches the enabled snippet, else the disabled one; {@code --disabled} (drbd-reactorctl's option) only
 * the disabled one, so {@code rm --disabled NAME} leaves {@code NAME.toml} alone when both exist.
 */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = {"Remove snippets, asking for each unless -f, then reload reactord.",
                "A name means its enabled snippet, else its disabled one; --disabled: only the disabled one."})
public final class RmCommand extends SnippetCommand {
    @Option(names = {"-f", "--force"}, description = "do not ask")
    boolean force;

    @Option(names = "--disabled", description = "remove the disabled snippet (NAME.toml.disabled) of each name")
    boolean disabled;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "snippets or promoter resource names")
    List<String> files = new ArrayList<>();

    InputStream in = System.in;

    @Override
    public Integer call() {
        return disabled ? run("rm", files, Snippets.Want.DISABLED, "disabled snippet")
                : run("rm", files, Snippets.Want.EITHER, "snippet or resource");
    }

    @Override
    void act(ConfigFiles cfg, Snippets.Expansion ex, int[] failures) {
        BufferedReader answers = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int removed = 0;
        boolean enabledRemoved = false;
        for (Path f : ex.files()) {
            if (!force && !ask(answers, "Remove '" + f + "'? [N/y] ")) {
                out.println("kept " + f);
                continue;
            }
            try {
                Files.delete(f);
                out.println("Removed " + f);
                removed++;
                enabledRemoved |= !Snippets.isDisabled(f);
            } catch (IOException e) {
                err.println("cannot remove " + f + ": " + e.getMessage());
                failures[0]++;
            }
        }
        if (removed > 0 && enabledRemoved) {
            SnippetMoves.reload(systemctl, out, err, failures);
        }
    }

    private boolean ask(BufferedReader answers, String question) {
        while (true) {
            out.print(question);
            out.flush();
            String line;
            try {
                line = answers.readLine();
            } catch (IOException e) {
                return false;
            }
            if (line == null) {
                return false;
            }
            switch (line.strip().toLowerCase(Locale.ROOT)) {
                case "y", "yes":
                    return true;
                case "", "n", "no":
                    return false;
                default:
                    out.println("answer y or n");
            }
        }
    }
}
