package dev.log4jpool.appender;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Collects the StatusLogger's messages (WARN and above) while open: what a user reads in the console. */
final class StatusCapture implements StatusListener {
    final List<String> messages = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    static StatusCapture start() {
        StatusCapture capture = new StatusCapture();
        StatusLogger.getLogger().registerListener(capture);
        return capture;
    }

    @Override
    public void log(StatusData data) {
        messages.add(data.getMessage().getFormattedMessage());
    }

    @Override
    public Level getStatusLevel() {
        return Level.WARN;
    }

    /** The messages that contain {@code text}. */
    List<String> containing(String text) {
        return messages.stream().filter(m -> m.contains(text)).toList();
    }

    /** Unregisters; removeListener calls close() again, which then does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            StatusLogger.getLogger().removeListener(this);
        }
    }
}
