package dev.log4jpool.event;

import org.apache.logging.log4j.message.ReusableParameterizedMessage;

/**
 * Log4j's {@link ReusableParameterizedMessage} that goes back to its {@link FreeList} when Log4j
 * clears it: {@code AbstractLogger} (Log4j API 2.25.3) calls the static
 * {@code ReusableMessageFactory.release(message)} in a {@code finally} block once the logging call
 * has returned, and that calls {@link #clear()}. By then the event has taken the formatted text and
 * swapped the parameter array out of the message ({@code MutableLogEvent.setMessage},
 * {@code RingBufferLogEvent.setMessage}), so nothing refers to the message any more.
 */
final class PooledParameterizedMessage extends ReusableParameterizedMessage {
    private static final long serialVersionUID = 1L;

    private final transient FreeList<PooledParameterizedMessage> home;
    private transient boolean leased;

    PooledParameterizedMessage(FreeList<PooledParameterizedMessage> home) {
        this.home = home;
    }

    PooledParameterizedMessage lease() {
        leased = true;
        return this;
    }

    @Override
    public void clear() {
        super.clear();
        if (leased) {
            leased = false;
            home.giveBack(this);
        }
    }
}
