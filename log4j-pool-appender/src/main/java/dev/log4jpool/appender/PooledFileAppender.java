package dev.log4jpool.appender;

import dev.log4jpool.buffer.BufferPool;
import dev.log4jpool.buffer.TextBuffer;
import dev.log4jpool.internal.AsyncLoggerDisruptorCheck;
import dev.log4jpool.layout.PooledTextLayout;
import java.io.Serializable;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.AppenderLoggingException;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.DirectFileRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.DirectWriteRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.RolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.TriggeringPolicy;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginElement;

/**
 * {@code <PooledFile>}: a garbage-free file appender with block buffering and an optional async
 * writer thread.
 * <pre>{@code
 * <PooledFile name="app" fileName="logs/app.log" bufferMode="BLOCK" bufferSize="262144" async="false">
 *   <PooledJsonLayout/>
 * </PooledFile>
 * }</pre>
 *
 * <p><b>Synchronous</b> ({@code async="false"}): the calling thread encodes the event with the layout
 * straight into the file's block ({@link PooledFileManager}) and writes it out as {@code bufferMode}
 * says. <b>Async</b> ({@code async="true"}): the calling thread encodes the event into a pooled byte
 * buffer and publishes the buffer on a Disruptor ring; one writer thread copies it into the block,
 * writes, and returns the buffer to the pool. The {@code LogEvent} is never copied, so the caller may
 * reuse it (as Log4j's mutable and ring-buffer events are) as soon as {@code append} returns.
 *
 * <p>Attributes and defaults: {@code name} (required), {@code fileName} (required; parent folders
 * are created), {@code append} true, {@code filePermissions} none (POSIX, e.g. {@code rw-r-----},
 * applied when the file is created), {@code ignoreExceptions} true, {@code bufferMode} BLOCK,
 * {@code bufferSize} 262144 bytes, {@code immediateFlush} unset ({@code true} means
 * {@code bufferMode="LINE"}), {@code async} false, {@code ringSize} 8192 (a power of two),
 * {@code waitStrategy} Block, {@code queueFullPolicy} Block; a layout (default {@code %m%n}), a
 * filter, a {@code <BufferPool>} (else the default pool).
 *
 * <p><b>With {@code PooledJsonLayout}</b> the event's text is formatted in a buffer of the pool
 * named by a nested {@code <BufferPool>} (else the layout's own pool, which is the default pool
 * unless the layout names one), outside the file's lock: only the copy of its bytes into the block
 * holds the lock, so logging threads format in parallel. Other layouts encode with the lock held, as
 * Log4j's own file appenders do. The async hand-off carries bytes in pooled byte buffers of its own
 * ({@code EncodedEventPool}, on the same lock-free ring as the buffer pool, sized by
 * {@code ringSize}), because its buffers are many and small, while a text pool's are few and large.
 *
 * <p><b>Faults</b> are reported through the appender's {@code ErrorHandler}, with the number of
 * events lost; the appender keeps running, reopens the file at the next write, and after a fragment
 * (a partial write, a crash) starts the next event on a new line (see {@link PooledFileManager}).
 * With {@code ignoreExceptions="false"}, a synchronous appender throws an
 * {@link AppenderLoggingException} to the caller instead.
 *
 * <p><b>Statistics</b>: {@link #stats()}, and the MXBean
 * {@code dev.log4jpool:type=PooledFile,name=<appender>} while the appender runs.
 */
