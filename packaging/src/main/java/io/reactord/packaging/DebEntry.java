package io.reactord.packaging;

import java.util.Objects;

/**
 * One file or directory of a package's data archive, at an absolute path such as {@code /usr/sbin/reactord}.
 * Owner is always root:root; {@code mode} holds the permission bits only.
 */
public record DebEntry(String path, boolean directory, int mode, byte[] content) {

    public DebEntry {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/") || path.contains("//")
                || path.contains("/./") || path.contains("/../") || path.endsWith("/..") || path.endsWith("/.")) {
            throw new IllegalArgumentException("package path must be absolute and normalised: '" + path + "'");
        }
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException(path + ": mode must hold permission bits only, got 0" + Integer.toOctalString(mode));
        }
        if (directory != (content == null)) {
            throw new IllegalArgumentException(path + ": a directory has no content, a file has content");
        }
    }

    /** A directory with mode 0755. */
    public static DebEntry dir(String path) {
        return new DebEntry(path, true, 0755, null);
    }

    /** A regular file with the given permission bits. */
    public static DebEntry file(String path, int mode, byte[] content) {
        return new DebEntry(path, false, mode, Objects.requireNonNull(content, "content"));
    }

    /** The path as it appears in the data archive and md5sums: without the leading slash. */
    String relative() {
        return path.substring(1);
    }
}
