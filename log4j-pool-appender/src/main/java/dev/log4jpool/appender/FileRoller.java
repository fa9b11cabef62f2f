package dev.log4jpool.appender;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.ErrorHandler;
import org.apache.logging.log4j.core.LifeCycle;
import org.apache.logging.log4j.core.LifeCycle2;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.DefaultErrorHandler;
import org.apache.logging.log4j.core.appender.rolling.FileExtension;
import org.apache.logging.log4j.core.appender.rolling.PatternProcessor;
import org.apache.logging.log4j.core.appender.rolling.RolloverDescription;
import org.apache.logging.log4j.core.appender.rolling.TriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.action.Action;
import org.apache.logging.log4j.core.appender.rolling.action.FileRenameAction;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * Rolls one {@link PooledFileManager}'s file over, with Log4j's own triggering policies and rollover
 * strategies (reached through a {@link RollingFileBridge}).
 *
 * <p><b>When.</b> The appender calls {@link #check(LogEvent)} (synchronous mode) or
 * {@link #check(long)} (async mode, on the writer thread, with the event's timestamp) with the file's
 * monitor held, before the event's bytes go into the block: a rollover happens between two events,
 * and the event that triggered it is the first of the new file, as with Log4j's rolling appenders.
 * A rollover asked for from another thread (the cron scheduler) is put on the async writer's ring
 * when there is one, so that it happens on the writer thread in the order of the events around it;
 * otherwise it runs on that thread under the file's monitor.
 *
 * <p><b>How.</b> Under the monitor: wait for the previous rollover's background actions (as Log4j
 * does), write the block to the old file, force it when {@code force} says so, ask the strategy for a
 * {@link RolloverDescription} (which purges and renames older files by index), close the file, run
 * the synchronous action (the rename), open the new file, and hand the asynchronous actions
 * (compression, {@code <Delete>}) to {@link RolloverActions}. Only whole events are in the block at
 * that point, so no event is split across two files.
 *
 * <p><b>Faults.</b> A rename target that already exists is never overwritten (Log4j's rename would
 * replace it); a failed strategy or rename leaves the events going to the active file. Each is
 * reported through the appender's {@code ErrorHandler} and the status logger (the first failure of a
 * streak with its cause, then at most once a minute with a count), and the rollover is tried again
 * {@code log4jpool.rolloverRetryMillis} (a Log4j property: system property or
 * {@code log4j2.component.properties}; default 1000) later, and at every trigger after that, until
 * it succeeds. A failed compression keeps the uncompressed file and removes the partial archive.
 *
 * <p><b>Allocation.</b> The per-event check allocates nothing: the policies read the size and the
 * event's time, and the async probe event is reused. A rollover allocates what Log4j's strategy
 * allocates (file names, a directory listing for {@code %i}, the action objects) plus a few small
 * objects here; see RolloverAllocationTest for the measured bound.
 */
final class FileRoller {
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(
            PropertiesUtil.getProperties().getLongProperty("log4jpool.rolloverRetryMillis", 1000L));
    private static final long REPORT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final StatusLogger LOGGER = StatusLogger.getLogger();

    private final PooledFileManager owner;
    private final RollingFileBridge bridge;
    private final RolloverActions actions;
    /** Stands for an async event in the policies' eyes: only its time is read. Under the monitor only. */
    private final MutableLogEvent probe = new MutableLogEvent();

    private volatile long fileTime;
    private volatile long rollovers;
    /** The thread of the last rollover, for tests and diagnostics (async mode: the writer thread). */
    private volatile String lastRolloverThread;
    /** The async appender's way onto its writer thread; null when synchronous or stopped. */
    private volatile Predicate<Runnable> writerHandOff;
    /** The appender whose ErrorHandler hears of faults (asked each time: a handler may be set later). */
    private volatile Appender appender;

    // Failure state, under the owner's monitor.
    private boolean retryPending;
    private long retryAt;
    private long failedAttempts;
    private long lastReportAt;

    /**
     * @param activeFile the {@code fileName}, absolute; null with a {@code DirectWriteRolloverStrategy},
     *     whose strategy names the file (see {@link #activeFile()})
     */
    FileRoller(PooledFileManager owner, Path activeFile, RolloverSettings settings) {
        this.owner = owner;
        long initialTime = activeFile == null ? 0 : creationTime(activeFile);
        this.bridge = new RollingFileBridge(this, activeFile == null ? null : activeFile.toString(), initialTime,
                settings);
        this.fileTime = activeFile == null ? creationTime(activeFile()) : initialTime;
        this.actions = new RolloverActions(String.valueOf(activeFile == null ? settings.filePattern() : activeFile.getFileName()));
    }

