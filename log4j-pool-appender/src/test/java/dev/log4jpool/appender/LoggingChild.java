package dev.log4jpool.appender;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The main class of child JVMs, for what one process cannot test on itself: a context selector
 * chosen by system property (all loggers async) and {@code kill -9}.
 *
 * <p>{@code count THREADS PER_THREAD}: each thread logs {@code {"thread":t,"seq":i}} lines, then
 * Log4j is shut down (which drains every ring) and {@code calls=N context=<class>} is printed.
 * {@code forever [PADDING]}: one thread logs until the process is killed, printing {@code started}
 * first; each message carries {@code PADDING} (default 200) x's.
 */
public final class LoggingChild {
    private LoggingChild() {}

    public static void main(String[] args) throws Exception {
        Logger logger = LogManager.getLogger("child");
        if (args[0].equals("forever")) {
            System.out.println("started");
            System.out.flush();
            String padding = "x".repeat(args.length > 1 ? Integer.parseInt(args[1]) : 200);
            for (long i = 0; ; i++) {
                logger.info("{\"thread\":0,\"seq\":{},\"padding\":\"{}\"}", i, padding);
            }
        }
        int threads = Integer.parseInt(args[1]);
        int perThread = Integer.parseInt(args[2]);
        Thread[] producers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            producers[t] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    logger.info("{\"thread\":{},\"seq\":{}}", thread, i);
                }
            }, "producer-" + t);
            producers[t].start();
        }
        for (Thread producer : producers) {
            producer.join();
        }
        String context = LogManager.getContext(false).getClass().getName();
        LogManager.shutdown();
        System.out.println("calls=" + ((long) threads * perThread) + " context=" + context);
    }
}
