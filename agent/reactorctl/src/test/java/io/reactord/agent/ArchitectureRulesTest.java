package io.reactord.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import directions of {@code ../shared/DESIGN.md} §2, checked on the sources of the agent's sub-modules: every
 * qualified name in code (imports, static imports, names written out in full), with comments and string literals
 * removed, so a logger name such as {@code "org.freedesktop.dbus"} is no dependency. The poms already keep most of
 * these (a module only compiles against what it declares); this test also catches a dependency added to a pom
 * against the intended direction, and a package split over two modules.
 * <ul>
 *   <li>each module's main sources use only the agent packages of the modules it may depend on
 *       ({@link #MAY_USE}); in particular nothing but reactorctl uses the CLI ({@code io.reactord.ctl}), and
 *       reactorctl uses none of the daemon's packages;</li>
 *   <li>the promoter ({@code io.reactord.agent.promoter}) uses only {@code java.*}, itself, the enums and records of
 *       {@code io.reactord.events2} and the enums of {@code io.reactord.config};</li>
 *   <li>no main source outside {@code io.reactord.systemd} (the systemd-units module) uses D-Bus,
 *       {@code org.freedesktop}.</li>
 * </ul>
 * Lives in reactorctl, the highest agent module; surefire runs it in {@code agent/reactorctl}.
 */
class ArchitectureRulesTest {
    /** The agent's sub-modules, in build order, with the sub-modules whose packages each may use (itself included). */
    private static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("promoter", Set.of("promoter"));
        MAY_USE.put("node", Set.of("node", "control", "promoter"));
        MAY_USE.put("control", Set.of("control", "promoter"));
        MAY_USE.put("reactord", Set.of("reactord", "node", "control", "promoter"));
        MAY_USE.put("reactorctl", Set.of("reactorctl", "node", "control", "promoter"));
    }

    /** The agent directory (surefire runs in agent/reactorctl). */
    private static final Path AGENT = Path.of("..");
    /** The modules whose main sources may not use D-Bus (systemd-units is the one that does), from the checkout. */
    private static final List<String> NO_DBUS_MODULES = List.of("events2-parser", "config", "agent/promoter",
            "agent/node", "agent/control", "agent/reactord", "agent/reactorctl", "it-tests", "packaging");

    /**
     * Known exceptions to the promoter rule, by file and qualified name, each with its reason. A new use fails;
     * removing one of these fails too, so the list shrinks with the code.
     */
    private static final Map<String, Set<String>> PROMOTER_EXCEPTIONS = Map.of();

    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])((?:java|javax|jdk|sun|org|com|ch|io|picocli)\\.[a-z]\\w*(?:\\.[a-zA-Z_]\\w*)*(?:\\.\\*)?)");

    private static Path mainSources(String module) {
        return AGENT.resolve(module).resolve("src/main/java");
    }

    /** Every package of the agent's main sources and the one module that holds it; a split package fails. */
    private static Map<String, String> packageModules() {
        Map<String, String> owner = new TreeMap<>();
        List<String> split = new ArrayList<>();
        for (String module : MAY_USE.keySet()) {
            Path root = mainSources(module);
            for (Path f : javaFiles(root)) {
                String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
                String before = owner.putIfAbsent(pkg, module);
                if (before != null && !before.equals(module)) {
                    split.add(pkg + " in " + before + " and " + module);
                }
            }
        }
        assertEquals(List.of(), split, "a package lives in one module");
        return owner;
    }

    /** The package of a qualified name (of a class, a nested class or a static member): the lower-case prefix. */
    static String packageOf(String name) {
        StringBuilder pkg = new StringBuilder();
        for (String part : name.split("\\.")) {
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
            pkg.append(pkg.length() == 0 ? "" : ".").append(part);
        }
        return pkg.toString();
    }

    @Test
    void eachModuleUsesOnlyThePackagesOfTheModulesBelowIt() {
        Map<String, String> owner = packageModules();
        assertTrue(owner.size() > 20, "the sub-modules' packages were found (" + owner + ")");
        List<String> bad = new ArrayList<>();
        for (String module : MAY_USE.keySet()) {
            Path root = mainSources(module);
            for (Path f : javaFiles(root)) {
                for (String n : names(f)) {
                    if (!n.startsWith("io.reactord.agent") && !n.startsWith("io.reactord.ctl")) {
                        continue;
                    }
                    String target = owner.get(packageOf(n));
                    if (target != null && !MAY_USE.get(module).contains(target)) {
                        bad.add(module + "/" + root.relativize(f) + " uses " + n + " (" + target + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), bad, "a module uses only the packages of the modules it may depend on (DESIGN §2)");
    }

    @Test
    void theAggregatorHoldsNoSources() {
        // agent/ only lists the modules: a file under agent/src (e.g. one added by a branch older than the split)
        // would be compiled and tested by no module, silently
        assertTrue(Files.isRegularFile(AGENT.resolve("pom.xml")), "the agent aggregator was found");
        assertFalse(Files.exists(AGENT.resolve("src")), "agent/src is built by no module: move its files into the "
                + "module that owns their package (README, layout)");
    }

    @Test
    void agentNeverUsesTheCli() {
        List<String> bad = new ArrayList<>();
        for (String module : MAY_USE.keySet()) {
            if (module.equals("reactorctl")) {
                continue;
            }
            Path root = mainSources(module);
            for (Path f : javaFiles(root)) {
                for (String n : names(f)) {
                    if (n.startsWith("io.reactord.ctl.") || n.equals("io.reactord.ctl")) {
                        bad.add(module + "/" + root.relativize(f) + " uses " + n);
                    }
                }
            }
        }
        assertEquals(List.of(), bad, "the daemon and the modules below it must not depend on reactorctl (io.reactord.ctl)");
    }

    @Test
    void promoterUsesOnlyJavaItselfAndTheEnumsAndRecordsOfEvents2AndConfig() {
        List<String> bad = new ArrayList<>();
        Set<String> excepted = new TreeSet<>();
        List<Path> files = javaFiles(mainSources("promoter"));
        assertTrue(files.size() > 20, "the promoter's sources were found (" + files.size() + " files)");
        for (Path f : files) {
            Set<String> allowedHere = PROMOTER_EXCEPTIONS.getOrDefault(f.getFileName().toString(), Set.of());
            for (String n : names(f)) {
                if (allowedHere.contains(n)) {
                    excepted.add(f.getFileName() + " " + n);
                } else if (!promoterMayUse(n)) {
                    bad.add(f.getFileName() + " uses " + n);
                }
            }
        }
        assertEquals(List.of(), bad, "the promoter is pure: java.*, itself, events2 enums/records, config enums");
        Set<String> listed = new TreeSet<>();
        PROMOTER_EXCEPTIONS.forEach((file, names) -> names.forEach(n -> listed.add(file + " " + n)));
        assertEquals(listed, excepted, "an exception no longer used: remove it from PROMOTER_EXCEPTIONS");
    }

    @Test
    void onlySystemdUnitsUsesDbus() {
        List<String> bad = new ArrayList<>();
        int scanned = 0;
        for (String module : NO_DBUS_MODULES) {
            Path root = AGENT.resolve("..").resolve(module).resolve("src/main/java");
            for (Path f : javaFiles(root)) {
                scanned++;
                for (String n : names(f)) {
                    if (n.startsWith("org.freedesktop.")) {
                        bad.add(module + "/" + root.relativize(f) + " uses " + n);
                    }
                }
            }
        }
        assertTrue(scanned > 100, "the sibling modules' sources were found (" + scanned + " files)");
        assertEquals(List.of(), bad, "only systemd-units (io.reactord.systemd) may use D-Bus");
    }

    @Test
    void theScannerSeesCodeButNotCommentsOrStrings() {
        String src = """
                package x;
                import io.reactord.ctl.A;
                // io.reactord.ctl.B in a comment
                /* org.freedesktop.C */
                class Y { String s = "org.freedesktop.dbus"; Object o = new org.freedesktop.dbus.D(); char c = '"'; }
                """;
        assertEquals(Set.of("io.reactord.ctl.A", "org.freedesktop.dbus.D"), qualifiedNames(src));
        assertEquals("io.reactord.agent.core", packageOf("io.reactord.agent.core.AgentCore.EventObserver"));
        assertEquals("io.reactord.agent.runtime", packageOf("io.reactord.agent.runtime"));
    }

    private static boolean promoterMayUse(String n) {
        if (n.startsWith("java.") || n.startsWith("io.reactord.agent.promoter.")) {
            return true;
        }
        if (n.startsWith("io.reactord.events2.")) {
            Class<?> c = load(n);
            return c != null && (c.isEnum() || c.isRecord());
        }
        if (n.startsWith("io.reactord.config.")) {
            Class<?> c = load(n);
            return c != null && c.isEnum();
        }
        return false;
    }

    /** The class a qualified name (of a class, a nested class or a static member) names, or null. */
    private static Class<?> load(String name) {
        String[] parts = name.split("\\.");
        for (int k = parts.length; k > 0; k--) {
            StringBuilder binary = new StringBuilder();
            boolean inClass = false;
            for (int i = 0; i < k; i++) {
                if (i > 0) {
                    binary.append(inClass ? '$' : '.');
                }
                binary.append(parts[i]);
                inClass |= Character.isUpperCase(parts[i].charAt(0));
            }
            try {
                return Class.forName(binary.toString(), false, ArchitectureRulesTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // a shorter prefix may name the class
            }
        }
        return null;
    }

    private static Set<String> names(Path f) {
        try {
            return qualifiedNames(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The qualified names in code: imports and names written out, without the package line, comments and literals. */
    static Set<String> qualifiedNames(String src) {
        String code = stripCommentsAndLiterals(src).replaceFirst("(?m)^package\\s+[\\w.]+\\s*;", "");
        Set<String> out = new TreeSet<>();
        Matcher m = QUALIFIED.matcher(code);
        while (m.find()) {
            String n = m.group(1);
            if (n.endsWith(".*")) {
                n = n.substring(0, n.length() - 2);
            }
            out.add(n);
        }
        return out;
    }

    private static String stripCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? s.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
