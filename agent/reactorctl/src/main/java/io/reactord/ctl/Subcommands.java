package io.reactord.ctl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The one list of reactorctl subcommands, by name. Add a line per command class. A run builds only
 * the picocli model of the command it invokes ({@link #registerOnly}); help, man pages and
 * completion build them all ({@link #register}).
 */
final class Subcommands {
    private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("check", CheckCommand::new);
        ALL.put("replay", ReplayCommand::new);
        ALL.put("why", WhyCommand::new);
        ALL.put("events", EventsCommand::new);
        ALL.put("install-units", InstallUnitsCommand::new);
        ALL.put("status", StatusCommand::new);
        ALL.put("ls", LsCommand::new);
        ALL.put("cat", CatCommand::new);
        ALL.put("enable", EnableCommand::new);
        ALL.put("disable", DisableCommand::new);
        ALL.put("restart", RestartCommand::new);
        ALL.put("rm", RmCommand::new);
        ALL.put("edit", EditCommand::new);
        ALL.put("start-until", StartUntilCommand::new);
        ALL.put("evict", EvictCommand::new);
        ALL.put("move", MoveCommand::new);
        ALL.put("doctor", DoctorCommand::new);
        ALL.put("generate-completion", GenerateCompletionCommand::new);
    }

    /** Other names of a command ({@code @Command(aliases)}), to the name it is registered under. */
    private static final Map<String, String> ALIASES = Map.of("completion", "generate-completion");

    private Subcommands() {}

    /** Every subcommand name, in registration order. */
    static Map<String, Supplier<Object>> all() {
        return Collections.unmodifiableMap(ALL);
    }

    static boolean has(String name) {
        return name != null && (ALL.containsKey(name) || ALIASES.containsKey(name));
    }

    /** The registered name of a command name or alias. */
    static String canonical(String name) {
        return ALIASES.getOrDefault(name, name);
    }

    static void register(CommandLine cl) {
        ALL.forEach((name, make) -> cl.addSubcommand(name, make.get()));
    }

    /** Registers just one subcommand: a cold JVM then reflects over one command class, not all of them. */
    static void registerOnly(CommandLine cl, String name) {
        cl.addSubcommand(canonical(name), ALL.get(canonical(name)).get());
    }
}
