package dev.log4jpool.perf;

import dev.log4jpool.buffer.TextBuffer;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.SpscArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Acquire + release of one buffer, per tier of our pool, against the peers for that tier. Each
 * operation appends one char, so no source can skip handing out a usable buffer.
 *
 * <ul>
 *   <li>{@code threadTier}: one thread, a buffer per event from the thread's cache.</li>
 *   <li>{@code ring}: one thread, our pool with its thread tier off, against queue-based pools.</li>
 *   <li>{@code ringContended}: the same with two threads sharing the pool.</li>
 *   <li>{@code crossThread}: buffers acquired on one thread and released on another (the async
 *       appender's pattern), handed over through a JCTools SPSC queue that all sources share.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class PoolBenchmark {

    @State(Scope.Thread)
    public static class ThreadTier {
        @Param({"log4jpool-thread", "log4j-ThreadLocalRecycler", "new-char[8192]"})
        public String source;

        BufferSource buffers;

        @Setup
        public void setUp() {
            buffers = BufferSource.named(source);
        }
    }

    @State(Scope.Benchmark)
    public static class Ring {
        @Param({"log4jpool-ring", "ArrayBlockingQueue", "jctools-MpmcArrayQueue", "log4j-QueueingRecycler"})
        public String source;

        BufferSource buffers;

        @Setup
        public void setUp() {
            buffers = BufferSource.named(source);
        }
    }

    @State(Scope.Group)
    public static class CrossThread {
        @Param({"log4jpool-thread", "log4jpool-ring", "ArrayBlockingQueue", "jctools-MpmcArrayQueue",
                "log4j-QueueingRecycler"})
        public String source;

        BufferSource buffers;
        SpscArrayQueue<TextBuffer> handOff;

        @Setup
        public void setUp() {
            buffers = BufferSource.named(source);
            handOff = new SpscArrayQueue<>(1024);
        }
    }

    @Benchmark
    public TextBuffer threadTier(ThreadTier state) {
        return cycle(state.buffers);
    }

    @Benchmark
    public TextBuffer ring(Ring state) {
        return cycle(state.buffers);
    }

    @Benchmark
    @Threads(2)
    public TextBuffer ringContended(Ring state) {
        return cycle(state.buffers);
    }

    @Benchmark
    @Group("crossThread")
    @GroupThreads(1)
    public TextBuffer crossThreadAcquire(CrossThread state) {
        TextBuffer buffer = state.buffers.acquire();
        buffer.append('x');
        if (!state.handOff.offer(buffer)) {
            state.buffers.release(buffer); // the releasing thread is behind: release here
        }
        return buffer;
    }

    @Benchmark
    @Group("crossThread")
    @GroupThreads(1)
    public int crossThreadRelease(CrossThread state) {
        TextBuffer buffer = state.handOff.poll();
        if (buffer == null) {
            return 0;
        }
        int length = buffer.length();
        state.buffers.release(buffer);
        return length;
    }

    /** Returns the buffer so that it escapes: otherwise C2 removes the allocation of new-char[8192]. */
    private static TextBuffer cycle(BufferSource buffers) {
        TextBuffer buffer = buffers.acquire();
        buffer.append('x');
        buffers.release(buffer);
        return buffer;
    }
}
