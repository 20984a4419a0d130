package io.reactord.agent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The daemon's state directory ({@code state-dir}) and the files in it: the directory is mode 0700 and every
 * file 0600 (they hold resource names, decisions and run state that only root needs to read), whatever the
 * umask or a {@code StateDirectory=} that created the directory with another mode.
 */
public final class StateFiles {
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private StateFiles() {}

    /** Creates {@code dir} (and its parents) when missing and makes it 0700. */
    public static void ensureDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir);
        }
        chmod(dir, DIR_MODE);
    }

    /** Makes an existing file 0600 (a file written by an older version may be 0644); nothing when it is absent. */
    public static void restrict(Path file) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            chmod(file, FILE_MODE);
        }
    }

    /** The attribute that creates a file 0600 (empty where the file system has no POSIX modes). */
    public static FileAttribute<?>[] fileMode(Path dir) {
        return posix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
    }

    /** Opens {@code file} for appending, creating it 0600. */
    public static FileChannel append(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                fileMode(file.getParent()));
    }

    /**
     * Replaces {@code file} with {@code content} atomically: a 0600 temporary file in the same directory, written
     * and forced to disk, then renamed over it. A reader sees the old or the new content, never a mix.
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        ensureDir(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", fileMode(dir));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(content);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean posix(Path p) {
        return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void chmod(Path p, Set<PosixFilePermission> mode) throws IOException {
        if (posix(p) && !Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(mode)) {
            Files.setPosixFilePermissions(p, mode);
        }
    }
}
