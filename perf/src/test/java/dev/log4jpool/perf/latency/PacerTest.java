package dev.log4jpool.perf.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The schedule is fixed in advance: a stall delays the calls behind it but never moves their intended start. */
class PacerTest {
    @Test
    void callsAreIntendedOnAFixedGridAndNeverStartEarly() {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2);
        Pacer pacer = new Pacer(start, 10_000); // every 100 µs
        for (int i = 0; i < 50; i++) {
            long intended = pacer.awaitNext();
            assertEquals(start + i * 100_000L, intended);
            assertTrue(System.nanoTime() >= intended, "call " + i + " started before its time");
        }
        assertEquals(50, pacer.issued());
    }

    @Test
    void aStallLeavesTheScheduleWhereItWasSoTheLateCallsAreChargedForIt() throws InterruptedException {
        long start = System.nanoTime();
        Pacer pacer = new Pacer(start, 1_000); // every millisecond
        pacer.awaitNext();
        Thread.sleep(30); // a stalled logging call
        long resumed = System.nanoTime();
        // the calls due during the stall keep their intended starts, all in the past now
        for (int i = 1; i <= 20; i++) {
            long intended = pacer.awaitNext();
            assertEquals(start + i * 1_000_000L, intended);
            assertTrue(intended < resumed, "call " + i + " was rescheduled after the stall");
        }
        assertTrue(pacer.dueBefore(resumed) >= 30, "due before the end of the stall: " + pacer.dueBefore(resumed));
        assertEquals(start + 25 * 1_000_000L, pacer.intendedStart(25));
    }
}