    /**
     * When the file was created, to the second, as Log4j's rolling managers take it (its creation
     * time where the file system keeps one, else its modification time); now when there is no file.
     */
    private static long creationTime(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long created = attributes.creationTime().toMillis();
            long time = created > 0 ? created : attributes.lastModifiedTime().toMillis();
            return Math.round(time / 1000d) * 1000;
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
    }

    /** The file events go to now: the {@code fileName}, or the direct-write strategy's current file. */
    Path activeFile() {
        return Paths.get(bridge.getFileName()).toAbsolutePath().normalize();
    }

    /**
     * Starts the triggering policy, as Log4j's rolling appenders do once their manager exists. An
     * {@code OnStartupTriggeringPolicy} (or a cron policy with {@code evaluateOnStartup}) may roll over
     * here.
     */
    void initialize() {
        bridge.initialize();
    }

    void setAppender(Appender appender) {
        this.appender = appender;
    }

    /** How a rollover asked for by another thread reaches the async writer; null to run it under the lock. */
    void setWriterHandOff(Predicate<Runnable> handOff) {
        this.writerHandOff = handOff;
    }

    long fileSize() {
        return owner.currentFileSize();
    }

    long fileTime() {
        return fileTime;
    }

    long rollovers() {
        return rollovers;
    }

    RollingFileBridge bridgeForTests() {
        return bridge;
    }

    String lastRolloverThread() {
        return lastRolloverThread;
    }

    RolloverActions actions() {
        return actions;
    }

    /**
     * The per-event check, with the owner's monitor held, before the event is written. Allocates
     * nothing unless it rolls over.
     */
    void check(LogEvent event) {
        if (bridge.policy().isTriggeringEvent(event)) {
            if (retryPending && System.nanoTime() - retryAt < 0) {
                return; // a failed rollover is not retried before its time
            }
            rollover();
        } else if (retryPending && System.nanoTime() - retryAt >= 0) {
            rollover();
        }
    }

    /** {@link #check(LogEvent)} for an async event, of which the writer has the bytes and the time. */
    void check(long timeMillis) {
        probe.setTimeMillis(timeMillis);
        check(probe);
    }

    /**
     * A policy asks for a rollover outside the event path: {@code OnStartupTriggeringPolicy} or a cron
     * policy with {@code evaluateOnStartup} at initialization, {@code CronTriggeringPolicy} from the
     * configuration's scheduler. With both times given, they are the period the rolled file covers.
     */
    void rolloverRequested(Date prevFileTime, Date prevRollTime) {
        Runnable work = () -> {
            synchronized (owner) {
                if (prevFileTime != null && prevRollTime != null) {
                    PatternProcessor processor = bridge.getPatternProcessor();
                    processor.setPrevFileTime(prevFileTime.getTime());
                    processor.setCurrentFileTime(prevRollTime.getTime());
                }
                rollover();
            }
        };
        Predicate<Runnable> handOff = writerHandOff;
        if (Thread.holdsLock(owner) || handOff == null || !handOff.test(work)) {
            // Already under the lock (a reconfiguration), synchronous, or the writer is stopping.
            work.run();
        }
    }

    /** Rolls over now. Owner's monitor held. */
    void rollover() {
        if (owner.isClosedForRollover()) {
            return;
        }
        actions.awaitPrevious();
        Path before = activeFile();
        try {
            owner.writeBlockForRollover();
        } catch (RuntimeException e) {
            // The block's bytes are lost and counted as such; the rollover goes on.
            report("PooledFile could not write the last block of " + before + " before rolling it over", e);
        }
        owner.forceForRollover();
        RolloverDescription description;
        try {
            description = bridge.strategy().rollover(bridge);
        } catch (RuntimeException e) {
            failed("PooledFile could not roll " + before + " over: the rollover strategy failed", e);
            return;
        }
        if (description == null) {
            retryPending = false; // the strategy decided there is nothing to do (e.g. max="-1")
            return;
        }
        Action rename = description.getSynchronous();
        if (rename instanceof FileRenameAction && ((FileRenameAction) rename).getDestination().exists()
                && !((FileRenameAction) rename).getDestination().toPath().toAbsolutePath().normalize().equals(before)) {
            failed("PooledFile will not roll " + before + " over to " + ((FileRenameAction) rename).getDestination()
                    + ": that file already exists and would be overwritten", null);
            return;
        }
        owner.closeForRollover();
        boolean renamed = true;
        Throwable cause = null;
        if (rename != null) {
            try {
                renamed = rename.execute();
            } catch (Exception e) {
                renamed = false;
                cause = e;
            }
        }
        Path next = activeFile();
        owner.openAfterRollover(next);
        if (!renamed) {
            failed("PooledFile could not roll " + before + " over (" + rename + ")", cause);
            return;
        }
        fileTime = System.currentTimeMillis();
        rollovers++;
        lastRolloverThread = Thread.currentThread().getName();
        if (failedAttempts > 0) {
            LOGGER.info("PooledFile: {} rolled over after {} failed attempts", before, failedAttempts);
            failedAttempts = 0;
        }
        retryPending = false;
        Action background = description.getAsynchronous();
        if (background != null) {
            Path rolled = rename instanceof FileRenameAction
                    ? ((FileRenameAction) rename).getDestination().toPath()
                    : before;
            FileExtension extension = bridge.getFileExtension();
            actions.submit(background, (action, failure) -> backgroundActionFailed(action, failure, rolled, extension));
        }
    }

