package dev.log4jpool.appender;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system that fills up: a tmpfs of a few MiB mounted for one test (root only;
 * the test is skipped, saying why, where mounting is not permitted). {@link #fill} takes every free
 * byte with a filler file, {@link #free} gives the space back.
 */
final class SmallTmpfs implements AutoCloseable {
    final Path root;
    private final Path filler;

    private SmallTmpfs(Path root) {
        this.root = root;
        this.filler = root.resolve("filler");
    }

    /** Mounts a tmpfs of {@code size} (e.g. {@code 2m}) on a new folder {@code under/name}, or skips the test. */
    static SmallTmpfs mount(Path under, String name, String size) throws IOException, InterruptedException {
        Path root = Files.createDirectories(under.resolve(name));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", root.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes());
        boolean done = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        Assumptions.assumeTrue(done, () -> "a full disk is tested on a small tmpfs, which needs root (mount -t tmpfs): "
                + output.trim());
        return new SmallTmpfs(root);
    }

    /** Writes a filler file until the file system is full (ENOSPC). */
    void fill() throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Unmounts (lazily: a file still open elsewhere does not keep the mount). */
    @Override
    public void close() throws IOException {
        Process umount = new ProcessBuilder("umount", "-l", root.toString()).redirectErrorStream(true).start();
        umount.getInputStream().readAllBytes();
        try {
            umount.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
