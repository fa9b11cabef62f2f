package dev.log4jpool.buffer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Collects what Log4j's StatusLogger says at {@code level} or worse, between {@link #start} and {@link #stop}. */
public final class StatusCapture implements StatusListener {
    private final Level level;
    private final List<StatusData> captured = new CopyOnWriteArrayList<>();

    public StatusCapture(Level level) {
        this.level = level;
    }

    public StatusCapture start() {
        StatusLogger.getLogger().registerListener(this);
        return this;
    }

    /** Stops listening. (Not {@link #close}: the StatusLogger calls that itself when it removes a listener.) */
    public void stop() {
        StatusLogger.getLogger().removeListener(this);
    }

    @Override
    public void close() {}

    @Override
    public void log(StatusData data) {
        if (data.getLevel().isMoreSpecificThan(level)) {
            captured.add(data);
        }
    }

    @Override
    public Level getStatusLevel() {
        return level;
    }

    /** Everything captured so far. */
    public List<StatusData> all() {
        return List.copyOf(captured);
    }

    /** The formatted messages captured so far. */
    public List<String> messages() {
        return captured.stream().map(data -> data.getMessage().getFormattedMessage()).toList();
    }
}
