package io.reactord.packaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** A .deb read back with commons-compress, independently of {@link DebWriter}: for assertions in tests. */
final class DebArchive {

    /** One tar entry: name as stored ({@code ./usr/sbin/x}), type, permission bits, owner and content. */
    record Member(String name, boolean directory, boolean symlink, int mode, int uid, int gid, String user,
            String group, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    final List<String> arMembers = new ArrayList<>();
    final Map<String, byte[]> ar = new LinkedHashMap<>();
    final Map<String, Member> control;
    final Map<String, Member> data;

    private DebArchive(Path deb) throws IOException {
        try (InputStream in = Files.newInputStream(deb); ArArchiveInputStream a = new ArArchiveInputStream(in)) {
            ArArchiveEntry e;
            while ((e = a.getNextEntry()) != null) {
                arMembers.add(e.getName());
                ar.put(e.getName(), a.readAllBytes());
            }
        }
        control = tar(ar.get("control.tar.gz"));
        data = tar(ar.get("data.tar.gz"));
    }

    static DebArchive read(Path deb) throws IOException {
        return new DebArchive(deb);
    }

    /** The text of a control archive member such as {@code control} or {@code postinst}. */
    String controlText(String name) {
        Member m = control.get("./" + name);
        if (m == null) {
            throw new AssertionError("control archive has no " + name + ": " + control.keySet());
        }
        return m.text();
    }

    /** The data member for an absolute path; directories are looked up without the trailing slash. */
    Member file(String path) {
        Member m = data.get("." + path);
        if (m == null) {
            m = data.get("." + path + "/");
        }
        if (m == null) {
            throw new AssertionError("package has no " + path);
        }
        return m;
    }

    /** Control fields, continuation lines joined with newlines. */
    Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        String last = null;
        for (String line : controlText("control").split("\n")) {
            if (line.startsWith(" ") && last != null) {
                f.put(last, f.get(last) + "\n" + line);
            } else {
                int colon = line.indexOf(':');
                last = line.substring(0, colon);
                f.put(last, line.substring(colon + 1).strip());
            }
        }
        return f;
    }

    private static Map<String, Member> tar(byte[] gz) throws IOException {
        if (gz == null) {
            throw new AssertionError("archive member missing");
        }
        Map<String, Member> out = new LinkedHashMap<>();
        try (TarArchiveInputStream t = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(gz)))) {
            TarArchiveEntry e;
            while ((e = t.getNextEntry()) != null) {
                out.put(e.getName(), new Member(e.getName(), e.isDirectory(), e.isSymbolicLink(), e.getMode(),
                        (int) e.getLongUserId(), (int) e.getLongGroupId(), e.getUserName(), e.getGroupName(),
                        t.readAllBytes()));
            }
        }
        return out;
    }
}
