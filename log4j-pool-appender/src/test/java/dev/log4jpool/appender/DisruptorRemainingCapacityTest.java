package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Disruptor behaviour behind Log4j's silent loss with Disruptor 4 (see
 * {@code AsyncLoggerDisruptorCheck}): with a full ring and one producer waiting in {@code publishEvent},
 * {@code remainingCapacity()} is 0 on Disruptor 3.4.4 and negative on 4.0.0, which Log4j's async
 * loggers read as "shut down". Runs on whichever Disruptor the build put on the class path (3.4.4, and
 * 4.0.0 under {@code -Pdisruptor4}).
 */
class DisruptorRemainingCapacityTest {
    private static final class Slot {
        long value;
    }

    @Test
    void remainingCapacityWhileAProducerWaits() throws Exception {
        CountDownLatch releaseConsumer = new CountDownLatch(1);
        Disruptor<Slot> disruptor = new Disruptor<>(Slot::new, 4, (java.util.concurrent.ThreadFactory) Thread::new, ProducerType.MULTI,
                new BlockingWaitStrategy());
        EventHandler<Slot> stuck = (slot, sequence, endOfBatch) -> releaseConsumer.await();
        disruptor.handleEventsWith(stuck);
        RingBuffer<Slot> ring = disruptor.start();
        try {
            for (int i = 0; i < 4; i++) {
                ring.publishEvent((slot, sequence) -> slot.value = sequence);
            }
            assertEquals(0, ring.remainingCapacity(), "the ring is full");
            Thread waiting = new Thread(() -> ring.publishEvent((slot, sequence) -> slot.value = sequence));
            waiting.setDaemon(true);
            waiting.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (waiting.getState() != Thread.State.TIMED_WAITING && waiting.getState() != Thread.State.WAITING
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            long capacity = ring.remainingCapacity();
            boolean disruptor4 = RingBuffer.class.getClassLoader()
                    .getResource("com/lmax/disruptor/SequenceReportingEventHandler.class") == null;
            assertEquals(disruptor4 ? -1 : 0, capacity,
                    "remaining capacity with a producer waiting, Disruptor " + (disruptor4 ? "4" : "3"));
        } finally {
            releaseConsumer.countDown();
            disruptor.shutdown(10, TimeUnit.SECONDS);
        }
    }
}
