package dev.log4jpool.perf;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslator;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How often the Disruptor's {@code RingBuffer.remainingCapacity()} is negative while its ring is
 * full, several producers wait for room and the consumer moves on: the value Log4j's async loggers
 * read after a failed {@code tryPublish}, where a negative one means "Log4j was shut down" and the
 * event is discarded without a word ({@code AsyncLoggerDisruptor.getEventRoute}, 2.25–2.26).
 *
 * <p>Why it happens (Disruptor 3.4.4's {@code MultiProducerSequencer.remainingCapacity}): it reads
 * the consumer's sequence, then the cursor again; a consumer step and another producer's claim in
 * between make "produced − consumed" exceed the ring. With one producer the cursor cannot move in
 * between, so the count stays 0.
 *
 * <p>The producers retry {@code tryPublishEvent} in a loop, so that the full-ring check runs as often
 * as possible; Log4j runs it once per call that finds the ring full.
 *
 * <pre>{@code java -cp <perf classpath> dev.log4jpool.perf.RemainingCapacityRace PRODUCERS SECONDS}</pre>
 */
public final class RemainingCapacityRace {
    private static final class Slot {
        long value;
    }

    private RemainingCapacityRace() {
    }

    public static void main(String[] args) throws InterruptedException {
        int producers = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        Disruptor<Slot> disruptor = new Disruptor<>(Slot::new, 4096, (ThreadFactory) Thread::new, ProducerType.MULTI,
                new TimeoutBlockingWaitStrategy(10, TimeUnit.MILLISECONDS)); // Log4j's default strategy
        EventHandler<Slot> slowConsumer = (slot, sequence, endOfBatch) -> {
            for (int i = 0; i < 200; i++) {
                Thread.onSpinWait(); // a consumer slower than the producers keeps the ring full
            }
        };
        disruptor.handleEventsWith(slowConsumer);
        RingBuffer<Slot> ring = disruptor.start();
        AtomicLong fullChecks = new AtomicLong();
        AtomicLong negative = new AtomicLong();
        AtomicLong published = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            threads[p] = new Thread(() -> {
                EventTranslator<Slot> translator = (slot, sequence) -> slot.value = sequence;
                while (System.nanoTime() < end) {
                    while (!ring.tryPublishEvent(translator)) {
                        fullChecks.incrementAndGet();
                        if (ring.remainingCapacity() < 0) {
                            negative.incrementAndGet(); // Log4j would have discarded this event
                        }
                    }
                    published.incrementAndGet();
                }
            });
            threads[p].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        disruptor.shutdown();
        System.out.printf("producers=%d published=%,d full-ring checks=%,d remainingCapacity()<0: %,d%n", producers,
                published.get(), fullChecks.get(), negative.get());
    }
}
