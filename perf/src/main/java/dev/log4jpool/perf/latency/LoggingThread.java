package dev.log4jpool.perf.latency;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.util.Unbox;

/**
 * One paced logging thread: in each phase it logs {@code logger.info("user {} bought {} items", a, b)}
 * at its share of the offered rate and, when measuring, records every call's response time (end −
 * intended start) and service time (end − actual start) in nanoseconds.
 *
 * <p>A phase ends at a fixed time. Calls that were due before then but never issued, because the
 * setup fell behind, are recorded in the response-time histogram with the time they had waited when
 * the phase ended: a lower bound of their response time. Without them a setup that falls behind
 * would look better the further behind it falls.
 */
final class LoggingThread extends Thread {
    /** Histograms cover 1 ns to 10 minutes at 3 significant digits, sized up front: no resizing mid-run. */
    static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Logger logger;
    private final Phases phases;
    private final int index;
    private final int threads;
    private final double rate;
    final Histogram response = new Histogram(1, HIGHEST_TRACKABLE_NANOS, 3);
    final Histogram service = new Histogram(1, HIGHEST_TRACKABLE_NANOS, 3);
    final SlowCalls slowCalls;
    long warmupCalls;
    long measuredCalls;
    long scheduledCalls;
    long allocatedBytes;
    /** Measurement window: time on a CPU and time runnable but waiting for one (-1: unknown). */
    long cpuNanos = -1;
    long runQueueWaitNanos = -1;
    private int next;

    /** The start and end of warm-up and measurement, on the {@link System#nanoTime()} scale. */
    record Phases(long warmupStart, long warmupEnd, long measureStart, long measureEnd) {}

    LoggingThread(Logger logger, Phases phases, int index, int threads, double totalRate, SlowCalls slowCalls) {
        super("logger-" + index);
        this.logger = logger;
        this.phases = phases;
        this.index = index;
        this.threads = threads;
        this.rate = totalRate / threads;
        this.slowCalls = slowCalls;
    }

    @Override
    public void run() {
        warmupCalls = runPhase(phases.warmupStart(), phases.warmupEnd(), false);
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long allocatedBefore = mx.getCurrentThreadAllocatedBytes();
        long[] scheduledBefore = RunQueueWindow.thisThread();
        measuredCalls = runPhase(phases.measureStart(), phases.measureEnd(), true);
        allocatedBytes = mx.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long[] scheduledAfter = RunQueueWindow.thisThread();
        if (scheduledBefore != null && scheduledAfter != null) {
            cpuNanos = scheduledAfter[0] - scheduledBefore[0];
            runQueueWaitNanos = scheduledAfter[1] - scheduledBefore[1];
        }
    }

    /**
     * The threads' schedules interleave: thread k starts k/threads of an interval after thread 0, so
     * that two threads at 1 M/s each log every microsecond rather than in pairs.
     */
    private long runPhase(long phaseStart, long phaseEnd, boolean measure) {
        Pacer pacer = new Pacer(phaseStart + (long) (1e9 / rate * index / threads), rate);
        long stop;
        while (true) {
            long intended = pacer.nextIntendedStart();
            if (intended >= phaseEnd) {
                stop = intended;
                break;
            }
            if (System.nanoTime() >= phaseEnd) {
                stop = System.nanoTime();
                break;
            }
            pacer.awaitNext();
            long start = System.nanoTime();
            int a = next++;
            logger.info("user {} bought {} items", Unbox.box(a), Unbox.box(a & 15));
            long end = System.nanoTime();
            if (measure) {
                long responseTime = end - intended;
                response.recordValue(Math.min(responseTime, HIGHEST_TRACKABLE_NANOS));
                service.recordValue(Math.min(end - start, HIGHEST_TRACKABLE_NANOS));
                if (slowCalls != null) {
                    slowCalls.offer(intended, start, end);
                }
            }
        }
        long issued = pacer.issued();
        if (measure) {
            long due = pacer.dueBefore(phaseEnd);
            scheduledCalls = Math.max(due, issued);
            for (long owed = issued; owed < due; owed++) {
                response.recordValue(Math.min(Math.max(stop - pacer.intendedStart(owed), 1), HIGHEST_TRACKABLE_NANOS));
            }
        }
        return issued;
    }
}
