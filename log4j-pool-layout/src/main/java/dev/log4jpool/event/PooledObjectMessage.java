package dev.log4jpool.event;

import org.apache.logging.log4j.message.ReusableObjectMessage;

/** Log4j's {@link ReusableObjectMessage} that goes back to its {@link FreeList} when Log4j clears it (see {@link PooledParameterizedMessage}). */
final class PooledObjectMessage extends ReusableObjectMessage {
    private static final long serialVersionUID = 1L;

    private final transient FreeList<PooledObjectMessage> home;
    private transient boolean leased;

    PooledObjectMessage(FreeList<PooledObjectMessage> home) {
        this.home = home;
    }

    PooledObjectMessage lease() {
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