@Plugin(name = PooledFileAppender.PLUGIN_NAME, category = Core.CATEGORY_NAME,
        elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class PooledFileAppender extends AbstractAppender {
    /** The element name in configurations. */
    public static final String PLUGIN_NAME = "PooledFile";
    /** Default {@code bufferSize}: bytes in the user-space block. */
    public static final int DEFAULT_BUFFER_SIZE = 256 * 1024;
    /** Default {@code ringSize}: events the async ring holds. */
    public static final int DEFAULT_RING_SIZE = 8192;
    /** Largest {@code ringSize}: a million pooled buffers is already more than any disk keeps up with. */
    public static final int MAX_RING_SIZE = 1 << 20;
    /** Default {@code forceIntervalMillis}, with {@code force="Periodic"}. */
    public static final long DEFAULT_FORCE_INTERVAL_MILLIS = 1000;
    /** First size of a pooled event buffer; it grows to fit larger events. */
    static final int EVENT_BUFFER_SIZE = 512;
    /** A pooled event buffer larger than this is shrunk when it comes back. */
    static final int EVENT_BUFFER_MAX_RETAINED = 16 * 1024;
    /** Default {@code asyncPoolMaxGrownBytes}: what the async pool's free buffers keep beyond their 512 bytes each. */
    static final long DEFAULT_ASYNC_POOL_MAX_GROWN_BYTES = 4L * 1024 * 1024;

    private final PooledFileManager manager;
    private final BufferMode bufferMode;
    private final BufferPool bufferPool;
    /** The layout when it formats outside the lock (PooledJsonLayout does); else null. */
    private final PooledTextLayout textLayout;
    private final EncodedEventPool eventPool; // null when synchronous
    private final AsyncFileWriter writer; // null when synchronous
    private final DropReporter drops;
    private final WriteCounters written = new WriteCounters(); // updated under the manager's monitor
    /** BLOCK mode's end-of-batch writes, at most about one a millisecond; null in other modes. */
    private final BatchFlusher batchFlusher;
    /** How this appender's scheduled rollovers reach its writer thread; null when synchronous. */
    private final java.util.function.Predicate<Runnable> writerHandOff;

    private PooledFileAppender(Builder builder, Layout<? extends Serializable> layout, PooledFileManager manager,
            BufferMode bufferMode, BufferPool bufferPool, AsyncSettings async) {
        super(builder.getName(), builder.getFilter(), layout, builder.isIgnoreExceptions(), builder.getPropertyArray());
        this.manager = manager;
        this.bufferMode = bufferMode;
        this.bufferPool = bufferPool;
        this.textLayout = layout instanceof PooledTextLayout ? (PooledTextLayout) layout : null;
        this.drops = new DropReporter(builder.getName());
        manager.useEventDelimiter(EventDelimiter.of(layout));
        this.batchFlusher = bufferMode == BufferMode.BLOCK
                ? new BatchFlusher("log4jpool-PooledFile-flush-" + builder.getName(), this::writePendingBatch)
                : null;
        if (async == null) {
            this.eventPool = null;
            this.writer = null;
        } else {
            this.eventPool = new EncodedEventPool(async.ringSize, EVENT_BUFFER_SIZE, EVENT_BUFFER_MAX_RETAINED,
                    async.poolMaxGrownBytes);
            this.writer = new AsyncFileWriter(builder.getName(), async.ringSize, async.waitStrategy,
                    async.queueFullPolicy, eventPool, drops, this::writeFromRing);
        }
        this.writerHandOff = writer == null ? null : writer::publishTask;
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public void start() {
        if (writer != null) {
            writer.start();
        }
        manager.setErrorReporter(this);
        manager.setWriterHandOff(writerHandOff);
        PooledFileJmx.register(this);
        super.start();
    }

    @Override
    public void append(LogEvent event) {
        if (writer != null && writer.isAccepting() && !writer.isWriterThread()) {
            appendAsync(event);
        } else {
            // Synchronous mode; or an event logged by the writer thread itself, which must not wait
            // for its own ring; or a straggler arriving while the appender stops.
            appendSync(event);
        }
    }

    private void appendSync(LogEvent event) {
        if (textLayout != null) {
            appendSyncFormatted(event);
            return;
        }
        try {
            synchronized (manager) {
                manager.checkRollover(event);
                long before = manager.bytesAccepted();
                try {
                    getLayout().encode(event, manager);
                    manager.markEventEnd();
                    eventWritten(manager.bytesAccepted() - before, event.isEndOfBatch());
                } catch (RuntimeException e) {
                    manager.discardUnfinishedEvent();
                    throw e;
                }
                throwIfAWriteFailedUnseen();
            }
        } catch (RuntimeException e) {
            fail("PooledFile '" + getName() + "' could not write an event", event, e);
        }
    }

    /** A {@link PooledTextLayout}: format with no lock held, then copy the bytes into the block under it. */
    private void appendSyncFormatted(LogEvent event) {
        TextBuffer text;
        try {
            text = textLayout.render(event, bufferPool);
        } catch (RuntimeException e) {
            fail("PooledFile '" + getName() + "' could not encode an event", event, e);
            return;
        }
        try {
            synchronized (manager) {
                manager.checkRollover(event);
                long before = manager.bytesAccepted();
                try {
                    textLayout.writeTo(text, manager);
                    manager.markEventEnd();
                    eventWritten(manager.bytesAccepted() - before, event.isEndOfBatch());
                } catch (RuntimeException e) {
                    manager.discardUnfinishedEvent();
                    throw e;
                }
                throwIfAWriteFailedUnseen();
            }
        } catch (RuntimeException e) {
            fail("PooledFile '" + getName() + "' could not write an event", event, e);
        } finally {
            bufferPool.release(text);
        }
    }

    /**
     * Counts an event that went into the block (the manager knows where it ends) and writes the block
     * if the mode says so. Monitor held.
     */
    private void eventWritten(long length, boolean endOfBatch) {
        written.written(length);
        if (bufferMode != BufferMode.BLOCK || endOfBatch && batchFlusher.batchEnded()) {
            manager.flush();
        }
    }

    /** On the batch flusher's thread: writes the block of a batch that ended too soon after the last write. */
    private void writePendingBatch() {
        try {
            synchronized (manager) {
                if (batchFlusher.takePending()) {
                    try {
                        manager.flush();
                    } finally {
                        manager.takeUnreportedFailure(); // thrown to the catch below, or none
                    }
                }
            }
        } catch (RuntimeException e) {
            error("PooledFile '" + getName() + "' could not write its block", null, e);
        }
    }

    /**
     * A write that failed inside the layout's encode, which caught the exception and went on (Log4j's
     * text encoders log it and retry the event): reported here, so the ErrorHandler hears of every
     * lost event. Monitor held.
     */
    private void throwIfAWriteFailedUnseen() {
        AppenderLoggingException unseen = manager.takeUnreportedFailure();
        if (unseen != null) {
            throw unseen;
        }
    }

    /** Encodes with the layout; a {@link PooledTextLayout} formats with this appender's pool. */
    private void encode(LogEvent event, ByteBufferDestination destination) {
        if (textLayout == null) {
            getLayout().encode(event, destination);
        } else {
            textLayout.encode(event, bufferPool, destination);
        }
    }

    private void appendAsync(LogEvent event) {
        if (writer.isFullForDrop()) {
            // Dropping anyway: spare the encoding.
            drops.dropped();
            return;
        }
        EncodedEvent encoded = eventPool.acquire();
        try {
            encode(event, encoded);
        } catch (RuntimeException e) {
            eventPool.release(encoded);
            drops.dropped();
            fail("PooledFile '" + getName() + "' could not encode an event", event, e);
            return;
        }
        encoded.setTimeMillis(event.getTimeMillis());
        writer.publish(encoded);
    }

    /** On the writer thread: one event from the ring into the file. */
    private void writeFromRing(EncodedEvent event, boolean endOfBatch) {
        int length = event.length();
        try {
            synchronized (manager) {
                manager.checkRollover(event.timeMillis());
                // Counted first: an event lost to a failed write was still handed to the file.
                written.written(length);
                try {
                    manager.writeEvent(event, bufferMode == BufferMode.NONE);
                    if (bufferMode != BufferMode.BLOCK || endOfBatch) {
                        manager.flush();
                    }
                } finally {
                    manager.takeUnreportedFailure(); // thrown to the catch below, or none
                }
            }
        } catch (RuntimeException e) {
            // Nobody to throw to here: report, and go on with the next event.
            error("PooledFile '" + getName() + "' could not write an event", null, e);
        }
    }

    private void fail(String message, LogEvent event, RuntimeException cause) {
        if (!ignoreExceptions()) {
            throw cause instanceof AppenderLoggingException
                    ? (AppenderLoggingException) cause
                    : new AppenderLoggingException(message + ": " + cause, cause);
        }
        error(message, event, cause);
    }

    /**
     * Stops: an async appender first writes every event already on its ring; then the block is
     * written out, and the file closed unless another appender still shares it. Waits at most
     * {@code timeout} (0: as long as it takes); when the time runs out (a write hangs on a stalled
     * disk), the hung write is cut short, what is left is dropped and reported, and this returns
     * {@code false}.
     */
    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        if (isStopping() || isStopped()) {
            // A second stop must not release the shared manager a second time, which would close
            // the file under another appender that still uses it.
            return true;
        }
        setStopping();
        long deadline = System.nanoTime() + timeUnit.toNanos(timeout);
        boolean clean = super.stop(timeout, timeUnit, false);
        if (writerHandOff != null) {
            // A scheduled rollover from now on runs under the file's lock on its own thread.
            manager.setWriterHandOff(null);
        }
        long lostBefore = manager.eventsLost();
        long waitMillis = timeout > 0 ? Math.max(1, remainingMillis(deadline)) : 0;
        if (writer != null && !writer.stop(waitMillis, manager::abandonPendingWrites)) {
            // The time ran out, most likely on a write that hangs: the writer cut it and dropped the rest.
            clean = false;
            long notWritten = writer.eventsAbandoned() + (manager.eventsLost() - lostBefore);
            LOGGER.error("PooledFile '{}': stop timed out after {} ms; {} events were not written", getName(),
                    waitMillis, notWritten);
        }
        if (batchFlusher != null) {
            batchFlusher.stop(timeout > 0 ? Math.max(1, remainingMillis(deadline)) : 0);
        }
        RuntimeException lastBlockFailure = null;
        synchronized (manager) {
            try {
                manager.flush();
            } catch (RuntimeException e) {
                manager.takeUnreportedFailure(); // reported here, not to an appender that shares the file
                lastBlockFailure = e;
            }
        }
        if (lastBlockFailure != null) {
            error("PooledFile '" + getName() + "' could not write its last block", null, lastBlockFailure);
            clean = false;
        }
        clean &= manager.stop(timeout > 0 ? Math.max(1, remainingMillis(deadline)) : 0, TimeUnit.MILLISECONDS);
        PooledFileJmx.unregister(this);
        setStopped();
        return clean;
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    /** A snapshot of this appender's counters. */
    public PooledFileStats stats() {
        return new PooledFileStats(
                written.events(),
                written.bytes(),
                manager.flushes(),
                drops.total(),
                writer == null ? 0 : writer.highWaterMark(),
                manager.writeErrors(),
                manager.eventsLost(),
                manager.rollovers(),
                manager.currentFileSize());
    }

    /** The file, absolute. */
    public String getFileName() {
        return manager.settings().path().toString();
    }

    public BufferMode getBufferMode() {
        return bufferMode;
    }

    public boolean isAsync() {
        return writer != null;
    }

    /**
     * The pool a PooledTextLayout's (PooledJsonLayout's) text is formatted in: a nested {@code <BufferPool>}, else the
     * layout's pool, else (for other layouts, which do not use it) the default pool.
     */
    public BufferPool getBufferPool() {
        return bufferPool;
    }

    /** The async appender's buffer pool, for tests; null when synchronous. */
    EncodedEventPool getEventPool() {
        return eventPool;
    }

    PooledFileManager getManager() {
        return manager;
    }

    @Override
    public String toString() {
        return PLUGIN_NAME + "[name=" + getName() + ", fileName=" + getFileName() + ", bufferMode=" + bufferMode
                + ", async=" + isAsync() + "]";
    }

    private record AsyncSettings(int ringSize, WaitStrategyKind waitStrategy, QueueFullPolicy queueFullPolicy,
            long poolMaxGrownBytes) {}

    /**
     * Builds a {@code <PooledFile>}. {@link #build()} checks every attribute and names the attribute
     * and its value in the error when one is wrong.
     */
    public static final class Builder extends AbstractAppender.Builder<Builder>
            implements org.apache.logging.log4j.core.util.Builder<PooledFileAppender> {
        @PluginBuilderAttribute
        private String fileName;

        @PluginBuilderAttribute
        private boolean append = true;

        @PluginBuilderAttribute
        private String filePermissions;

        @PluginBuilderAttribute
        private String bufferMode;

        @PluginBuilderAttribute
        private int bufferSize = DEFAULT_BUFFER_SIZE;

        @PluginBuilderAttribute
        private Boolean immediateFlush;

        @PluginBuilderAttribute
        private boolean async;

        @PluginBuilderAttribute
        private int ringSize = DEFAULT_RING_SIZE;

        @PluginBuilderAttribute
        private String waitStrategy = "Block";

        @PluginBuilderAttribute
        private String queueFullPolicy = "Block";

        @PluginBuilderAttribute
        private long asyncPoolMaxGrownBytes = DEFAULT_ASYNC_POOL_MAX_GROWN_BYTES;

        @PluginElement("BufferPool")
        private BufferPool bufferPool;

        @PluginBuilderAttribute
        private String filePattern;

        @PluginElement("Policy")
        private TriggeringPolicy policy;

        @PluginElement("Strategy")
        private RolloverStrategy strategy;

        @PluginBuilderAttribute
        private String force;

        @PluginBuilderAttribute
        private long forceIntervalMillis = DEFAULT_FORCE_INTERVAL_MILLIS;

        private Builder() {}

        public Builder setFilePattern(String filePattern) {
            this.filePattern = filePattern;
            return this;
        }

        public Builder setPolicy(TriggeringPolicy policy) {
            this.policy = policy;
            return this;
        }

        public Builder setStrategy(RolloverStrategy strategy) {
            this.strategy = strategy;
            return this;
        }

        public Builder setForce(String force) {
            this.force = force;
            return this;
        }

        public Builder setForceIntervalMillis(long forceIntervalMillis) {
            this.forceIntervalMillis = forceIntervalMillis;
            return this;
        }

        public Builder setFileName(String fileName) {
            this.fileName = fileName;
            return this;
        }

        public Builder setAppend(boolean append) {
            this.append = append;
            return this;
        }

        public Builder setFilePermissions(String filePermissions) {
            this.filePermissions = filePermissions;
            return this;
        }

        public Builder setBufferMode(String bufferMode) {
            this.bufferMode = bufferMode;
            return this;
        }

        public Builder setBufferSize(int bufferSize) {
            this.bufferSize = bufferSize;
            return this;
        }

        public Builder setImmediateFlush(boolean immediateFlush) {
            this.immediateFlush = immediateFlush;
            return this;
        }

        public Builder setAsync(boolean async) {
            this.async = async;
            return this;
        }

        public Builder setRingSize(int ringSize) {
            this.ringSize = ringSize;
            return this;
        }

        public Builder setWaitStrategy(String waitStrategy) {
            this.waitStrategy = waitStrategy;
            return this;
        }

        /**
         * [4 MiB] Async mode: the bytes the pool of encoded-event buffers may keep beyond the 512
         * bytes each buffer starts with (a buffer that grew for a large event keeps its size while
         * this budget lasts); 0 shrinks every grown buffer when it comes back.
         */
        public Builder setAsyncPoolMaxGrownBytes(long asyncPoolMaxGrownBytes) {
            this.asyncPoolMaxGrownBytes = asyncPoolMaxGrownBytes;
            return this;
        }

        public Builder setQueueFullPolicy(String queueFullPolicy) {
            this.queueFullPolicy = queueFullPolicy;
            return this;
        }

        public Builder setBufferPool(BufferPool bufferPool) {
            this.bufferPool = bufferPool;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the attribute and its value when one is invalid;
         *     Log4j reports it and the configuration goes on without this appender
         */
        @Override
        public PooledFileAppender build() {
            String name = getName();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(PLUGIN_NAME + ": the name attribute is required");
            }
            AsyncLoggerDisruptorCheck.check(getConfiguration());
            RolloverSettings rollover = resolveRollover(name);
            ForceMode forceMode = ForceMode.parse(name, force);
            if (forceMode == ForceMode.PERIODIC && forceIntervalMillis < 1) {
                throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': forceIntervalMillis=\""
                        + forceIntervalMillis + "\" must be at least 1");
            }
            Path path = rollover != null && rollover.directWrite() ? null : resolvePath(name);
            FileSettings settings = new FileSettings(path, append, parsePermissions(name), checkBufferSize(name),
                    rollover, forceMode, forceIntervalMillis);
            BufferMode mode = resolveBufferMode(name);
            AsyncSettings asyncSettings = async
                    ? new AsyncSettings(checkRingSize(name), WaitStrategyKind.parse(name, waitStrategy),
                            QueueFullPolicy.parse(name, queueFullPolicy), checkAsyncPoolMaxGrownBytes(name))
                    : null;
            Layout<? extends Serializable> layout = getOrCreateLayout();
            BufferPool pool = bufferPool != null ? bufferPool
                    : layout instanceof PooledTextLayout ? ((PooledTextLayout) layout).getBufferPool()
                    : BufferPool.getDefault();
            PooledFileManager manager = PooledFileManager.getManager(name, settings);
            try {
                // As Log4j's rolling appenders do once their manager exists; OnStartup may roll here.
                manager.initializeRollover();
                return new PooledFileAppender(this, layout, manager, mode, pool, asyncSettings);
            } catch (RuntimeException e) {
                manager.stop(0, TimeUnit.MILLISECONDS);
                throw e;
            }
        }

        /**
         * The rollover plugins, checked as {@code RollingRandomAccessFile} checks them; null when the
         * file does not roll over (no {@code filePattern}).
         */
        private RolloverSettings resolveRollover(String name) {
            if (filePattern == null || filePattern.isBlank()) {
                if (policy != null || strategy != null) {
                    throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': <Policies> and a rollover "
                            + "strategy need a filePattern attribute naming the rolled files");
                }
                return null;
            }
            if (policy == null) {
                throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': filePattern=\"" + filePattern
                        + "\" needs a <Policies> element saying when to roll over (e.g. <SizeBasedTriggeringPolicy size=\"100 MB\"/>)");
            }
            boolean noFileName = fileName == null || fileName.isBlank();
            RolloverStrategy chosen = strategy;
            if (chosen == null) {
                // Log4j's defaults, as RollingRandomAccessFile picks them.
                chosen = noFileName
                        ? DirectWriteRolloverStrategy.newBuilder().withConfig(getConfiguration()).build()
                        : DefaultRolloverStrategy.newBuilder().withConfig(getConfiguration()).build();
            } else if (noFileName && !(chosen instanceof DirectFileRolloverStrategy)) {
                throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': the fileName attribute is required "
                        + "unless the strategy is <DirectWriteRolloverStrategy>");
            } else if (!noFileName && chosen instanceof DirectFileRolloverStrategy) {
                throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': fileName=\"" + fileName
                        + "\" must not be set with <DirectWriteRolloverStrategy>, which names each file from filePattern");
            }
            return new RolloverSettings(filePattern, policy, chosen, filePermissions == null || filePermissions.isBlank()
                    ? null : filePermissions.trim());
        }

        private Path resolvePath(String name) {
            if (fileName == null || fileName.isBlank()) {
                throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': the fileName attribute is required");
            }
            try {
                return Paths.get(fileName).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': fileName=\"" + fileName
                        + "\" is not a valid path: " + e.getMessage(), e);
            }
        }

        private Set<PosixFilePermission> parsePermissions(String name) {
            if (filePermissions == null || filePermissions.isBlank()) {
                return null;
            }
            Set<PosixFilePermission> permissions;
            try {
                permissions = PosixFilePermissions.fromString(filePermissions.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': filePermissions=\"" + filePermissions
                        + "\" is not a POSIX permission string such as rw-r-----", e);
            }
            if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': filePermissions=\""
                        + filePermissions + "\" needs a POSIX file system, and this one is not");
            }
            return permissions;
        }

        private int checkBufferSize(String name) {
            if (bufferSize < 1 || bufferSize > (1 << 30)) {
                throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': bufferSize=\"" + bufferSize
                        + "\" must be between 1 and " + (1 << 30) + " bytes");
            }
            return bufferSize;
        }

        private long checkAsyncPoolMaxGrownBytes(String name) {
            if (asyncPoolMaxGrownBytes < 0) {
                throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': asyncPoolMaxGrownBytes=\""
                        + asyncPoolMaxGrownBytes + "\" must be 0 or positive");
            }
            return asyncPoolMaxGrownBytes;
        }

        private int checkRingSize(String name) {
            if (ringSize < 1 || ringSize > MAX_RING_SIZE || Integer.bitCount(ringSize) != 1) {
                throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': ringSize=\"" + ringSize
                        + "\" must be a power of two between 1 and " + MAX_RING_SIZE);
            }
            return ringSize;
        }

        private BufferMode resolveBufferMode(String name) {
            BufferMode declared = bufferMode == null ? null : BufferMode.parse(name, bufferMode);
            if (Boolean.TRUE.equals(immediateFlush)) {
                if (declared != null && declared != BufferMode.LINE) {
                    throw new IllegalArgumentException(PLUGIN_NAME + " '" + name + "': immediateFlush=\"true\" means "
                            + "bufferMode=\"LINE\" and contradicts bufferMode=\"" + bufferMode + "\"; set one of them");
                }
                return BufferMode.LINE;
            }
            return declared == null ? BufferMode.BLOCK : declared;
        }
    }
}
