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
 */
record FileSettings(Path path, boolean append, Set<PosixFilePermission> permissions, int bufferSize) {

    /** The key in Log4j's manager registry: one manager per file. */
    String managerName() {
        return PooledFileAppender.PLUGIN_NAME + ":" + path;
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
        return differences.length() == 0 ? null : differences.toString().trim();
    }
}
