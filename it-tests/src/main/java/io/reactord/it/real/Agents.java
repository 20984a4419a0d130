package io.reactord.it.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the agent launchers and jar are ({@code bin/reactord}, {@code bin/reactorctl}, {@code
 * agent/target/reactord.jar} of the checkout) and which reactorctl commands this build has.
 */
final class Agents {
    private static volatile Agents detected;

    private final Path home;
    private final Path jar;
    private Boolean operator;
    private Boolean status;

    private Agents(Path home, Path jar) {
        this.home = home;
        this.jar = jar;
    }

    /** The checkout: {@code -Dreactord.home}, {@code REACTORD_HOME}, or the first parent of the working directory with bin/reactord. */
    static Agents detect() {
        Agents a = detected;
        if (a == null) {
            Path home = null;
            String prop = System.getProperty("reactord.home", System.getenv("REACTORD_HOME"));
            if (prop != null && !prop.isBlank()) {
                home = Path.of(prop).toAbsolutePath().normalize();
            } else {
                for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                    if (Files.isExecutable(p.resolve("bin/reactord"))) {
                        home = p;
                        break;
                    }
                }
            }
            String jarEnv = System.getenv("REACTORD_AGENT_JAR");
            Path jar = jarEnv != null && !jarEnv.isBlank() ? Path.of(jarEnv)
                    : home == null ? null : home.resolve("agent/target/reactord.jar");
            a = new Agents(home, jar == null ? null : jar.toAbsolutePath().normalize());
            detected = a;
        }
        return a;
    }

    /** Why agents cannot be started, or empty. */
    Optional<String> problem() {
        if (home == null) {
            return Optional.of("bin/reactord not found above " + Path.of("").toAbsolutePath()
                    + " (set -Dreactord.home or REACTORD_HOME to the checkout)");
        }
        if (jar == null || !Files.isRegularFile(jar)) {
            return Optional.of("the agent jar " + jar + " is missing: build it with mvn -q -DskipTests package");
        }
        return Optional.empty();
    }

    Path reactord() {
        return home.resolve("bin/reactord");
    }

    Path reactorctl() {
        return home.resolve("bin/reactorctl");
    }

    Path jar() {
        return jar;
    }

    synchronized boolean hasOperatorCommands() {
        if (operator == null) {
            operator = problem().isEmpty() && helps("evict") && helps("move") && helps("disable") && helps("enable");
        }
        return operator;
    }

    synchronized boolean hasStatusJson() {
        if (status == null) {
            status = problem().isEmpty() && helps("status");
        }
        return status;
    }

    /** Whether {@code reactorctl CMD --help} succeeds. */
    private boolean helps(String cmd) {
        try {
            Process p = new ProcessBuilder(List.of(reactorctl().toString(), cmd, "--help"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
