package dev.log4jpool.event;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;

/**
 * A JVM of its own for {@link PooledFactoriesTest}: Log4j reads {@code log4j2.logEventFactory},
 * {@code log4j2.messageFactory} and {@code log4j2.contextSelector} once per JVM, so each scenario
 * runs here, configured by system properties exactly as an application would be. Prints its
 * findings as {@code key=value} lines.
 *
 * <ul>
 *   <li>{@code log REQUESTS EVENTS virtual|platform NESTED}: one thread per request, each logging
 *       EVENTS events of four kinds (parameterized, simple, object, printf) whose text is known from
 *       the request and step, with a yield between events; with NESTED, the object message's
 *       {@code toString()} logs an event of its own. A {@link ReuseCheckingAppender} watches every
 *       event.</li>
 *   <li>{@code alloc-platform}: bytes per event on one platform thread, after 200,000 warm-up events.</li>
 *   <li>{@code alloc-virtual REQUESTS EVENTS ROUNDS YIELD}: bytes per event with one virtual thread per
 *       request, net of the same rounds without the logging calls (median of ROUNDS pairs); with
 *       YIELD, each thread yields after every event. A sixth argument varies the request: {@code mdc}
 *       puts two entries in the thread context first (in both kinds of rounds); {@code unbox} passes
 *       primitives through Log4j's {@code Unbox}; {@code structured} logs a {@code StructuredMessage}.</li>
 * </ul>
 */
