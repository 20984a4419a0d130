package io.reactord.ctl;

import io.reactord.agent.files.ConfigFiles;
import io.reactord.agent.files.Snippets;
import io.reactord.config.ConfigLoader;
import io.reactord.config.LoadResult;
import io.reactord.config.PromoterResource;
import io.reactord.config.ReactordConfig;
import io.reactord.ctl.support.ConfigOption;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reactorctl ls}: the snippets and the plugins each defines. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List snippets (absolute paths) and the plugins each one defines.")
public final class LsCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--disabled", description = "list disabled snippets instead")
    boolean disabled;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "snippets to list; default: all")
    List<String> files = new ArrayList<>();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        ConfigFiles cfg = config.load();
        Snippets.Expansion ex = Snippets.expand(cfg, files, disabled ? Snippets.Want.DISABLED : Snippets.Want.ENABLED);
        for (String u : ex.unknown()) {
            err.println("reactorctl ls: no such snippet: " + u);
        }
        for (Path f : ex.files()) {
            out.println(f + ":");
            LoadResult r = ConfigLoader.loadSnippets(List.of(f));
            if (!r.ok()) {
                r.errors().forEach(e -> out.println("- ERROR: " + e));
                continue;
            }
            ReactordConfig c = r.config();
            for (PromoterResource p : c.resources().values()) {
                List<String> start = new ArrayList<>(p.start());
                if (start.size() > 3) {
                    start = new ArrayList<>(start.subList(0, 3));
                    start.add("...");
                }
                List<String> quoted = new ArrayList<>();
                start.forEach(s -> quoted.add("\"" + s + "\""));
                out.println("- Promoter: " + p.name() + "; start = [" + String.join(", ", quoted) + "]");
            }
            c.prometheus().forEach(pr -> out.println("- Prometheus: " + pr.address()));
            c.umh().forEach(u -> out.println("- UMH"));
            c.debugger().forEach(d -> out.println("- Debugger"));
        }
        out.flush();
        return ex.unknown().isEmpty() ? ExitCodes.OK : ExitCodes.NOT_FOUND;
    }
}
