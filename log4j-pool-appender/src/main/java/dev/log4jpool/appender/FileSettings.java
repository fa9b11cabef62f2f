package dev.log4jpool.appender;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * What a {@link PooledFileManager} is made from; also what two appenders sharing one file should
 * agree on.
 *
 * @param path the file, absolute and normalised, so that two spellings of one path share a manager
 * @param append whether an existing file is kept ({@code true}) or emptied at the first open
 * @param permissions POSIX permissions given to the file when this manager creates it, or {@code null}
 * @param bufferSize bytes in the user-space block
 * @param rollover how the file rolls over, or {@code null} when it does not
 * @param force when the file is forced to the device
 * @param forceIntervalMillis with {@link ForceMode#PERIODIC}, the most time between two forces
 */
record FileSettings(Path path, boolean append, Set<PosixFilePermission> permissions, int bufferSize,
        RolloverSettings rollover, ForceMode force, long forceIntervalMillis) {

    /** A file that never rolls over nor is forced. */
    FileSettings(Path path, boolean append, Set<PosixFilePermission> permissions, int bufferSize) {
        this(path, append, permissions, bufferSize, null, ForceMode.NEVER, 0);
    }

    /**
     * The key in Log4j's manager registry: one manager per file; with a
     * {@code DirectWriteRolloverStrategy} (no {@code fileName}), one per file pattern.
     */
    String managerName() {
        return PooledFileAppender.PLUGIN_NAME + ":" + (path != null ? path : "pattern:" + rollover.filePattern());
    }

    /** The same settings for another active file: the one a rollover opened. */
    FileSettings withPath(Path newPath) {
        return new FileSettings(newPath, append, permissions, bufferSize, rollover, force, forceIntervalMillis);
    }

    /** A description of the settings that differ from {@code other}'s, or {@code null}. */
    String differencesFrom(FileSettings other) {
        StringBuilder differences = new StringBuilder();
        if (append != other.append) {
            differences.append(" append=").append(other.append);
        }
        if (bufferSize != other.bufferSize) {
            differences.append(" bufferSize=").append(other.bufferSize);
        }
        if (permissions == null ? other.permissions != null : !permissions.equals(other.permissions)) {
            differences.append(" filePermissions=")
                    .append(other.permissions == null ? "(none)" : PosixFilePermissions.toString(other.permissions));
        }
        if (force != other.force || forceIntervalMillis != other.forceIntervalMillis) {
            differences.append(" force=").append(other.force).append(" forceIntervalMillis=")
                    .append(other.forceIntervalMillis);
        }
        return differences.length() == 0 ? null : differences.toString().trim();
    }
}