    /** A policy or the rollover threw where nothing else caught it: reported, retried later. Monitor held. */
    void unexpected(RuntimeException e) {
        failed("PooledFile: the rollover of " + owner.settings().path() + " failed", e);
    }

    /** On the background thread: compression or deletion failed; keep the rolled file whole. */
    private void backgroundActionFailed(Action action, Throwable cause, Path rolled, FileExtension extension) {
        String kept = "";
        if (extension != null && Files.exists(rolled)) {
            // The compressed copy may be partial (a full disk): the uncompressed file is the one to keep.
            Path archive = Paths.get(rolled + extension.getExtension());
            try {
                if (Files.deleteIfExists(archive)) {
                    kept = "; the partial " + archive.getFileName() + " was removed";
                }
            } catch (IOException e) {
                kept = "; the partial " + archive + " could not be removed: " + e;
            }
            kept += "; " + rolled + " is kept uncompressed";
        }
        report("PooledFile: a rollover's background action failed (" + action + ")" + kept, cause);
    }

    private void failed(String message, Throwable cause) {
        retryPending = true;
        long now = System.nanoTime();
        retryAt = now + RETRY_NANOS;
        failedAttempts++;
        if (failedAttempts == 1 || now - lastReportAt >= REPORT_INTERVAL_NANOS) {
            lastReportAt = now;
            report(message + (failedAttempts > 1 ? " (" + failedAttempts + " failed attempts in a row)" : "")
                    + "; events go on to " + owner.settings().path() + ", and the rollover is tried again in "
                    + TimeUnit.NANOSECONDS.toMillis(RETRY_NANOS) + " ms", cause);
        }
    }

    /**
     * Through the appender's ErrorHandler and the status logger. Log4j's default handler writes to
     * the status logger itself, so then the status logger is not told twice.
     */
    private void report(String message, Throwable cause) {
        Appender reporter = appender;
        ErrorHandler handler = reporter == null ? null : reporter.getHandler();
        if (handler != null) {
            handler.error(message, null, cause);
        }
        if (handler == null || !(handler instanceof DefaultErrorHandler)) {
            LOGGER.error(message, cause);
        }
    }

    /** A reconfiguration (or a second appender on the same file) brings new plugins: Log4j's swap. Monitor held. */
    void update(RolloverSettings settings) {
        bridge.setRolloverStrategy(settings.strategy());
        bridge.setPatternProcessor(new PatternProcessor(settings.filePattern(), bridge.getPatternProcessor()));
        bridge.setTriggeringPolicy(settings.policy());
    }

    /** Stops the policy (the cron schedule) first, so no rollover starts while the file closes. */
    boolean stopPolicy(long timeoutMillis) {
        TriggeringPolicy policy = bridge.policy();
        if (policy instanceof LifeCycle2) {
            return ((LifeCycle2) policy).stop(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        if (policy instanceof LifeCycle) {
            ((LifeCycle) policy).stop();
        }
        return true;
    }

    /** Lets the background actions (compression, deletion) finish, at most {@code timeoutMillis} (0: no limit). */
    boolean stopActions(long timeoutMillis) {
        boolean finished = actions.stop(timeoutMillis);
        if (!finished) {
            LOGGER.warn("PooledFile: the rollover actions of {} did not finish within {} ms", owner.settings().path(),
                    timeoutMillis);
        }
        return finished;
    }

    @Override
    public String toString() {
        return "FileRoller[" + bridge.getPatternProcessor().getPattern() + "]";
    }

}
