package dev.log4jpool.appender;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * {@code force="Periodic"}: a daemon thread of its own that forces the file to the device every
 * {@code forceIntervalMillis}, when something was written since the last time. Forcing waits for the
 * device (milliseconds on a disk, more on a busy one), so it is kept off the logging threads and off
 * the async writer: the file's monitor is not taken, and writes go on while the device catches up.
 */
final class PeriodicForce {
    private final ScheduledExecutorService scheduler;

    PeriodicForce(String fileDescription, long intervalMillis, Runnable forceIfWritten) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "log4jpool-PooledFile-force-" + fileDescription);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                forceIfWritten.run();
            } catch (RuntimeException e) {
                // A thrown exception would cancel the schedule: report and keep forcing.
                StatusLogger.getLogger().error("PooledFile: the periodic force of {} failed", fileDescription, e);
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void stop() {
        scheduler.shutdownNow();
    }
}
