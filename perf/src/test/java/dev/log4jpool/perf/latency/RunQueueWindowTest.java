package dev.log4jpool.perf.latency;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scheduler statistics agree with the JVM's own thread CPU time, and name the threads. */
class RunQueueWindowTest {
    private static final long SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    @Test
    void aSpinningThreadsCpuTimeIsCountedAndNamed() throws Exception {
        assumeTrue(RunQueueWindow.thisThread() != null, "no /proc/thread-self/schedstat here");
        RunQueueWindow window = new RunQueueWindow();
        long[][] mine = new long[2][];
        Thread spinner = new Thread(() -> {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            mine[0] = RunQueueWindow.thisThread();
            long start = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            }
            mine[1] = RunQueueWindow.thisThread();
            try {
                Thread.sleep(200); // stays alive while the window is read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "spinner-test");
        spinner.start();
        while (mine[1] == null) {
            Thread.sleep(5);
        }
        List<RunQueueWindow.ThreadTimes> times = window.sinceStart();
        spinner.join();

        long cpu = mine[1][0] - mine[0][0];
        assertTrue(cpu >= SPIN_NANOS * 9 / 10 && cpu < SPIN_NANOS * 4, "schedstat CPU time " + cpu + " ns for a 50 ms spin");
        assertTrue(mine[1][1] >= mine[0][1], "run-queue wait never decreases");
        RunQueueWindow.ThreadTimes spinnerTimes = times.stream().filter(t -> t.name().equals("spinner-test"))
                .findFirst().orElse(null);
        assertNotNull(spinnerTimes, "the window names the thread: " + times);
        assertTrue(spinnerTimes.cpuNanos() >= SPIN_NANOS * 9 / 10, spinnerTimes.toString());
    }
}
