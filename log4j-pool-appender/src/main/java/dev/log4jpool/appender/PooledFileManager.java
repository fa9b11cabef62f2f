package dev.log4jpool.appender;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractManager;
import org.apache.logging.log4j.core.appender.AppenderLoggingException;
import org.apache.logging.log4j.core.appender.ManagerFactory;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * One log file and its user-space block: what every {@link PooledFileAppender} naming the file
 * shares, through Log4j's {@link AbstractManager} registry (so a reconfiguration hands the open file
 * from the old appender to the new one, and the events in between are not lost).
 *
 * <p>It is a {@link ByteBufferDestination}: a synchronous appender lets its layout encode straight
 * into the block, which is written to the file when the layout fills it and whenever the appender
 * asks for a {@link #flush()}. The async writer hands it whole encoded events instead
 * ({@link #writeEvent}).
 *
 * <p><b>Faults.</b> A failed open or write is thrown as an {@link AppenderLoggingException}; the
 * block's bytes are dropped (so the next event starts clean), the channel is closed, and the next
 * write tries to open the file again: the appender recovers by itself once the cause (a full disk, a
 * missing folder) is gone. A file deleted or replaced while open is noticed within a second (see
 * {@link #checkFileStillThere}) and recreated; what was written in between went to the old file.
 *
 * <p>Thread-safe: every method that touches the block or the channel holds the manager's monitor,
 * which is also what Log4j's text encoders lock while they encode into a destination.
 */
final class PooledFileManager extends AbstractManager implements ByteBufferDestination {
    private static final Factory FACTORY = new Factory();
    private static final long IDENTITY_CHECK_INTERVAL_NANOS = 1_000_000_000L;

    /** Replaced (never mutated) when a rollover opens a file of another name; volatile for readers without the monitor. */
    private volatile FileSettings settings;
    /** Direct, so that a write goes from it to the kernel without an intermediate copy. */
    private final ByteBuffer block;

    /** Null before the first open, after a failure, and once closed. Volatile for {@link #abandonPendingWrites}. */
    private volatile FileChannel channel;
    private boolean truncatePending;
    /** Identity of the file opened last, to notice it being deleted or replaced; null if unknown. */
    private Object openFileKey;
    private long nextIdentityCheck;
    private boolean closed;

    /** Bytes that went through the block or straight to the file, written or lost to a fault. */
    private long bytesDone;
    private volatile long flushes;
    private volatile long writeErrors;

    // Rollover and durability (see FileRoller); the size fields are written under the monitor.
    /** Null when the file does not roll over. */
    private final FileRoller roller;
    private final PeriodicForce periodicForce;
    private long sizeAtOpen;
    private long bytesDoneAtOpen;
    /** Something was written since the last periodic force. */
    private volatile boolean unforced;
    /** Forces done, and the thread of the last one: the periodic thread and a rollover may both force. */
    private final java.util.concurrent.atomic.AtomicLong forces = new java.util.concurrent.atomic.AtomicLong();
    private volatile String lastForceThread;

    private PooledFileManager(LoggerContext context, String name, FileSettings settings) {
        super(context, name);
        if (settings.rollover() != null) {
            this.roller = new FileRoller(this, settings.path(), settings.rollover());
            if (settings.path() == null) {
                settings = settings.withPath(roller.activeFile()); // DirectWrite: the strategy names the file
            }
        } else {
            this.roller = null;
        }
        this.settings = settings;
        this.periodicForce = settings.force() == ForceMode.PERIODIC
                ? new PeriodicForce(settings.path().getFileName().toString(), settings.forceIntervalMillis(), this::forceIfWritten)
                : null;
        this.block = ByteBuffer.allocateDirect(settings.bufferSize());
        this.truncatePending = !settings.append();
        try {
            openChannel();
        } catch (IOException e) {
            // Not fatal: the appender starts, reports, and opens the file at the first write that can.
            writeErrors++;
            logError("PooledFile cannot open " + settings.path() + " yet; each write will try again", e);
        }
    }

    /**
     * The manager of {@code settings.path()}, new or shared. When it already exists with other
     * settings, it keeps its own and the difference is reported.
     */
    static PooledFileManager getManager(String appenderName, FileSettings settings) {
        PooledFileManager manager = getManager(settings.managerName(), FACTORY, settings);
        String differences = manager.settings.differencesFrom(settings);
        if (differences != null) {
            LOGGER.warn("PooledFile '{}' shares {} with an appender configured differently; the file keeps "
                            + "its first settings ({}), these are ignored: {}",
                    appenderName, settings.path(), manager.settings, differences);
        }
        return manager;
    }

    FileSettings settings() {
        return settings;
    }

    @Override
    public ByteBuffer getByteBuffer() {
        return block;
    }

    /** The layout filled the block: write it out, hand it back empty. */
    @Override
    public synchronized ByteBuffer drain(ByteBuffer buffer) {
        writeBlock();
        return block;
    }

    @Override
    public synchronized void writeBytes(ByteBuffer data) {
        while (data.remaining() > block.remaining()) {
            if (block.position() == 0) {
                // Larger than the whole block: no point in copying it through.
                writeDirectly(data);
                return;
            }
            int fits = block.remaining();
            int limit = data.limit();
            data.limit(data.position() + fits);
            block.put(data);
            data.limit(limit);
            writeBlock();
        }
        block.put(data);
    }

    @Override
    public synchronized void writeBytes(byte[] data, int offset, int length) {
        while (length > block.remaining()) {
            if (block.position() == 0) {
                writeDirectly(ByteBuffer.wrap(data, offset, length));
                return;
            }
            int fits = block.remaining();
            block.put(data, offset, fits);
            offset += fits;
            length -= fits;
            writeBlock();
        }
        block.put(data, offset, length);
    }

    /**
     * Takes one encoded event from the async writer: into the block, or, when {@code direct}, straight
     * to the file after what the block already holds.
     */
    synchronized void writeEvent(EncodedEvent event, boolean direct) {
        if (direct) {
            flush();
            // The pool clears the event when the writer releases it.
            writeDirectly(event.flipForReading());
        } else {
            writeBytes(event.array(), 0, event.length());
        }
    }

    /** Writes what the block holds, if anything. */
    public synchronized void flush() {
        if (block.position() > 0) {
            writeBlock();
        }
    }

    /**
     * Bytes accepted so far, written or waiting in the block: the difference across an
     * {@code encode} is the size of the event. Call with the monitor held.
     */
    long bytesAccepted() {
        return bytesDone + block.position();
    }

    long flushes() {
        return flushes;
    }

    long writeErrors() {
        return writeErrors;
    }

    /** Writes the block; on failure its bytes are lost and the exception says so. */
    private void writeBlock() {
        block.flip();
        int length = block.remaining();
        try {
            writeFully(block);
        } finally {
            bytesDone += length;
            block.clear();
        }
    }

    private void writeDirectly(ByteBuffer data) {
        int length = data.remaining();
        try {
            writeFully(data);
        } finally {
            bytesDone += length;
        }
    }

    private void writeFully(ByteBuffer data) {
        if (closed) {
            throw new AppenderLoggingException("PooledFile cannot write to " + settings.path()
                    + ": its manager is closed (the appender was stopped); " + data.remaining() + " bytes lost");
        }
        try {
            if (channel != null) {
                checkFileStillThere();
            }
            if (channel == null) {
                openChannel();
            }
            while (data.hasRemaining()) {
                channel.write(data);
            }
            flushes++;
            unforced = true;
        } catch (IOException e) {
            writeErrors++;
            int lost = data.remaining();
            data.position(data.limit());
            closeChannelQuietly();
            throw new AppenderLoggingException("PooledFile could not write to " + settings.path() + " (" + lost
                    + " bytes lost, the file will be reopened at the next write): " + e, e);
        }
    }

    private void openChannel() throws IOException {
        channel = LogFileChannels.open(settings, truncatePending);
        // Truncate only at the first open: a reopen after a fault must keep what was written.
        truncatePending = false;
        sizeAtOpen = channel.size();
        bytesDoneAtOpen = bytesDone;
        openFileKey = fileKey();
        nextIdentityCheck = System.nanoTime() + IDENTITY_CHECK_INTERVAL_NANOS;
    }

    /**
     * A write to a file that was deleted (or renamed away and replaced) succeeds on POSIX systems and
     * goes nowhere anyone looks, so no write error would ever tell. At most once a second a write
     * therefore asks whether the path still names the open file, and if not, closes it so that this
     * write reopens (recreates) it. A second between checks bounds what goes to the lost file, and
     * keeps the check's cost (a stat, a few small objects) off the per-event path.
     */
    private void checkFileStillThere() {
        long now = System.nanoTime();
        if (now - nextIdentityCheck < 0) {
            return;
        }
        nextIdentityCheck = now + IDENTITY_CHECK_INTERVAL_NANOS;
        Object current;
        try {
            current = fileKey();
        } catch (NoSuchFileException gone) {
            current = null;
        } catch (IOException unknown) {
            return; // cannot tell: keep writing where we are
        }
        if (openFileKey != null && !openFileKey.equals(current)) {
            logWarn("PooledFile: " + settings.path() + " was removed or replaced while open; reopening it", null);
            closeChannelQuietly();
        }
    }

    /** The file system's identity of the file at the path (device and inode on POSIX), or null. */
    private Object fileKey() throws IOException {
        return Files.readAttributes(settings.path(), BasicFileAttributes.class).fileKey();
    }

    private void closeChannelQuietly() {
        FileChannel toClose = channel;
        channel = null;
        if (toClose != null) {
            try {
                toClose.close();
            } catch (IOException e) {
                logDebug("PooledFile: closing " + settings.path() + " after a failed write also failed", e);
            }
        }
    }

    /**
     * Gives up on a write that hangs (a stalled disk, a pipe nobody reads) and on the bytes waiting
     * in the block, so that a stop whose time ran out can still return. Closing the channel from this
     * thread, without the monitor the hung writer holds, makes its write fail at once
     * ({@code AsynchronousCloseException}); the block is then emptied under the monitor. A later
     * write reopens the file, so an appender that shares it carries on.
     */
    void abandonPendingWrites() {
        FileChannel hung = channel;
        if (hung != null) {
            try {
                hung.close();
            } catch (IOException e) {
                logDebug("PooledFile: closing " + settings.path() + " to abandon a hung write failed", e);
            }
        }
        synchronized (this) {
            if (block.position() > 0) {
                logError("PooledFile: " + block.position() + " bytes of " + settings.path()
                        + " abandoned: the stop timed out while a write hung", null);
                bytesDone += block.position();
                block.clear();
            }
        }
    }

    /** Whether the file is open now (it may not be after a fault, until the next write). */
    synchronized boolean isOpen() {
        return channel != null;
    }

    /** The last appender let go: write what is left and close the file. */
    @Override
    protected synchronized boolean releaseSub(long timeout, TimeUnit timeUnit) {
        boolean clean = true;
        if (roller != null) {
            clean &= roller.stopPolicy(timeUnit.toMillis(timeout));
        }
        if (periodicForce != null) {
            periodicForce.stop();
        }
        try {
            flush();
        } catch (AppenderLoggingException e) {
            logError("PooledFile could not write the last block of " + settings.path(), e);
            clean = false;
        }
        closed = true;
        if (channel != null) {
            try {
                force();
                channel.close();
            } catch (IOException e) {
                logError("PooledFile could not close " + settings.path(), e);
                clean = false;
            }
            channel = null;
        }
        if (roller != null) {
            clean &= roller.stopActions(timeUnit.toMillis(timeout));
        }
        return clean;
    }

    // ---- Rollover and durability: what FileRoller and the appender need from the file. ----

    /** Starts the rollover policy once the manager exists (may roll over at once: OnStartup). */
    void initializeRollover() {
        if (roller != null) {
            roller.initialize();
        }
    }

    /**
     * Before an event is written, with the monitor held: rolls over when the policy says so.
     * Allocates nothing when it does not roll.
     */
    void checkRollover(LogEvent event) {
        if (roller != null) {
            roller.check(event);
        }
    }

    /** {@link #checkRollover(LogEvent)} on the async writer, which has the event's time only. */
    void checkRollover(long eventTimeMillis) {
        if (roller != null) {
            roller.check(eventTimeMillis);
        }
    }

    /** The appender whose ErrorHandler hears of faults found outside an append (rollover, compression). */
    void setErrorReporter(Appender appender) {
        if (roller != null) {
            roller.setAppender(appender);
        }
    }

    /** How a scheduled rollover reaches the async writer thread; null: run it under the monitor. */
    void setWriterHandOff(Predicate<Runnable> handOff) {
        if (roller != null) {
            roller.setWriterHandOff(handOff);
        }
    }

    FileRoller roller() {
        return roller;
    }

    /** {@code FileChannel.force} calls that succeeded; for tests and diagnostics. */
    long forces() {
        return forces.get();
    }

    String lastForceThread() {
        return lastForceThread;
    }

    long rollovers() {
        return roller == null ? 0 : roller.rollovers();
    }

    /**
     * Bytes in the active file: its size when opened, what was written since, what the block holds.
     * Read per event by the size policy (monitor held); from stats without it, as a moment's estimate.
     */
    long currentFileSize() {
        return sizeAtOpen + (bytesDone - bytesDoneAtOpen) + block.position();
    }

    boolean isClosedForRollover() {
        return closed;
    }

    /** Writes the block to the file about to be rolled. Monitor held. */
    void writeBlockForRollover() {
        flush();
    }

    /** With {@code force} other than Never, puts the file about to be rolled on the device. Monitor held. */
    void forceForRollover() {
        if (settings.force() != ForceMode.NEVER) {
            force();
        }
    }

    /** Closes the file for the rename. Monitor held. */
    void closeForRollover() {
        closeChannelQuietly();
    }

    /**
     * Opens the file events go to after a rollover ({@code next} differs from the old path with a
     * DirectWrite strategy). A failure is reported and the next write tries again, as after any fault.
     */
    void openAfterRollover(Path next) {
        if (!next.equals(settings.path())) {
            settings = settings.withPath(next);
        }
        sizeAtOpen = 0;
        bytesDoneAtOpen = bytesDone + block.position();
        try {
            openChannel();
        } catch (IOException e) {
            writeErrors++;
            logError("PooledFile cannot open " + next + " after a rollover; each write will try again", e);
        }
    }

    /** {@code force="Periodic"}: on the background thread, forces what was written since the last time. */
    private void forceIfWritten() {
        if (unforced) {
            unforced = false;
            force();
        }
    }

    private void force() {
        FileChannel open = channel;
        if (open == null || settings.force() == ForceMode.NEVER) {
            return;
        }
        try {
            open.force(false);
            forces.incrementAndGet();
            lastForceThread = Thread.currentThread().getName();
        } catch (ClosedChannelException closed) {
            // Closed meanwhile by a rollover or a fault: a rollover forced it before closing.
        } catch (IOException e) {
            logError("PooledFile could not force " + settings.path() + " to the device", e);
        }
    }

    @Override
    public void updateData(Object data) {
        RolloverSettings rollover = ((FileSettings) data).rollover();
        if (roller != null && rollover != null) {
            synchronized (this) {
                roller.update(rollover);
            }
        } else if ((roller == null) != (rollover == null)) {
            LOGGER.warn("PooledFile: {} is already open {} rollover; the new configuration's {} applies once the file "
                    + "is closed by every appender", settings.path(), roller == null ? "without" : "with",
                    rollover == null ? "absence of rollover" : "rollover");
        }
    }

    @Override
    public String toString() {
        return "PooledFileManager[" + settings.path() + ", bufferSize=" + settings.bufferSize() + "]";
    }

    /** Makes a manager when the registry has none for the file. */
    private static final class Factory implements ManagerFactory<PooledFileManager, FileSettings> {
        @Override
        public PooledFileManager createManager(String name, FileSettings settings) {
            return new PooledFileManager(null, name, settings);
        }
    }
}
