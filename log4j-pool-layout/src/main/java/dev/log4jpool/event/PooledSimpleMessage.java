package dev.log4jpool.event;

import org.apache.logging.log4j.message.ReusableSimpleMessage;

/** Log4j's {@link ReusableSimpleMessage} that goes back to its {@link FreeList} when Log4j clears it (see {@link PooledParameterizedMessage}). */
final class PooledSimpleMessage extends ReusableSimpleMessage {
    private static final long serialVersionUID = 1L;

    private final transient FreeList<PooledSimpleMessage> home;
    private transient boolean leased;

    PooledSimpleMessage(FreeList<PooledSimpleMessage> home) {
        this.home = home;
    }

    PooledSimpleMessage lease() {
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
