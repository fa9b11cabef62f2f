package dev.log4jpool.appender;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
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

    private final FileSettings settings;
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

    private PooledFileManager(LoggerContext context, String name, FileSettings settings) {
        super(context, name);
        this.settings = settings;
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
        try {
            flush();
        } catch (AppenderLoggingException e) {
            logError("PooledFile could not write the last block of " + settings.path(), e);
            clean = false;
        }
        closed = true;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                logError("PooledFile could not close " + settings.path(), e);
                clean = false;
            }
            channel = null;
        }
        return clean;
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
