package io.reactord.systemd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** A directory holding the fake drbdsetup (test resource), its call log and its behaviour switches. */
final class FakeDrbd {
    final Path dir;

    FakeDrbd(Path dir) {
        this.dir = dir;
        try (InputStream in = FakeDrbd.class.getResourceAsStream("fake-drbdsetup")) {
            Files.createDirectories(dir);
            Path bin = dir.resolve("drbdsetup");
            Files.write(bin, in.readAllBytes());
            Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PATH for processes that should find the fake first. */
    String path() {
        return dir + ":/usr/local/bin:/usr/bin:/bin";
    }

    void set(String flag, boolean on) {
        try {
            if (on) {
                Files.writeString(dir.resolve(flag), "");
            } else {
                Files.deleteIfExists(dir.resolve(flag));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> calls() {
        try {
            Path f = dir.resolve("calls");
            return Files.exists(f) ? Files.readAllLines(f) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void clearCalls() {
        try {
            Files.deleteIfExists(dir.resolve("calls"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
