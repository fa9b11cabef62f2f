package dev.log4jpool.appender;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.core.appender.rolling.action.Action;

/**
 * Runs a rollover's asynchronous part (compression, {@code <Delete>}, POSIX attributes) on a
 * background thread of its own, off the logging path, one action list at a time and in rollover order.
 *
 * <p>Why one at a time: the next rollover's strategy renames and purges files by index, and could
 * rename a file that is still being compressed; Log4j's {@code RollingFileManager} holds a semaphore
 * for the same reason. {@link #awaitPrevious} is that wait: a rollover that comes while the previous
 * one's compression still runs waits for it, which only happens when files fill faster than they
 * compress (then nothing else would keep up either).
 *
 * <p>The thread is made at the first action and ends after a minute without work, so an appender
 * whose rollovers have nothing asynchronous to do never has one.
 */
final class RolloverActions {
    /** Told, on the background thread, that an action returned false or threw ({@code cause}, else null). */
    interface FailureSink {
        void actionFailed(Action action, Throwable cause);
    }

    private final ThreadPoolExecutor executor;
    /** The last action handed over; written under the file manager's monitor, read by tests and stats too. */
    private volatile Future<?> last;

    RolloverActions(String fileDescription) {
        this.executor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "log4jpool-PooledFile-rollover-" + fileDescription);
            thread.setDaemon(true);
            return thread;
        });
        this.executor.allowCoreThreadTimeOut(true);
    }

    /** Hands the action to the background thread and returns at once. */
    void submit(Action action, FailureSink failures) {
        last = executor.submit(() -> run(action, failures));
    }

    private static void run(Action action, FailureSink failures) {
        boolean done;
        Throwable cause = null;
        try {
            done = action.execute();
        } catch (Exception | Error e) {
            done = false;
            cause = e;
        }
        if (!done) {
            failures.actionFailed(action, cause);
        }
    }

    /** Waits until the previous rollover's actions are done; see the class comment for why. */
    void awaitPrevious() {
        Future<?> previous = last;
        if (previous == null || previous.isDone()) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                previous.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // finish the wait: the rollover must not race the action
            } catch (ExecutionException e) {
                break; // run() catches everything; reported there
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether every action handed over so far has finished. */
    boolean isIdle() {
        Future<?> previous = last;
        return previous == null || previous.isDone();
    }

    /**
     * Lets the queued actions finish, waiting at most {@code timeoutMillis} (0: as long as they take).
     *
     * @return whether they all finished
     */
    boolean stop(long timeoutMillis) {
        executor.shutdown();
        try {
            if (timeoutMillis <= 0) {
                while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    // keep waiting: the caller asked for no limit
                }
                return true;
            }
            return executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** For tests: waits until the queued actions are done. */
    void awaitIdle(long timeoutMillis) throws InterruptedException, TimeoutException {
        Future<?> previous = last;
        if (previous != null) {
            try {
                previous.get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                // reported by run()
            }
        }
    }
}
