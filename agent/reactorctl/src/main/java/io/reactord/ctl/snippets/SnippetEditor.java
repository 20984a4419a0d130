package io.reactord.ctl.snippets;

import io.reactord.config.ConfigLoader;
import io.reactord.config.LoadResult;
import io.reactord.config.ReactordConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code edit}'s loop: the snippet (or a template) is copied to a hidden temporary file in the snippets
 * directory, opened in the editor, and checked when the editor exits; on errors the file is reopened
 * with the errors in {@code #|} header lines. An empty or unchanged file aborts. Only a file that loads
 * replaces the snippet, atomically.
 */
public final class SnippetEditor {
    static final String HEADER = "#|";

    /** What became of the edit. */
    public enum Outcome { SAVED, UNCHANGED, EMPTY, EDITOR_FAILED }

    private final List<String> editor;
    private final PrintStream err;

    public SnippetEditor(List<String> editor, PrintStream err) {
        this.editor = List.copyOf(editor);
        this.err = err;
    }

    /** The editor from {@code VISUAL}, then {@code EDITOR}, else {@code vi}. */
    public static List<String> editorFromEnvironment() {
        for (String v : new String[] {System.getenv("VISUAL"), System.getenv("EDITOR")}) {
            if (v != null && !v.isBlank()) {
                return List.of(v.trim().split("\\s+"));
            }
        }
        return List.of("vi");
    }

    /**
     * Edits {@code target} (created from {@code template} when it does not exist).
     *
     * @param type  the plugin table the snippet must define exactly one of (promoter, prometheus, umh, debugger)
     * @param force accept a promoter whose last start unit is a mount
     */
    public Outcome edit(Path target, String template, String type, boolean force) throws IOException {
        String original = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
        String text = original.isEmpty() ? template : original;
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".reactorctl-edit-", ".toml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            List<String> problems = List.of();
            while (true) {
                Files.writeString(tmp, header(problems) + text, StandardCharsets.UTF_8);
                if (!runEditor(tmp)) {
                    return Outcome.EDITOR_FAILED;
                }
                text = stripHeader(Files.readString(tmp, StandardCharsets.UTF_8));
                if (text.isBlank()) {
                    err.println("edit aborted: the file is empty, nothing saved");
                    return Outcome.EMPTY;
                }
                if (text.strip().equals(original.strip())) {
                    err.println("edit aborted: no changes");
                    return Outcome.UNCHANGED;
                }
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                problems = check(tmp, type, force, otherSnippets(dir, target));
                if (problems.isEmpty()) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    return Outcome.SAVED;
                }
                err.println("the snippet has errors; reopening it:");
                problems.forEach(p -> err.println("  " + p));
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The enabled snippets of {@code dir} other than {@code target} (hidden files skipped). */
    static List<Path> otherSnippets(Path dir, Path target) {
        Path self = target.toAbsolutePath().normalize();
        try (var list = Files.list(dir)) {
            return list.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".toml") && !n.startsWith(".") && !p.toAbsolutePath().normalize().equals(self);
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * As {@link #check(Path, String, boolean)}, then loaded together with the {@code others}: what
     * conflicts with them (a resource or a start unit another snippet already has) is reported too,
     * since the daemon would leave the saved file out.
     */
    static List<String> check(Path file, String type, boolean force, List<Path> others) {
        List<String> out = check(file, type, force);
        if (!out.isEmpty() || others.isEmpty()) return out;
        List<Path> all = new ArrayList<>(others);
        all.add(file);
        LoadResult r = ConfigLoader.loadSnippets(all);
        r.errorsOf(file).forEach(d -> out.add(d.line() + ": " + d.message()));
        return out;
    }

    /** Why {@code file} cannot be saved as a snippet of {@code type}; empty when it can. */
    static List<String> check(Path file, String type, boolean force) {
        List<String> out = new ArrayList<>();
        LoadResult r = ConfigLoader.loadSnippets(List.of(file));
        if (!r.ok()) {
            r.errors().forEach(d -> out.add(d.line() + ": " + d.message()));
            return out;
        }
        ReactordConfig c = r.config();
        int n = switch (type) {
            case "promoter" -> c.resources().isEmpty() ? 0 : 1;
            case "prometheus" -> c.prometheus().size();
            case "umh" -> c.umh().size();
            case "debugger" -> c.debugger().size();
            default -> -1;
        };
        if (n != 1) {
            out.add("expected exactly one [[" + type + "]] plugin in the snippet");
        }
        if ("promoter".equals(type) && !force) {
            c.resources().values().forEach(p -> {
                if (!p.start().isEmpty() && p.start().get(p.start().size() - 1).endsWith(".mount")) {
                    out.add("resource " + p.name() + ": the last start unit is a mount; put the service using it last"
                            + " (or save anyway with --force)");
                }
            });
        }
        return out;
    }

    private boolean runEditor(Path file) throws IOException {
        List<String> cmd = new ArrayList<>(editor);
        cmd.add(file.toString());
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            int rc = p.waitFor();
            if (rc != 0) {
                err.println("editor " + editor.get(0) + " exited with " + rc + "; nothing saved");
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            err.println("cannot run the editor " + editor.get(0) + ": " + e.getMessage() + " (set EDITOR)");
            return false;
        }
    }

    static String header(List<String> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(HEADER).append(" Edit the snippet below. Lines starting with '#|' are dropped; an empty file aborts.\n");
        sb.append(HEADER).append(" The file is checked when you save; on errors it is reopened with them listed here.\n");
        for (String p : problems) {
            sb.append(HEADER).append(" ERROR ").append(p.replace('\n', ' ')).append('\n');
        }
        return sb.toString();
    }

    static String stripHeader(String text) {
        StringBuilder sb = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            if (!l.startsWith(HEADER)) {
                sb.append(l).append('\n');
            }
        }
        String s = sb.toString();
        return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
    }
}
