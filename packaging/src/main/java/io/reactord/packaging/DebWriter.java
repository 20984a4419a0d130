package io.reactord.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a binary Debian package ({@code deb(5)}): an {@code ar} archive of {@code debian-binary},
 * {@code control.tar.gz} and {@code data.tar.gz}. Every entry is owned by root:root and carries the same
 * modification time, parent directories are added and listed before their children, and the control
 * archive gets {@code md5sums}, {@code conffiles} and the maintainer scripts (mode 0755). The output is a
 * pure function of the inputs, so two builds with the same time stamp are byte-identical.
 */
public final class DebWriter {

    /** The maintainer scripts dpkg knows; others are refused so a typo cannot ship silently. */
    public static final Set<String> SCRIPTS = Set.of("preinst", "postinst", "prerm", "postrm", "config");

    private DebWriter() {}

    /**
     * Writes the package to {@code out} (atomically, through a temporary file beside it).
     *
     * @param scripts maintainer script name to its text
     * @param conffiles absolute paths of data files dpkg must treat as configuration
     * @param mtimeSeconds modification time of every entry, seconds since the epoch
     */
    public static void write(Path out, DebControl control, Collection<DebEntry> data, Map<String, String> scripts,
            List<String> conffiles, long mtimeSeconds) throws IOException {
        TreeMap<String, DebEntry> tree = withParents(data);
        for (String c : conffiles) {
            DebEntry e = tree.get(c);
            if (e == null || e.directory()) {
                throw new IllegalArgumentException("conffile " + c + " is not a file of the package");
            }
        }
        for (String s : scripts.keySet()) {
            if (!SCRIPTS.contains(s)) {
                throw new IllegalArgumentException("unknown maintainer script '" + s + "', expected one of " + SCRIPTS);
            }
        }
        byte[] dataTar = tarGz(tree.values(), mtimeSeconds);

        TreeMap<String, DebEntry> ctl = new TreeMap<>();
        ctl.put("/control", DebEntry.file("/control", 0644, utf8(control.render(installedSizeKiB(tree.values())))));
        ctl.put("/md5sums", DebEntry.file("/md5sums", 0644, utf8(md5sums(tree.values()))));
        if (!conffiles.isEmpty()) {
            ctl.put("/conffiles", DebEntry.file("/conffiles", 0644, utf8(String.join("\n", conffiles) + "\n")));
        }
        scripts.forEach((name, text) -> ctl.put("/" + name, DebEntry.file("/" + name, 0755, utf8(text))));
        byte[] controlTar = tarGz(ctl.values(), mtimeSeconds);

        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp); ArArchiveOutputStream ar = new ArArchiveOutputStream(os)) {
            arMember(ar, "debian-binary", utf8("2.0\n"), mtimeSeconds);
            arMember(ar, "control.tar.gz", controlTar, mtimeSeconds);
            arMember(ar, "data.tar.gz", dataTar, mtimeSeconds);
            ar.finish();
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The entries plus every missing parent directory, keyed and sorted by path; duplicates are refused. */
    static TreeMap<String, DebEntry> withParents(Collection<DebEntry> data) {
        TreeMap<String, DebEntry> tree = new TreeMap<>();
        for (DebEntry e : data) {
            DebEntry old = tree.put(e.path(), e);
            if (old != null && !(old.directory() && e.directory())) {
                throw new IllegalArgumentException("path " + e.path() + " given twice");
            }
        }
        for (DebEntry e : List.copyOf(tree.values())) {
            for (String p = parent(e.path()); p != null; p = parent(p)) {
                DebEntry existing = tree.get(p);
                if (existing != null && !existing.directory()) {
                    throw new IllegalArgumentException(p + " is a file but " + e.path() + " lies below it");
                }
                tree.putIfAbsent(p, DebEntry.dir(p));
            }
        }
        return tree;
    }

    private static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? null : path.substring(0, i);
    }

    /** dpkg's rule: one KiB per started KiB of each file, one per directory. */
    static long installedSizeKiB(Collection<DebEntry> entries) {
        long kib = 0;
        for (DebEntry e : entries) {
            kib += e.directory() ? 1 : (e.content().length + 1023L) / 1024;
        }
        return kib;
    }

    static String md5sums(Collection<DebEntry> entries) {
        StringBuilder sb = new StringBuilder();
        for (DebEntry e : entries) {
            if (!e.directory()) {
                sb.append(md5(e.content())).append("  ").append(e.relative()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 not available", e);
        }
    }

    /** A gzip-compressed tar whose names are {@code ./}, {@code ./dir/} and {@code ./dir/file}. */
    private static byte[] tarGz(Collection<DebEntry> sorted, long mtimeSeconds) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GzipParameters gz = new GzipParameters();
        gz.setCompressionLevel(9);
        gz.setModificationTime(mtimeSeconds * 1000);
        try (GzipCompressorOutputStream z = new GzipCompressorOutputStream(bytes, gz);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(z, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tarEntry(tar, "./", 0755, null, mtimeSeconds);
            for (DebEntry e : sorted) {
                tarEntry(tar, "./" + e.relative() + (e.directory() ? "/" : ""), e.mode(), e.content(), mtimeSeconds);
            }
            tar.finish();
        }
        return bytes.toByteArray();
    }

    private static void tarEntry(TarArchiveOutputStream tar, String name, int mode, byte[] content, long mtime)
            throws IOException {
        TarArchiveEntry t = new TarArchiveEntry(name);
        t.setMode(mode);
        t.setUserId(0);
        t.setGroupId(0);
        t.setUserName("root");
        t.setGroupName("root");
        t.setModTime(mtime * 1000);
        t.setSize(content == null ? 0 : content.length);
        tar.putArchiveEntry(t);
        if (content != null) {
            tar.write(content);
        }
        tar.closeArchiveEntry();
    }

    private static void arMember(ArArchiveOutputStream ar, String name, byte[] content, long mtime) throws IOException {
        ar.putArchiveEntry(new ArArchiveEntry(name, content.length, 0, 0, 0100644, mtime));
        ar.write(content);
        ar.closeArchiveEntry();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