public final class FactoriesChild {
    static final int WARM_UP = 300_000;
    static final int MEASURED = 200_000;
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * HotSpot's total of heap bytes allocated by all threads, live or exited
     * ({@code com.sun.management.ThreadMXBean.getTotalThreadAllocatedBytes()}, JDK 21 and 17.0.9+;
     * called reflectively because Java 17's API signature file, which {@code --release 17} compiles
     * against on newer JDKs, does not list it).
     */
    static long totalAllocatedBytes() {
        try {
            return (Long) ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes").invoke(THREADS);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM does not count the bytes all threads allocate", e);
        }
    }

    private FactoriesChild() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "log":
                log(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3].equals("virtual"),
                        Boolean.parseBoolean(args[4]));
                break;
            case "alloc-platform":
                allocPlatform();
                break;
            case "alloc-virtual":
                allocVirtual(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                        Boolean.parseBoolean(args[4]), args.length > 5 ? args[5] : "");
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }

    static String text(int request, int step) {
        return "request r" + request + " step " + step + " check " + check(request, step);
    }

    static long check(int request, int step) {
        return request * 31L + step;
    }

    /** An object message whose {@code toString()} may log (a nested logging call on the same thread). */
    static final class Step {
        private static final Logger NESTED = LogManager.getLogger("shop.nested");
        private final int request;
        private final int step;
        private final boolean nested;

        Step(int request, int step, boolean nested) {
            this.request = request;
            this.step = step;
            this.nested = nested;
        }

        @Override
        public String toString() {
            if (nested) {
                NESTED.info("nested request {} step {}", "r" + request, step);
            }
            return text(request, step);
        }
    }

    private static void log(int requests, int events, boolean virtual, boolean nested) throws Exception {
        Logger logger = LogManager.getLogger("shop");
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        LoggerConfig shop = config.getLoggerConfig("shop");
        ReuseCheckingAppender checker = new ReuseCheckingAppender(!(shop instanceof org.apache.logging.log4j.core.async.AsyncLoggerConfig)
                && !(context instanceof org.apache.logging.log4j.core.async.AsyncLoggerContext));
        checker.start();
        config.addAppender(checker);
        shop.addAppender(checker, null, null);
        context.updateLoggers();

        ThreadFactory threads = virtual ? virtualThreadFactory() : Thread::new;
        CountDownLatch done = new CountDownLatch(requests);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int r = 0; r < requests; r++) {
            int request = r;
            threads.newThread(() -> {
                try {
                    for (int step = 0; step < events; step++) {
                        String id = "r" + request;
                        switch (step % 4) {
                            case 0:
                                logger.info("request {} step {} check {}", id, step, check(request, step));
                                break;
                            case 1:
                                logger.info(text(request, step));
                                break;
                            case 2:
                                logger.info(new Step(request, step, nested));
                                break;
                            default:
                                logger.printf(Level.INFO, "request %s step %d check %d", id, step, check(request, step));
                        }
                        Thread.yield();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        Object eventFactory = config.getRootLogger().getLogEventFactory();
        Object messageFactory = logger.getMessageFactory();
        LogManager.shutdown();
        System.out.println("eventFactory=" + eventFactory.getClass().getName());
        System.out.println("messageFactory=" + messageFactory.getClass().getName());
        if (eventFactory instanceof PooledLogEventFactory) {
            System.out.println("eventsCreated=" + ((PooledLogEventFactory) eventFactory).eventsCreated());
        }
        if (messageFactory instanceof PooledMessageFactory) {
            System.out.println("messagesCreated=" + ((PooledMessageFactory) messageFactory).messagesCreated());
        }
        System.out.println("checker " + checker.summary());
        System.out.println("failures=" + failures.size() + (failures.isEmpty() ? "" : " first=" + failures.get(0)));
    }

    private static Logger encodingLogger() {
        Logger logger = LogManager.getLogger("shop");
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        PooledEncodeAppender appender = new PooledEncodeAppender();
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
        return logger;
    }

    /** Arguments made once: the calls measured allocate nothing of their own. */
    private static final String[] IDS = new String[1024];
    private static final Long[] CHECKS = new Long[1024];

    static {
        for (int i = 0; i < IDS.length; i++) {
            IDS[i] = "r" + i;
            CHECKS[i] = (long) i * 31;
        }
    }

    /**
     * Warm-up, then three measured windows of MEASURED events; prints the smallest. A window in which
     * the JIT recompiles a method can run part of it interpreted, where escape analysis does not
     * remove what C2 does (measured once on JDK 17: 1,544 B in one 200,000-event window, 0 in the
     * next); a path that allocates per event allocates in every window.
     */
    private static void allocPlatform() {
        Logger logger = encodingLogger();
        for (int i = 0; i < WARM_UP; i++) {
            logger.info("request {} step {} check {}", IDS[i & 1023], i & 7, CHECKS[i & 1023]);
        }
        long thread = Thread.currentThread().getId();
        long fewest = Long.MAX_VALUE;
        long[] windows = new long[3];
        long firstMillis = System.currentTimeMillis();
        for (int w = 0; w < windows.length; w++) {
            long before = THREADS.getThreadAllocatedBytes(thread);
            for (int i = 0; i < MEASURED; i++) {
                logger.info("request {} step {} check {}", IDS[i & 1023], i & 7, CHECKS[i & 1023]);
            }
            windows[w] = THREADS.getThreadAllocatedBytes(thread) - before;
            fewest = Math.min(fewest, windows[w]);
        }
        System.out.println("timestampsMoved=" + (System.currentTimeMillis() > firstMillis));
        System.out.println("windowBytes=" + Arrays.toString(windows));
        System.out.println("bytesPerEvent=" + (double) fewest / MEASURED);
        printFactories(logger);
    }

    /**
     * Rounds of REQUESTS virtual threads, all alive at once (they wait at a gate), each logging
     * EVENTS events with a yield between them, alternating with the same rounds without the
     * logging calls. Allocation of every thread, virtual ones included (they allocate on their
     * carrier), from HotSpot's running total; see VirtualThreadBenchmark in perf.
     */
    private static void allocVirtual(int requests, int events, int rounds, boolean yield, String variant)
            throws Exception {
        Logger logger = encodingLogger();
        int warmUpRounds = Math.max(2, WARM_UP / (requests * events) + 1);
        for (int i = 0; i < warmUpRounds; i++) {
            virtualRound(logger, requests, events, false, yield, variant);
            virtualRound(logger, requests, events, true, yield, variant);
        }
        double[] net = new double[rounds];
        for (int i = 0; i < net.length; i++) {
            long without = virtualRound(logger, requests, events, false, yield, variant);
            long with = virtualRound(logger, requests, events, true, yield, variant);
            net[i] = (double) (with - without) / ((long) requests * events);
            if (Boolean.getBoolean("verbose")) {
                System.out.println("round without=" + without + " with=" + with + " gcs=" + gcs());
            }
        }
        Arrays.sort(net);
        System.out.println("netBytesPerEventRounds=" + Arrays.toString(net));
        System.out.println("netBytesPerEvent=" + net[net.length / 2]);
        printFactories(logger);
    }

    private static long virtualRound(Logger logger, int requests, int events, boolean logging, boolean yield,
            String variant) throws Exception {
        boolean mdc = variant.equals("mdc");
        boolean unbox = variant.equals("unbox");
        boolean structured = variant.equals("structured");
        System.gc();
        ThreadFactory threads = virtualThreadFactory();
        // Every thread parks at the gate before it opens: a thread that found the gate already open
        // would skip its first unmount and the stack chunk that goes with it, a different amount of
        // JDK allocation in every round.
        CountDownLatch ready = new CountDownLatch(requests);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(requests);
        long before = totalAllocatedBytes();
        for (int r = 0; r < requests; r++) {
            int request = r & 1023;
            threads.newThread(() -> {
                try {
                    ready.countDown();
                    gate.await();
                    if (mdc) { // the request's own context, with or without logging
                        org.apache.logging.log4j.ThreadContext.put("requestId", IDS[request]);
                        org.apache.logging.log4j.ThreadContext.put("user", IDS[(request * 7) & 1023]);
                    }
                    for (int step = 0; step < events; step++) {
                        if (!logging) {
                            // no call
                        } else if (unbox) {
                            logger.info("request {} step {} check {}", IDS[request],
                                    org.apache.logging.log4j.util.Unbox.box(step),
                                    org.apache.logging.log4j.util.Unbox.box(request * 31L));
                        } else if (structured) {
                            logger.info(dev.log4jpool.message.StructuredMessage.of("request")
                                    .with("id", IDS[request]).with("step", step).with("check", request * 31L));
                        } else {
                            logger.info("request {} step {} check {}", IDS[request], step, CHECKS[request]);
                        }
                        if (yield) {
                            Thread.yield();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        ready.await();
        gate.countDown();
        done.await();
        return totalAllocatedBytes() - before;
    }

    private static long gcs() {
        long count = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += gc.getCollectionCount();
        }
        return count;
    }

    private static void printFactories(Logger logger) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Object eventFactory = context.getConfiguration().getRootLogger().getLogEventFactory();
        System.out.println("eventFactory=" + eventFactory.getClass().getName());
        System.out.println("messageFactory=" + logger.getMessageFactory().getClass().getName());
        if (eventFactory instanceof PooledLogEventFactory) {
            System.out.println("eventsCreated=" + ((PooledLogEventFactory) eventFactory).eventsCreated());
        }
        if (logger.getMessageFactory() instanceof PooledMessageFactory) {
            System.out.println("messagesCreated=" + ((PooledMessageFactory) logger.getMessageFactory()).messagesCreated());
        }
        System.out.println("layoutBufferPool=" + dev.log4jpool.buffer.BufferPool.getDefault().stats());
    }

    private static ThreadFactory virtualThreadFactory() throws ReflectiveOperationException {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
    }
}
