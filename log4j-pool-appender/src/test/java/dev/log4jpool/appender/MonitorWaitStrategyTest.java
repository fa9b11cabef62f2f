package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The writer's wait: producers do not wake a napping writer for a few events, do wake it for a
 * backlog or a stop, always wake a sleeping one, and no event is ever left waiting.
 */
class MonitorWaitStrategyTest {
    private static final class Slot {
        long value;
    }

    /** A ring of 8 (a napping writer is woken at 2 waiting events) and the writer's barrier. */
    private static RingBuffer<Slot> ring(MonitorWaitStrategy strategy) {
        return RingBuffer.createMultiProducer(Slot::new, 8, strategy);
    }

    private static CompletableFuture<Long> writerWaitsFor(SequenceBarrier barrier, long sequence) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try {
                result.complete(barrier.waitFor(sequence));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        return result;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            LockSupport.parkNanos(100_000);
        }
    }

    @Test
    void aNappingWriterIsLeftAloneForOneEventAndWokenForABacklog() throws Exception {
        MonitorWaitStrategy strategy = new MonitorWaitStrategy(0, 8, TimeUnit.MINUTES.toMillis(10));
        RingBuffer<Slot> ring = ring(strategy);
        CompletableFuture<Long> available = writerWaitsFor(ring.newBarrier(), 0);
        await(strategy::isNapping, "the writer naps");

        ring.publish(ring.next());
        Thread.sleep(200);
        assertFalse(available.isDone(), "one event does not end a ten-minute nap");
        assertEquals(0, strategy.wakeUps());

        ring.publish(ring.next());
        assertEquals(1, available.get(30, TimeUnit.SECONDS), "woken when 2 events wait (a quarter of the ring)");
        assertEquals(1, strategy.wakeUps());
    }

    @Test
    void aNapEndsByItselfWithTheEventsPublishedDuringIt() throws Exception {
        MonitorWaitStrategy strategy = new MonitorWaitStrategy(0, 8, 2_000); // the event surely comes in it
        RingBuffer<Slot> ring = ring(strategy);
        CompletableFuture<Long> available = writerWaitsFor(ring.newBarrier(), 0);
        await(strategy::isNapping, "the writer naps");
        ring.publish(ring.next());
        assertEquals(0, available.get(30, TimeUnit.SECONDS));
        assertEquals(0, strategy.wakeUps(), "nobody had to wake it");
    }

    @Test
    void anIdleWriterSleepsAndTheNextEventWakesIt() throws Exception {
        MonitorWaitStrategy strategy = new MonitorWaitStrategy(0, 8, 1);
        RingBuffer<Slot> ring = ring(strategy);
        CompletableFuture<Long> available = writerWaitsFor(ring.newBarrier(), 0);
        await(strategy::isSleeping, "the writer sleeps after an empty nap");
        ring.publish(ring.next());
        assertEquals(0, available.get(30, TimeUnit.SECONDS));
        assertEquals(1, strategy.wakeUps());
    }

    @Test
    void aStopWakesANappingWriter() throws Exception {
        MonitorWaitStrategy strategy = new MonitorWaitStrategy(0, 8, TimeUnit.MINUTES.toMillis(10));
        RingBuffer<Slot> ring = ring(strategy);
        SequenceBarrier barrier = ring.newBarrier();
        CompletableFuture<Long> available = writerWaitsFor(barrier, 0);
        await(strategy::isNapping, "the writer naps");
        barrier.alert();
        Throwable failure = available.handle((value, error) -> error).get(30, TimeUnit.SECONDS);
        assertInstanceOf(AlertException.class, failure);
    }

    /**
     * Producers pause at random across the nap's and the sleep's boundaries; every event arrives,
     * the last ones included (a lost wake-up would leave them in the ring).
     */
    @Test
    void everyEventArrivesWhateverThePauses() throws Exception {
        int producers = 2;
        int perProducer = 20_000;
        AtomicLong received = new AtomicLong();
        Disruptor<Slot> disruptor = new Disruptor<>(Slot::new, 64, (java.util.concurrent.ThreadFactory) Thread::new,
                ProducerType.MULTI, new MonitorWaitStrategy(0, 64));
        EventHandler<Slot> counter = (slot, sequence, endOfBatch) -> received.incrementAndGet();
        disruptor.handleEventsWith(counter);
        RingBuffer<Slot> ring = disruptor.start();
        try {
            Thread[] threads = new Thread[producers];
            for (int p = 0; p < producers; p++) {
                threads[p] = new Thread(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < perProducer; i++) {
                        ring.publishEvent((slot, sequence) -> slot.value = sequence);
                        int pause = random.nextInt(1000);
                        if (pause < 3) {
                            LockSupport.parkNanos(random.nextLong(500_000, 3_000_000));
                        } else if (pause < 30) {
                            LockSupport.parkNanos(random.nextLong(1_000, 100_000));
                        }
                    }
                });
                threads[p].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            await(() -> received.get() == (long) producers * perProducer,
                    "all " + producers * perProducer + " events arrived (now " + received.get() + ")");
        } finally {
            disruptor.halt();
        }
    }
}
