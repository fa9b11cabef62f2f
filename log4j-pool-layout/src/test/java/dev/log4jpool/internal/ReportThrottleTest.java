package dev.log4jpool.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReportThrottleTest {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void firstAtOnceThenACountAtMostOncePerInterval() {
        ReportThrottle throttle = new ReportThrottle(1, TimeUnit.MINUTES);
        long start = 123_456_789L;
        assertEquals(ReportThrottle.FIRST, throttle.record(start));
        for (int i = 1; i <= 1000; i++) {
            assertEquals(ReportThrottle.SILENT, throttle.record(start + i * (MINUTE / 1001)), "inside the minute");
        }
        assertEquals(1001, throttle.record(start + MINUTE), "the 1000 silent ones and this one");
        assertEquals(ReportThrottle.SILENT, throttle.record(start + MINUTE + 1));
        assertEquals(1, throttle.unreported());
        assertEquals(2, throttle.record(start + 2 * MINUTE));
        assertEquals(0, throttle.unreported());
        assertEquals(1004, throttle.total());
    }

    @Test
    void worksAcrossTheWrapOfNanoTime() {
        ReportThrottle throttle = new ReportThrottle(1, TimeUnit.MINUTES);
        long nearTheEnd = Long.MAX_VALUE - MINUTE / 2;
        assertEquals(ReportThrottle.FIRST, throttle.record(nearTheEnd));
        assertEquals(ReportThrottle.SILENT, throttle.record(nearTheEnd + MINUTE / 4));
        assertEquals(2, throttle.record(nearTheEnd + MINUTE)); // overflowed: still a minute later
    }

    @Test
    void concurrentOccurrencesAreAllCountedAndReportedOnce() throws InterruptedException {
        ReportThrottle throttle = new ReportThrottle(1, TimeUnit.MINUTES);
        AtomicLong firsts = new AtomicLong();
        AtomicLong reports = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 10_000; i++) {
                    long result = throttle.record(0);
                    if (result == ReportThrottle.FIRST) {
                        firsts.incrementAndGet();
                    } else if (result != ReportThrottle.SILENT) {
                        reports.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(1, firsts.get());
        assertEquals(0, reports.get());
        assertEquals(40_000, throttle.total());
        assertEquals(39_999, throttle.record(MINUTE) - 1, "all but the first are in the next count");
    }
}
