package dev.log4jpool.internal;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * The orderings {@link BoundedRing} promises, checked by jcstress on every interleaving it can
 * produce. Run by {@code BoundedRingJcstressTest} (quick mode in the build); the full run is
 * described in README.md ("Concurrency tests").
 */
public final class BoundedRingJcstressTests {
    private BoundedRingJcstressTests() {}

    /** An element whose fields are written before it is offered. */
    static final class Payload {
        int a;
        int b;

        Payload(int a, int b) {
            this.a = a;
            this.b = b;
        }
    }

    @JCStressTest
    @Description("An element polled from the ring is seen with every write made before it was offered.")
    @Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "Poll ran first: empty.")
    @Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "Poll saw the whole element.")
    @Outcome(expect = FORBIDDEN, desc = "Poll saw a half-written element.")
    @State
    public static class Publication {
        final BoundedRing<Payload> ring = new BoundedRing<>(4);

        @Actor
        public void producer() {
            Payload payload = new Payload(0, 0);
            payload.a = 1;
            payload.b = 2;
            ring.offer(payload);
        }

        @Actor
        public void consumer(II_Result r) {
            Payload payload = ring.poll();
            if (payload == null) {
                r.r1 = -1;
                r.r2 = -1;
            } else {
                r.r1 = payload.a;
                r.r2 = payload.b;
            }
        }
    }

    @JCStressTest
    @Description("Two producers racing for the last free slot: exactly one wins; none overwrites another.")
    @Outcome(id = "1, 0, 3", expect = ACCEPTABLE, desc = "First producer won the slot.")
    @Outcome(id = "0, 1, 3", expect = ACCEPTABLE, desc = "Second producer won the slot.")
    @Outcome(expect = FORBIDDEN, desc = "Both or neither got in, or an element was lost.")
    @State
    public static class LastSlot {
        final BoundedRing<Integer> ring = new BoundedRing<>(2);
        boolean first;
        boolean second;

        public LastSlot() {
            ring.offer(100);
        }

        @Actor
        public void producer1() {
            first = ring.offer(1);
        }

        @Actor
        public void producer2() {
            second = ring.offer(2);
        }

        @Arbiter
        public void drain(III_Result r) {
            r.r1 = first ? 1 : 0;
            r.r2 = second ? 1 : 0;
            int sum = 0;
            for (Integer e; (e = ring.poll()) != null; ) {
                sum += e;
            }
            // 100 plus exactly the winner's element: 101 or 102; the id below folds it to 3 when right.
            r.r3 = (sum == 100 + (first ? 1 : 0) + (second ? 2 : 0)) && (first ^ second) ? 3 : sum;
        }
    }

    @JCStressTest
    @Description("Two consumers racing for the one element: exactly one gets it.")
    @Outcome(id = "true, false", expect = ACCEPTABLE, desc = "First consumer got it.")
    @Outcome(id = "false, true", expect = ACCEPTABLE, desc = "Second consumer got it.")
    @Outcome(expect = FORBIDDEN, desc = "Both got it, or it vanished.")
    @State
    public static class OneElementTwoConsumers {
        final BoundedRing<Integer> ring = new BoundedRing<>(2);
        Integer first;
        Integer second;

        public OneElementTwoConsumers() {
            ring.offer(7);
        }

        @Actor
        public void consumer1() {
            first = ring.poll();
        }

        @Actor
        public void consumer2() {
            second = ring.poll();
        }

        @Arbiter
        public void check(ZZ_Result r) {
            r.r1 = first != null && first == 7;
            r.r2 = second != null && second == 7;
        }
    }

    @JCStressTest
    @Description("A full ring: an offer racing a poll either waits for the freed slot or gives up;"
            + " every element is accounted for exactly once.")
    @Outcome(id = "1, 1, 3", expect = ACCEPTABLE, desc = "Offer got the freed slot.")
    @Outcome(id = "1, 0, 3", expect = ACCEPTABLE, desc = "Offer gave up: ring full or slot half-freed.")
    @Outcome(expect = FORBIDDEN, desc = "An element was lost or duplicated, or poll returned the wrong one.")
    @State
    public static class WrapAround {
        final BoundedRing<Integer> ring = new BoundedRing<>(2);
        Integer polled;
        boolean offered;

        public WrapAround() {
            ring.offer(1);
            ring.offer(2);
        }

        @Actor
        public void consumer() {
            polled = ring.poll();
        }

        @Actor
        public void producer() {
            offered = ring.offer(3);
        }

        @Arbiter
        public void drain(III_Result r) {
            r.r1 = polled == null ? 0 : polled;
            r.r2 = offered ? 1 : 0;
            int count = 0;
            int mask = polled == null ? 0 : 1 << polled;
            boolean duplicate = false;
            for (Integer e; (e = ring.poll()) != null; ) {
                duplicate |= (mask & (1 << e)) != 0;
                mask |= 1 << e;
                count++;
            }
            int expectedMask = 0b110 | (offered ? 0b1000 : 0);
            r.r3 = !duplicate && mask == expectedMask && count == (offered ? 2 : 1) ? 3 : -count;
        }
    }
}
