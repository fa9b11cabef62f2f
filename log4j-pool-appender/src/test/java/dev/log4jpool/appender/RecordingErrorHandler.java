package dev.log4jpool.appender;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.core.ErrorHandler;
import org.apache.logging.log4j.core.LogEvent;

/** An ErrorHandler that remembers every error and the thread that reported it. */
class RecordingErrorHandler implements ErrorHandler {
    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<Throwable> causes = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Override
    public void error(String msg) {
        record(msg, null);
    }

    @Override
    public void error(String msg, Throwable t) {
        record(msg, t);
    }

    @Override
    public void error(String msg, LogEvent event, Throwable t) {
        record(msg, t);
    }

    void record(String msg, Throwable t) {
        messages.add(msg);
        if (t != null) {
            causes.add(t);
        }
        threads.add(Thread.currentThread());
    }
}
