package dev.log4jpool.perf;

import dev.log4jpool.buffer.BufferPool;
import dev.log4jpool.buffer.TextBuffer;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;
import org.apache.logging.log4j.layout.template.json.util.QueueingRecyclerFactory;
import org.apache.logging.log4j.layout.template.json.util.Recycler;
import org.apache.logging.log4j.layout.template.json.util.ThreadLocalRecyclerFactory;
import org.jctools.queues.MpmcArrayQueue;

/**
 * One way to get a buffer for an event and give it back: our pool's tiers and the peers a user
 * would otherwise reach for. Every source hands out the same {@link TextBuffer} of 8192 chars, so
 * the benchmarks compare the pooling, not the payload.
 */
interface BufferSource {
    int BUFFER_SIZE = 8192;
    int RING_SIZE = 32;

    TextBuffer acquire();

    void release(TextBuffer buffer);

    /** Builds a source by the name the benchmarks use as a {@code @Param}. */
    static BufferSource named(String name) {
        switch (name) {
            case "log4jpool-thread":
                return of(BufferPool.newBuilder().setName("bench-thread").setThreadLocalEnabled(true).build());
            case "log4jpool-ring":
                return of(BufferPool.newBuilder().setName("bench-ring").setThreadLocalEnabled(false).build());
            case "new-char[8192]":
                return new Allocating();
            case "ArrayBlockingQueue":
                return new Queued(new ArrayBlockingQueue<>(RING_SIZE));
            case "jctools-MpmcArrayQueue":
                return new Queued(new MpmcArrayQueue<>(RING_SIZE));
            case "log4j-ThreadLocalRecycler":
                return recycled(ThreadLocalRecyclerFactory.getInstance().create(BufferSource::newBuffer, TextBuffer::clear));
            case "log4j-QueueingRecycler":
                // Log4j's default queue for this recycler is JCTools' MpmcArrayQueue when present.
                Supplier<Queue<Object>> queue = () -> new MpmcArrayQueue<>(RING_SIZE);
                return recycled(new QueueingRecyclerFactory(queue).create(BufferSource::newBuffer, TextBuffer::clear));
            default:
                throw new IllegalArgumentException("unknown buffer source: " + name);
        }
    }

    private static TextBuffer newBuffer() {
        return new TextBuffer(BUFFER_SIZE);
    }

    private static BufferSource of(BufferPool pool) {
        return new BufferSource() {
            @Override
            public TextBuffer acquire() {
                return pool.acquire();
            }

            @Override
            public void release(TextBuffer buffer) {
                pool.release(buffer);
            }
        };
    }

    private static BufferSource recycled(Recycler<TextBuffer> recycler) {
        return new BufferSource() {
            @Override
            public TextBuffer acquire() {
                return recycler.acquire();
            }

            @Override
            public void release(TextBuffer buffer) {
                recycler.release(buffer);
            }
        };
    }

    /** No pooling: what the JVM costs per event when every buffer is new. */
    final class Allocating implements BufferSource {
        @Override
        public TextBuffer acquire() {
            return newBuffer();
        }

        @Override
        public void release(TextBuffer buffer) {}
    }

    /** A pool on a JDK or JCTools queue: poll, else allocate; offer, else drop. */
    final class Queued implements BufferSource {
        private final Queue<TextBuffer> queue;

        Queued(Queue<TextBuffer> queue) {
            this.queue = queue;
        }

        @Override
        public TextBuffer acquire() {
            TextBuffer buffer = queue.poll();
            if (buffer == null) {
                return newBuffer();
            }
            buffer.clear();
            return buffer;
        }

        @Override
        public void release(TextBuffer buffer) {
            queue.offer(buffer);
        }
    }
}
