package dev.log4jpool.appender;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A small tmpfs mounted for a test (needs root, as CI has): a real full disk, a real read-only folder. */
final class Tmpfs implements AutoCloseable {
    private final Path mountPoint;

    private Tmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts one, or skips the test where mounting is not allowed. */
    static Tmpfs mount(Path mountPoint, String size) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString()),
                "cannot mount a tmpfs here (not root?)");
        return new Tmpfs(mountPoint);
    }

    void readOnly(boolean readOnly) throws IOException, InterruptedException {
        if (!run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), mountPoint.toString())) {
            throw new IOException("remount of " + mountPoint + " failed");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", mountPoint.toString());
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
