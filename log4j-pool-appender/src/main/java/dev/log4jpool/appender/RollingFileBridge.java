package dev.log4jpool.appender;

import java.nio.ByteBuffer;
import java.util.Date;
import org.apache.logging.log4j.core.appender.rolling.RollingFileManager;
import org.apache.logging.log4j.core.appender.rolling.RolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.TriggeringPolicy;

/**
 * The {@link RollingFileManager} that Log4j's triggering policies and rollover strategies talk to,
 * standing in for a {@link PooledFileManager}.
 *
 * <p>Why a subclass: {@code TriggeringPolicy.initialize}, {@code isTriggeringEvent} and
 * {@code RolloverStrategy.rollover} take a {@code RollingFileManager} and call its size, time, file
 * name and {@code PatternProcessor}; {@code CronTriggeringPolicy} and
 * {@code OnStartupTriggeringPolicy} call its {@code rollover} methods. Giving them this object lets
 * them run unchanged (their semantics are Log4j's, not a copy), while the file itself stays with the
 * PooledFileManager: this object never opens a stream (it is built "create on demand" with none) and
 * is not in Log4j's manager registry. Size and time are answered from the PooledFileManager, and a
 * rollover a policy asks for is handed to {@link FileRoller}, which runs it under the file's lock or
 * on the async writer thread.
 *
 * <p>What stays Log4j's: the file name (for a {@code DirectWriteRolloverStrategy}, the strategy's
 * current name), the {@code PatternProcessor}, the policy and strategy references and their swap on
 * reconfiguration ({@link #setTriggeringPolicy}, {@link #setRolloverStrategy}).
 */
final class RollingFileBridge extends RollingFileManager {
    private final FileRoller roller;

    /**
     * @param fileName the active file, absolute; null with a {@code DirectWriteRolloverStrategy}
     * @param initialTime when the active file was created (0 when it does not exist yet), which the
     *     {@code PatternProcessor} takes as the time of the file's period
     */
    RollingFileBridge(FileRoller roller, String fileName, long initialTime, RolloverSettings settings) {
        super(null, fileName, settings.filePattern(), null, true, true, 0, initialTime, settings.policy(),
                settings.strategy(), null, null, settings.filePermissions(), null, null, false,
                ByteBuffer.allocate(1));
        this.roller = roller;
    }

    /** Bytes in the active file, the block's included; read per event by the size policy, allocates nothing. */
    @Override
    public long getFileSize() {
        return roller.fileSize();
    }

    /** When the active file was created (or opened, for a file that was there before). */
    @Override
    public long getFileTime() {
        return roller.fileTime();
    }

    /** A policy asks for a rollover now (OnStartup at initialization, or a reconfiguration). */
    @Override
    public void rollover() {
        roller.rolloverRequested(null, null);
    }

    /** {@code CronTriggeringPolicy}'s scheduled rollover, from the configuration's scheduler thread. */
    @Override
    public void rollover(Date prevFileTime, Date prevRollTime) {
        roller.rolloverRequested(prevFileTime, prevRollTime);
    }

    TriggeringPolicy policy() {
        return getTriggeringPolicy();
    }

    RolloverStrategy strategy() {
        return getRolloverStrategy();
    }

    @Override
    public String toString() {
        return "RollingFileBridge[" + roller + "]";
    }
}
