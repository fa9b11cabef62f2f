package dev.log4jpool.perf.latency;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collections and their time between two moments, from the {@link GarbageCollectorMXBean}s. With
 * G1 every bean counts stop-the-world pauses ("G1 Young Generation", "G1 Old Generation", and from
 * JDK 20 "G1 Concurrent GC" for the remark and cleanup pauses), so the time is pause time.
 */
final class GcWindow {
    private final Map<String, long[]> start = snapshot();

    private static Map<String, long[]> snapshot() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
        for (GarbageCollectorMXBean bean : beans) {
            counts.put(bean.getName(), new long[] {bean.getCollectionCount(), bean.getCollectionTime()});
        }
        return counts;
    }

    /** Per collector: {collections, milliseconds} since this window opened. */
    Map<String, long[]> sinceStart() {
        Map<String, long[]> now = snapshot();
        Map<String, long[]> delta = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> entry : now.entrySet()) {
            long[] before = start.getOrDefault(entry.getKey(), new long[2]);
            delta.put(entry.getKey(), new long[] {entry.getValue()[0] - before[0], entry.getValue()[1] - before[1]});
        }
        return delta;
    }
}
