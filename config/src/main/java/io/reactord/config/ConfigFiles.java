package io.reactord.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads configuration files safely: only regular files (symbolic links are followed, but a snippet that links
 * outside its directory is refused unread), at most
 * {@link #MAX_BYTES} with at most {@link #MAX_CONTENT_BYTES} of settings, UTF-8 text, and — because they define commands run as root — neither group-
 * nor world-writable, and owned by root when reactord runs as root.
 */
final class ConfigFiles {
    private ConfigFiles() {}

    /**
     * Largest configuration file. Comments cost the parser little (about 7 bytes of heap per byte);
     * see docs/configuration.md, "Limits", for the figures.
     */
    static final int MAX_BYTES = 1024 * 1024;
    /**
     * Most characters of settings (lines other than blank and comment lines) in one file. Settings cost
     * tomlj's parser about 250 bytes of heap per character while a file is parsed, and the daemon runs
     * in a 48 MiB heap: 32 KiB keep a parse below about 10 MiB (docs/configuration.md, "Limits").
     */
    static final int MAX_CONTENT_BYTES = 32 * 1024;

    /** The text of {@code file}, or null after reporting why it cannot be used. */
    static String read(Path file, Issues issues, HostInfo host) {
        PosixFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            issues.error(file, 0, Files.isSymbolicLink(file) ? "is a symbolic link to a file that does not exist" : "file not found");
            return null;
        } catch (AccessDeniedException e) {
            issues.error(file, 0, "cannot read: permission denied");
            return null;
        } catch (FileSystemException e) {
            issues.error(file, 0, "cannot read: " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            issues.error(file, 0, "cannot read: " + e.getMessage());
            return null;
        }
        if (attrs.isDirectory()) {
            issues.error(file, 0, "is a directory, not a configuration file");
            return null;
        }
        if (!attrs.isRegularFile()) {
            issues.error(file, 0, "is not a regular file (a device, pipe or socket); refused");
            return null;
        }
        Set<PosixFilePermission> perms = attrs.permissions();
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            issues.error(file, 0, "refused: the file is " + (perms.contains(PosixFilePermission.OTHERS_WRITE) ? "world" : "group")
                    + "-writable (" + PosixFilePermissions.toString(perms) + ") and defines commands run as root;"
                    + " fix with: chmod go-w " + file);
            return null;
        }
        if (host.asRoot()) {
            int uid = uid(file);
            if (uid != 0) {
                issues.error(file, 0, "refused: the file is owned by " + attrs.owner().getName() + " (uid " + uid
                        + "), not root, and defines commands run as root; fix with: chown root: " + file);
                return null;
            }
        }
        if (attrs.size() > MAX_BYTES) {
            issues.error(file, 0, "is " + attrs.size() + " bytes, larger than the " + MAX_BYTES / (1024 * 1024)
                    + " MiB limit for a configuration file");
            return null;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            issues.error(file, 0, "cannot read: " + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage()));
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            issues.error(file, 0, "is larger than the " + MAX_BYTES / (1024 * 1024) + " MiB limit for a configuration file");
            return null;
        }
        String text = decode(file, bytes, issues);
        if (text == null) return null;
        int content = contentChars(text);
        if (content > MAX_CONTENT_BYTES) {
            issues.error(file, 0, "has " + content + " characters of settings (lines other than blank and comment lines),"
                    + " more than the limit of " + MAX_CONTENT_BYTES + " per file; split it into several snippets");
            return null;
        }
        return text;
    }

    /**
     * Characters on lines that are neither blank nor comments: what the parser's memory use grows with.
     * Lines inside a multi-line string count whatever they hold; a line that opens or closes one is
     * recognised by an odd number of triple quotes, which errs towards counting too much.
     */
    static int contentChars(String text) {
        int count = 0;
        int i = 0;
        int n = text.length();
        boolean inString = false;
        while (i < n) {
            int end = text.indexOf('\n', i);
            if (end < 0) end = n;
            int j = i;
            while (j < end && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) j++;
            if (inString || (j < end && text.charAt(j) != '#')) {
                count += end - i;
                String line = text.substring(i, end);
                if ((occurrences(line, "\"\"\"") + occurrences(line, "'''")) % 2 == 1) inString = !inString;
            }
            i = end + 1;
        }
        return count;
    }

    private static int occurrences(String s, String what) {
        int c = 0;
        for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + what.length())) c++;
        return c;
    }

    /**
     * Warns when {@code dir} (the snippets directory, or the directory of the main file) is group- or
     * world-writable, or not owned by root when reactord runs as root: whoever can write it can add, replace,
     * rename or remove configuration files, which define commands run as root. A warning names the path and
     * the fix; the files themselves are still checked one by one by {@link #read}.
     */
    static void checkDirectory(Path dir, String what, Issues issues, HostInfo host) {
        PosixFileAttributes attrs;
        try {
            attrs = Files.readAttributes(dir, PosixFileAttributes.class);
        } catch (IOException | UnsupportedOperationException e) {
            return; // reported elsewhere, or not a POSIX file system
        }
        Set<PosixFilePermission> perms = attrs.permissions();
        boolean world = perms.contains(PosixFilePermission.OTHERS_WRITE);
        if (world || perms.contains(PosixFilePermission.GROUP_WRITE)) {
            issues.warn(dir, 0, what + " is " + (world ? "world" : "group") + "-writable ("
                    + PosixFilePermissions.toString(perms) + "): whoever can write it can add, replace or remove"
                    + " configuration files, which define commands run as root; fix with: chmod 0755 " + dir);
        }
        if (host.asRoot()) {
            int uid = uid(dir);
            if (uid != 0) {
                issues.warn(dir, 0, what + " is owned by " + attrs.owner().getName() + " (uid " + uid
                        + "), not root: its owner can add, replace or remove configuration files, which define"
                        + " commands run as root; fix with: chown root: " + dir);
            }
        }
    }

    /**
     * Refuses a snippet (listed in the snippets directory) that is a symbolic link to a file outside that
     * directory, before anything is read from it: reports the error naming only the link, returns true.
     */
    static boolean refuseOutsideLink(Path snippet, Issues issues) {
        Path dir = snippet.toAbsolutePath().getParent();
        try {
            if (dir == null || !leavesDirectory(snippet, dir.toRealPath())) return false;
        } catch (IOException e) {
            return false;
        }
        issues.error(snippet, 0, "refused: a symbolic link to a file outside the snippets directory " + snippet.getParent()
                + " (such files are never read, so no error can quote them); copy the file into the"
                + " directory or make the link point inside it");
        return true;
    }

    /** True when {@code p} is a symbolic link whose target (all links resolved) lies outside {@code realDir}. */
    private static boolean leavesDirectory(Path p, Path realDir) {
        if (!Files.isSymbolicLink(p)) return false;
        try {
            return !p.toRealPath().startsWith(realDir);
        } catch (IOException e) {
            return false; // dangling: read() reports it without reading anything
        }
    }

    private static int uid(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:uid");
        } catch (IOException | RuntimeException e) {
            try {
                return "root".equals(Files.getOwner(file).getName()) ? 0 : -1;
            } catch (IOException ex) {
                return -1;
            }
        }
    }

    /** Strict UTF-8 decoding; an invalid byte is reported with its line. A leading BOM is dropped. */
    static String decode(Path file, byte[] bytes, Issues issues) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) if (bytes[i] == '\n') line++;
            issues.error(file, line, String.format("is not UTF-8 text (invalid byte 0x%02x); is it a binary file?", bytes[at] & 0xff));
            return null;
        }
        dec.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The {@code *.toml} files of a snippets directory in name order. Hidden files (editor backups
     * and locks) are skipped; entries that are not regular files are skipped with a warning.
     */
    static List<Path> snippets(Path dir, int line, Issues issues, Path mainFile, HostInfo host) {
        List<Path> out = new ArrayList<>();
        if (!Files.exists(dir)) {
            if (line > 0) issues.warn(mainFile, line, "snippets directory " + dir + " does not exist; no snippets loaded");
            return out;
        }
        if (!Files.isDirectory(dir)) {
            issues.error(mainFile, line, "'snippets' is " + dir + ", which is not a directory");
            return out;
        }
        checkDirectory(dir, "snippets directory", issues, host);
        Path self = mainFile.toAbsolutePath().normalize();
        Path realDir;
        try {
            realDir = dir.toRealPath();
        } catch (IOException e) {
            issues.error(dir, 0, "cannot list the snippets directory: " + e.getMessage());
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".toml") && !n.startsWith(".") && !p.toAbsolutePath().normalize().equals(self);
            }).sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).forEach(p -> {
                if (leavesDirectory(p, realDir) || Files.isRegularFile(p) || !Files.exists(p)) {
                    // a link out of the directory is refused unread by refuseOutsideLink()
                    out.add(p); // a dangling link is reported by read()
                } else {
                    issues.warn(p, 0, "is not a regular file; ignored");
                }
            });
        } catch (IOException | RuntimeException e) {
            issues.error(dir, 0, "cannot list the snippets directory: " + e.getMessage());
        }
        return out;
    }
}
