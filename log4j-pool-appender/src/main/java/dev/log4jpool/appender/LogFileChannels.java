package dev.log4jpool.appender;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Opens a log file for appending: parent folders created, permissions applied to a new file. */
final class LogFileChannels {
    private LogFileChannels() {}

    /**
     * Opens {@code settings.path()} in append mode ({@code O_APPEND}: every write lands at the end of
     * the file, even when another process writes to it too, or truncated it meanwhile).
     *
     * @param truncate whether to empty the file first ({@code append="false"}, first open only)
     */
    static FileChannel open(FileSettings settings, boolean truncate) throws IOException {
        Path path = settings.path();
        Path parent = path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Set<StandardOpenOption> options =
                EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        boolean created = !Files.exists(path);
        FileChannel channel;
        if (settings.permissions() != null) {
            // The attribute makes the file born with no more than the wanted permissions (the umask
            // can only take some away); setPosixFilePermissions below then gives exactly those.
            FileAttribute<?> attribute = PosixFilePermissions.asFileAttribute(settings.permissions());
            channel = FileChannel.open(path, options, attribute);
        } else {
            channel = FileChannel.open(path, options);
        }
        try {
            if (created && settings.permissions() != null) {
                Files.setPosixFilePermissions(path, settings.permissions());
            }
            if (truncate) {
                channel.truncate(0);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /**
     * The last byte of the file (0 to 255), or -1 when it is empty or cannot be read. A separate
     * read-only channel: one opened with {@code APPEND} cannot read. Called at each open, not per event.
     */
    static int lastByte(Path path, long size) {
        if (size <= 0) {
            return -1;
        }
        try (FileChannel reader = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return reader.read(last, size - 1) == 1 ? last.get(0) & 0xff : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
