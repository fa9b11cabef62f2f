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
 * <p><b>Events stay whole.</b> The appender tells the manager where each event ends
 * ({@link #markEventEnd()}), so a block is written up to its last whole event and the unfinished
 * one moves to the front of the block; an event larger than the block grows the block (up to
 * {@link #MAX_WHOLE_EVENT_BYTES}) so that it reaches the file in one write; an async event that does
 * not fit is written with the block in one gathering write. So no block boundary splits an event
 * across two files, and the file is checked for deletion or replacement only between events.
 *
 * <p><b>Faults.</b> A failed open or write is thrown as an {@link AppenderLoggingException} that
 * says how many events were lost (those that did not reach the file whole); the unwritten bytes are
 * dropped, the channel is closed, and the next write opens the file again: the appender recovers by
 * itself once the cause (a full disk, a missing folder) is gone, and says so once, with the number of
 * failed writes and lost events. A file deleted or replaced while open is noticed within a second
 * (see {@link #checkFileStillThere}) and recreated; what was written in between went to the old file.
 *
 * <p><b>Start on a new line.</b> A file can end inside an event: a write that failed part-way (a
 * full disk takes what fits), a {@code kill -9} in the middle of a write, an event the layout failed
 * to finish. The manager knows the file's last byte (read when the file is opened, then the last byte
 * it wrote) and, when that is not the end of the layout's {@link EventDelimiter}, writes the
 * delimiter before the next event, in the same write call: the fragment stays alone on its line and
 * the next event is not glued to it.
 *
 * <p>Thread-safe: every method that touches the block or the channel holds the manager's monitor,
 * which is also what Log4j's text encoders lock while they encode into a destination.
 */
final class PooledFileManager extends AbstractManager implements ByteBufferDestination {
    private static final Factory FACTORY = new Factory();
    private static final long IDENTITY_CHECK_INTERVAL_NANOS = 1_000_000_000L;
    /**
     * Largest event kept whole in a grown block so that it reaches the file in one write; a larger
     * one is written in pieces as the layout produces it.
     */
    static final int MAX_WHOLE_EVENT_BYTES = 16 << 20;
    /** A grown block up to this size is kept for the next large event; a larger one is let go. */
    static final int MAX_SPARE_BLOCK_BYTES = 1 << 20;

    private final FileSettings settings;
    /** The block of {@code bufferSize} bytes. Direct, so that a write goes from it to the kernel without a copy. */
    private final ByteBuffer baseBlock;
    /** {@link #baseBlock}, or a larger one while it holds an event that did not fit in it. */
    private ByteBuffer block;
    /** A grown block kept for the next large event, or null. */
    private ByteBuffer spareBlock;
    private final BlockEventEnds blockEventEnds = new BlockEventEnds();
    /** The delimiter bytes written before an event when the file ends inside another one. */
    private final ByteBuffer separator = ByteBuffer.allocateDirect(EventDelimiter.MAX_LENGTH);
    private final ByteBuffer[] gather = new ByteBuffer[3];
    private byte[] delimiter = EventDelimiter.LINE_FEED;

    /** Null before the first open, after a failure, and once closed. Volatile for {@link #abandonPendingWrites}. */
    private volatile FileChannel channel;
    private boolean truncatePending;
    /** Identity of the file opened last, to notice it being deleted or replaced; null if unknown. */
    private Object openFileKey;
    private long nextIdentityCheck;
    private boolean closed;

    /** The file's last byte as far as this manager knows (read at open, then what it wrote), or -1. */
    private int fileLastByte = -1;
    /** Bytes that went through the block or straight to the file, written or lost to a fault: a stream offset. */
    private long bytesDone;
    /** Stream offset just past the last event the appender finished ({@link #markEventEnd}). */
    private long eventEnd;
    /** Whether the last write ended inside an event (only for an event larger than {@link #MAX_WHOLE_EVENT_BYTES}). */
    private boolean fileEndsMidEvent;
    /** A write failed while an event was being encoded; the layout may still retry it whole. */
    private boolean unfinishedEventBroken;
    /**
     * The last write failure, until the appender has reported it: a failure inside a layout's encode
     * may never reach the appender (Log4j's text encoders catch it, log it and retry the event).
     */
    private AppenderLoggingException unreportedFailure;

    private volatile long flushes;
    private volatile long writeErrors;
    private volatile long eventsLost;
    /** Writes failed, and events lost, since the last write that succeeded: for the recovery message. */
    private long failedWritesInARow;
    private long eventsLostInARow;

    private PooledFileManager(LoggerContext context, String name, FileSettings settings) {
        super(context, name);
        this.settings = settings;
        this.baseBlock = ByteBuffer.allocateDirect(settings.bufferSize());
        this.block = baseBlock;
        this.truncatePending = !settings.append();
        try {
            openChannel();
        } catch (IOException e) {
            // Not fatal: the appender starts, reports, and opens the file at the first write that can.
            writeErrors++;
            failedWritesInARow++;
            LOGGER.error("PooledFile cannot open {} yet; each write will try again", settings.path(), e);
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

    /**
     * The bytes the layout ends each event with (see {@link EventDelimiter}); the appender that uses
     * the file last decides. Empty: the layout has no delimiter, and nothing is written before an
     * event that follows a fragment.
     */
    synchronized void useEventDelimiter(byte[] eventDelimiter) {
        if (eventDelimiter.length > EventDelimiter.MAX_LENGTH) {
            throw new IllegalArgumentException("an event delimiter of " + eventDelimiter.length + " bytes");
        }
        this.delimiter = eventDelimiter.clone();
    }

    @Override
    public ByteBuffer getByteBuffer() {
        return block;
    }

    /** The layout filled the block: write its whole events, or grow it for the one being written. */
    @Override
    public synchronized ByteBuffer drain(ByteBuffer buffer) {
        makeRoom(1);
        return block;
    }

    @Override
    public synchronized void writeBytes(ByteBuffer data) {
        if (data.remaining() > block.remaining()) {
            makeRoom(data.remaining());
            if (data.remaining() > block.remaining()) {
                writeOut(block.position(), data, false); // beyond MAX_WHOLE_EVENT_BYTES: in pieces
                return;
            }
        }
        block.put(data);
    }

    @Override
    public synchronized void writeBytes(byte[] data, int offset, int length) {
        if (length > block.remaining()) {
            makeRoom(length);
            if (length > block.remaining()) {
                writeOut(block.position(), ByteBuffer.wrap(data, offset, length), false);
                return;
            }
        }
        block.put(data, offset, length);
    }

    /**
     * The event whose bytes were put into this destination since the last call is complete. The
     * appender calls it after each event, with the monitor held.
     */
    void markEventEnd() {
        unfinishedEventBroken = false; // a layout's retry wrote it whole after all
        int end = block.position();
        if (end > 0) {
            blockEventEnds.add(end);
        } else {
            fileEndsMidEvent = false; // its last piece went to the file: the file ends between events
        }
        eventEnd = bytesDone + end;
    }

    /**
     * The event being written will not be finished (its layout or a write failed): its bytes still in
     * the block are taken back; if some already reached the file, the next event starts on a new line.
     * Monitor held.
     */
    void discardUnfinishedEvent() {
        unreportedFailure = null; // the appender reports the exception it caught
        if (unfinishedEventBroken) {
            unfinishedEventBroken = false;
            countLost(1);
        }
        long accepted = bytesDone + block.position();
        if (accepted > eventEnd) {
            if (eventEnd >= bytesDone) {
                block.position((int) (eventEnd - bytesDone));
            } else {
                // Only its tail is here: its head went to the file in an earlier write (an event
                // larger than MAX_WHOLE_EVENT_BYTES). The file's last byte is not a delimiter, so the
                // next write starts with one.
                bytesDone = accepted;
                block.clear();
                blockEventEnds.clear();
                eventEnd = bytesDone;
                fileEndsMidEvent = false;
            }
        }
    }

    /**
     * The write failure the appender has not heard of yet, if any, and forgets it: a layout that
     * caught it would otherwise keep the loss from the appender's ErrorHandler. Monitor held.
     */
    AppenderLoggingException takeUnreportedFailure() {
        AppenderLoggingException failure = unreportedFailure;
        unreportedFailure = null;
        return failure;
    }

    /**
     * Takes one encoded event from the async writer: into the block when it fits (and not
     * {@code direct}); otherwise the block and the event go to the file in one gathering write, so the
     * event is never split between two writes.
     */
    synchronized void writeEvent(EncodedEvent event, boolean direct) {
        int length = event.length();
        if (!direct && length <= block.remaining()) {
            block.put(event.array(), 0, length);
            markEventEnd();
            return;
        }
        // The pool clears the event when the writer releases it.
        writeOut(block.position(), event.flipForReading(), true);
    }

    /** Writes what the block holds, if anything. */
    public synchronized void flush() {
        if (block.position() > 0) {
            writeOut(block.position(), null, false);
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

    /** Events that did not reach the file whole: lost to failed writes, or abandoned at a stop that timed out. */
    long eventsLost() {
        return eventsLost;
    }

    /**
     * Makes room for {@code needed} more bytes of the event being written: first by writing the whole
     * events before it; if it fills the block by itself, by growing the block, so that the event still
     * reaches the file in one write; beyond {@link #MAX_WHOLE_EVENT_BYTES}, by writing it in pieces.
     */
    private void makeRoom(int needed) {
        long whole = eventEnd - bytesDone;
        if (whole > 0) {
            writeOut((int) whole, null, false);
            if (block.remaining() >= needed) {
                return;
            }
        }
        long wanted = (long) block.position() + needed;
        if (wanted <= MAX_WHOLE_EVENT_BYTES) {
            grow((int) wanted);
        } else if (block.position() > 0) {
            writeOut(block.position(), null, false);
        }
    }

    /**
     * Moves the block's bytes into a larger block. Allocates only for an event larger than any before
     * it (up to {@link #MAX_SPARE_BLOCK_BYTES} the grown block is kept for the next one), so a steady
     * stream of events allocates nothing here.
     */
    private void grow(int wanted) {
        ByteBuffer larger = spareBlock;
        spareBlock = null;
        if (larger == null || larger.capacity() < wanted) {
            long doubled = Math.min(MAX_WHOLE_EVENT_BYTES, 2L * block.capacity());
            larger = ByteBuffer.allocateDirect((int) Math.max(wanted, doubled));
        }
        larger.clear();
        block.flip();
        larger.put(block);
        ByteBuffer previous = block;
        block = larger;
        if (previous != baseBlock) {
            keepAsSpare(previous);
        }
    }

    /** Back to the base block once what is left fits in it. */
    private void shrinkIfPossible() {
        if (block != baseBlock && block.position() <= baseBlock.capacity()) {
            baseBlock.clear();
            block.flip();
            baseBlock.put(block);
            keepAsSpare(block);
            block = baseBlock;
        }
    }

    private void keepAsSpare(ByteBuffer grown) {
        grown.clear();
        if (grown.capacity() <= MAX_SPARE_BLOCK_BYTES && (spareBlock == null || spareBlock.capacity() < grown.capacity())) {
            spareBlock = grown;
        }
    }

    /**
     * Writes the first {@code blockLength} bytes of the block, then {@code extra} (an async event, or
     * a piece of an event too large to keep whole; may be null), in one call, preceded by the delimiter
     * when the file ends inside an event. What is left in the block moves to its front.
     *
     * @param extraIsEvent whether {@code extra} is one whole event (for the count of lost events)
     * @throws AppenderLoggingException when the write fails; then nothing of the block or
     *     {@code extra} is kept, and the message says how many events were lost
     */
    private void writeOut(int blockLength, ByteBuffer extra, boolean extraIsEvent) {
        int filled = block.position();
        int extraStart = extra == null ? 0 : extra.position();
        int extraLength = extra == null ? 0 : extra.remaining();
        boolean betweenEvents = !fileEndsMidEvent;
        block.flip();
        block.limit(blockLength);
        separator.clear().limit(0);
        try {
            if (closed) {
                throw new IOException("its manager is closed (the appender was stopped)");
            }
            if (betweenEvents && channel != null) {
                checkFileStillThere();
            }
            if (channel == null) {
                openChannel();
            }
            if (betweenEvents && fileEndsInsideAnEvent()) {
                separator.clear();
                separator.put(delimiter).flip();
            }
            writeFully(extra);
        } catch (IOException e) {
            block.limit(filled);
            throw writeFailed(e, filled, extra, extraStart, extraLength, extraIsEvent);
        } finally {
            gather[0] = null;
            gather[1] = null;
            gather[2] = null;
        }
        flushes++;
        if (extraLength > 0) {
            fileLastByte = extra.get(extraStart + extraLength - 1) & 0xff;
        } else if (blockLength > 0) {
            fileLastByte = block.get(blockLength - 1) & 0xff;
        }
        bytesDone += blockLength + extraLength;
        block.limit(filled);
        block.position(blockLength);
        block.compact();
        blockEventEnds.removeFirst(blockLength);
        if (extraIsEvent) {
            eventEnd = bytesDone + block.position();
        }
        fileEndsMidEvent = bytesDone > eventEnd;
        shrinkIfPossible();
        if (failedWritesInARow > 0) {
            LOGGER.warn("PooledFile: writing to {} works again, after {} failed writes; {} events were lost",
                    settings.path(), failedWritesInARow, eventsLostInARow);
            failedWritesInARow = 0;
            eventsLostInARow = 0;
        }
    }

    /** The separator (maybe empty), the block (flipped to its part), and {@code extra}: all of it, in as few calls as the kernel allows. */
    private void writeFully(ByteBuffer extra) throws IOException {
        int parts = 0;
        if (separator.hasRemaining()) {
            gather[parts++] = separator;
        }
        if (block.hasRemaining()) {
            gather[parts++] = block;
        }
        if (extra != null && extra.hasRemaining()) {
            gather[parts++] = extra;
        }
        if (parts == 0) {
            return;
        }
        if (parts == 1) {
            ByteBuffer only = gather[0];
            while (only.hasRemaining()) {
                channel.write(only);
            }
            return;
        }
        while (gather[parts - 1].hasRemaining()) {
            channel.write(gather, 0, parts);
        }
    }

    /** Whether the file's last byte is not the end of a delimiter: a fragment the next event must not join. */
    private boolean fileEndsInsideAnEvent() {
        return delimiter.length > 0 && fileLastByte >= 0 && fileLastByte != (delimiter[delimiter.length - 1] & 0xff);
    }

    /**
     * A write failed, maybe part-way: counts the events that did not reach the file whole, drops
     * everything not written, closes the channel (the next write reopens the file and reads its last
     * byte again), and makes the exception to throw.
     */
    private AppenderLoggingException writeFailed(IOException cause, int filled, ByteBuffer extra, int extraStart,
            int extraLength, boolean extraIsEvent) {
        writeErrors++;
        failedWritesInARow++;
        int blockWritten = block.position();
        int extraWritten = extra == null ? 0 : extra.position() - extraStart;
        if (extraWritten > 0) {
            fileLastByte = extra.get(extraStart + extraWritten - 1) & 0xff;
        } else if (blockWritten > 0) {
            fileLastByte = block.get(blockWritten - 1) & 0xff;
        } else if (separator.position() > 0) {
            fileLastByte = separator.get(separator.position() - 1) & 0xff;
        }
        int lost = blockEventEnds.endingAfter(blockWritten);
        if (extraIsEvent && extraWritten < extraLength) {
            lost++;
        }
        boolean eventUnfinished = bytesDone + filled > eventEnd || (extra != null && !extraIsEvent) || fileEndsMidEvent;
        countLost(lost);
        bytesDone += filled + extraLength;
        block.clear();
        blockEventEnds.clear();
        eventEnd = bytesDone;
        fileEndsMidEvent = false;
        if (extra != null) {
            extra.position(extra.limit());
        }
        if (eventUnfinished) {
            // Counted when the appender gives it up; a layout may retry it whole (Log4j's text encoders do).
            unfinishedEventBroken = true;
        }
        if (!closed) {
            closeChannelQuietly();
        }
        String what = lost + (lost == 1 ? " event" : " events") + " lost"
                + (eventUnfinished ? ", and the event being written" : "");
        return unreportedFailure = new AppenderLoggingException("PooledFile could not write to " + settings.path() + " (" + what
                + (closed ? "" : "; the file will be reopened at the next write") + "): " + cause, cause);
    }

    private void countLost(long events) {
        eventsLost += events;
        eventsLostInARow += events;
    }

    private void openChannel() throws IOException {
        FileChannel opened = LogFileChannels.open(settings, truncatePending);
        try {
            BasicFileAttributes attributes = Files.readAttributes(settings.path(), BasicFileAttributes.class);
            openFileKey = attributes.fileKey();
            // A file left by a crash may end inside an event: know its last byte before the first write.
            fileLastByte = attributes.isRegularFile() ? LogFileChannels.lastByte(settings.path(), opened.size()) : -1;
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        channel = opened;
        // Truncate only at the first open: a reopen after a fault must keep what was written.
        truncatePending = false;
        nextIdentityCheck = System.nanoTime() + IDENTITY_CHECK_INTERVAL_NANOS;
    }

    /**
     * A write to a file that was deleted (or renamed away and replaced) succeeds on POSIX systems and
     * goes nowhere anyone looks, so no write error would ever tell. At most once a second a write
     * that starts between two events therefore asks whether the path still names the open file, and
     * if not, closes it so that this write reopens (recreates) it. A second between checks bounds what
     * goes to the lost file, and keeps the check's cost (a stat, a few small objects) off the
     * per-event path.
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
            LOGGER.warn("PooledFile: {} was removed or replaced while open; reopening it", settings.path());
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
                LOGGER.debug("PooledFile: closing {} after a failed write also failed", settings.path(), e);
            }
        }
    }

    /**
     * Gives up on a write that hangs (a stalled disk, a pipe nobody reads) and on the events waiting
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
                LOGGER.debug("PooledFile: closing {} to abandon a hung write failed", settings.path(), e);
            }
        }
        synchronized (this) {
            if (block.position() > 0) {
                int events = blockEventEnds.count();
                LOGGER.error("PooledFile: {} events ({} bytes) of {} abandoned: the stop timed out while a write hung",
                        events, block.position(), settings.path());
                countLost(events);
                bytesDone += block.position();
                block.clear();
                blockEventEnds.clear();
                eventEnd = bytesDone;
                fileEndsMidEvent = false;
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
            LOGGER.error("PooledFile could not write the last block of {}", settings.path(), e);
            clean = false;
        }
        closed = true;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOGGER.error("PooledFile could not close {}", settings.path(), e);
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
