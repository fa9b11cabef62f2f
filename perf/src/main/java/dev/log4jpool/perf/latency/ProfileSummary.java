package dev.log4jpool.perf.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.log4jpool.perf.report.LatencyReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Profile mode's report ({@code summary.md} beside {@code recording.jfr}): what could have made the
 * slow calls slow. For the measurement window only it lists every stall-like JFR event by type and
 * thread (count, p50/p99/max duration, the top frames), then lines up each slow call (response time
 * over the threshold, from {@code slow-calls.csv}) with the events that overlapped it: a safepoint or
 * GC pause (any thread), a park, monitor wait or file write on the calling thread, or a file write on
 * another thread (an async writer). The share of slow calls each cause overlaps is the evidence to
 * start from; a slow call that overlaps nothing points at the machine (a descheduled thread).
 *
 * <p>Usage: {@code ProfileSummary <profile-dir>} (the suite calls it after a profiled point).
 */
public final class ProfileSummary {
    /** The events a tail can come from. */
    private static final List<String> STALLS = List.of("jdk.SafepointBegin", "jdk.ExecuteVMOperation",
            "jdk.GCPhasePause", "jdk.GarbageCollection", "jdk.ThreadPark", "jdk.JavaMonitorEnter",
            "jdk.JavaMonitorWait", "jdk.ThreadSleep", "jdk.FileWrite", "jdk.FileForce", "jdk.Compilation",
            "jdk.Deoptimization");
    private static final int SLOWEST_LISTED = 20;
    /** Events that can only slow the thread they happen on. */
    private static final List<String> THREAD_LOCAL_CAUSES = List.of("jdk.ThreadPark", "jdk.JavaMonitorEnter",
            "jdk.JavaMonitorWait", "jdk.ThreadSleep", "jdk.Deoptimization");
    private static final List<String> HARNESS_THREADS = List.of("main", "ring-sampler");

    private ProfileSummary() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        write(dir, new ObjectMapper().readTree(dir.resolve("point.json").toFile()));
    }

    /** An event as an interval in epoch nanoseconds, with its thread and top frames. */
    record Span(String type, String thread, long start, long end, String frames) {
        long nanos() {
            return end - start;
        }
    }

    record SlowCall(String thread, long intended, long start, long end) {
        long response() {
            return end - intended;
        }
    }

    /**
     * Slow calls on one thread that queued behind each other (each intended to start before the one
     * before it ended). The stall is the call that took longest itself; the others only waited.
     */
    record Episode(String thread, long firstIntended, int calls, long worstResponse, long stallStart, long stallEnd) {}

    static List<Episode> episodes(List<SlowCall> calls) {
        List<SlowCall> sorted = new ArrayList<>(calls);
        sorted.sort(Comparator.comparing(SlowCall::thread).thenComparingLong(SlowCall::intended));
        List<Episode> episodes = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            SlowCall first = sorted.get(i);
            long end = first.end();
            long worst = first.response();
            SlowCall stall = first;
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).thread().equals(first.thread()) && sorted.get(j).intended() <= end) {
                SlowCall next = sorted.get(j);
                end = Math.max(end, next.end());
                worst = Math.max(worst, next.response());
                if (next.end() - next.start() > stall.end() - stall.start()) {
                    stall = next;
                }
                j++;
            }
            episodes.add(new Episode(first.thread(), first.intended(), j - i, worst, stall.start(), stall.end()));
            i = j;
        }
        return episodes;
    }

    public static void write(Path dir, JsonNode point) throws IOException {
        Path jfr = dir.resolve("recording.jfr");
        StringBuilder md = new StringBuilder("## Profile: ").append(LatencyReport.oneLine(point)).append("\n\n");
        if (!Files.exists(jfr)) {
            md.append("No recording.jfr (the JVM did not write one).\n");
            Files.writeString(dir.resolve("summary.md"), md.toString(), StandardCharsets.UTF_8);
            return;
        }
        long windowStart = point.path("measureStartEpochNanos").asLong();
        long windowEnd = point.path("measureEndEpochNanos").asLong();
        List<Span> spans = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            String type = event.getEventType().getName();
            if (!STALLS.contains(type)) {
                continue;
            }
            long start = epochNanos(event.getStartTime());
            long end = epochNanos(event.getEndTime());
            if (end < windowStart || start > windowEnd) {
                continue;
            }
            RecordedThread thread = event.getThread();
            String threadName = thread == null ? "(VM)"
                    : thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
            String frames = frames(event.getStackTrace());
            if (HARNESS_THREADS.contains(threadName) || frames.startsWith("Pacer.")) {
                continue; // the suite's own threads, and a logging thread waiting for its next call, wait by design
            }
            spans.add(new Span(type, threadName, start, end, frames));
        }
        spans.sort(Comparator.comparingLong(Span::start));
        // What can stall a logging call: any VM-wide pause or file write, or an event on a logging thread.
        List<Span> candidates = new ArrayList<>();
        for (Span span : spans) {
            if (!span.type().equals("jdk.Compilation")
                    && (span.thread().startsWith("logger-") || !THREAD_LOCAL_CAUSES.contains(span.type()))) {
                candidates.add(span);
            }
        }

        md.append("Measurement window only. Ring: ");
        md.append(String.format(Locale.ROOT, "async loggers' ring full %d times",
                point.path("asyncLoggerRingFull").asLong()));
        if (point.has("asyncLoggerRingSize") && point.path("asyncLoggerRingSize").asLong() > 0) {
            md.append(String.format(Locale.ROOT, ", high-water %d of %d slots (sampled every ms)",
                    point.path("asyncLoggerRingHighWaterMark").asLong(), point.path("asyncLoggerRingSize").asLong()));
        }
        if (point.has("pooledFileRingHighWaterMark")) {
            md.append(String.format(Locale.ROOT, "; PooledFile ring high-water %d, %d block writes",
                    point.path("pooledFileRingHighWaterMark").asLong(), point.path("pooledFileBlockWrites").asLong()));
        }
        md.append(".\n\n### Events by type and thread\n\n| event | thread | count | p50 | p99 | max | total | top frames |\n"
                + "|---|---|---:|---:|---:|---:|---:|---|\n");
        Map<String, List<Span>> groups = new TreeMap<>();
        for (Span span : spans) {
            groups.computeIfAbsent(span.type() + "\u0000" + span.thread(), k -> new ArrayList<>()).add(span);
        }
        for (Map.Entry<String, List<Span>> group : groups.entrySet()) {
            List<Span> list = group.getValue();
            long[] durations = list.stream().mapToLong(Span::nanos).sorted().toArray();
            long total = Arrays.stream(durations).sum();
            Map<String, Integer> frameCounts = new LinkedHashMap<>();
            list.forEach(s -> frameCounts.merge(s.frames(), 1, Integer::sum));
            String topFrames = frameCounts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(1)
                    .map(Map.Entry::getKey).findFirst().orElse("");
            String[] key = group.getKey().split("\u0000");
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s |%n", key[0], key[1],
                    durations.length, d(durations[durations.length / 2]), d(durations[(int) (durations.length * 0.99)]),
                    d(durations[durations.length - 1]), d(total), topFrames.replace("|", "\\|")));
        }

        List<SlowCall> slow = readSlowCalls(dir.resolve("slow-calls.csv"));
        List<Episode> episodes = episodes(slow);
        md.append("\n### Slow calls and what overlapped them\n\n");
        if (episodes.isEmpty()) {
            md.append("No call passed the threshold.\n");
        } else {
            long maxSpan = candidates.stream().mapToLong(Span::nanos).max().orElse(0);
            Map<String, Integer> causeCounts = new LinkedHashMap<>();
            int unexplained = 0;
            List<String> details = new ArrayList<>();
            episodes.sort(Comparator.comparingLong(Episode::worstResponse).reversed());
            for (int i = 0; i < episodes.size(); i++) {
                Episode episode = episodes.get(i);
                List<String> causes = new ArrayList<>();
                Map<String, long[]> perType = new LinkedHashMap<>();
                Map<String, String> longestFrames = new LinkedHashMap<>();
                for (Span span : overlapping(candidates, episode.stallStart(), episode.stallEnd(), maxSpan)) {
                    String cause = cause(span, episode.thread(), episode.stallEnd() - episode.stallStart());
                    if (cause == null) {
                        continue;
                    }
                    if (!causes.contains(cause)) {
                        causes.add(cause);
                    }
                    String key = span.type() + " on " + span.thread();
                    long[] stats = perType.computeIfAbsent(key, k -> new long[3]);
                    stats[0]++;
                    stats[1] += span.nanos();
                    if (span.nanos() >= stats[2]) {
                        stats[2] = span.nanos();
                        longestFrames.put(key, span.frames());
                    }
                }
                causes.forEach(c -> causeCounts.merge(c, 1, Integer::sum));
                if (causes.isEmpty()) {
                    unexplained++;
                }
                if (i < SLOWEST_LISTED) {
                    StringBuilder detail = new StringBuilder();
                    for (Map.Entry<String, long[]> type : perType.entrySet()) {
                        long[] stats = type.getValue();
                        String frames = longestFrames.get(type.getKey());
                        detail.append(String.format(Locale.ROOT, "%s: %d (%s, longest %s%s); ", type.getKey(),
                                stats[0], d(stats[1]), d(stats[2]), frames.isEmpty() ? "" : " at " + frames));
                    }
                    details.add(String.format(Locale.ROOT, "| %.3f s | %s | %d | %s | %s | %s |",
                            (episode.firstIntended() - windowStart) / 1e9, episode.thread(), episode.calls(),
                            d(episode.worstResponse()), d(episode.stallEnd() - episode.stallStart()),
                            detail.length() == 0 ? "nothing recorded" : detail.toString().replace("|", "\\|")));
                }
            }
            md.append(String.format(Locale.ROOT, "%d calls took longer than the threshold, in %d episodes (an episode: "
                    + "calls on one thread that queued behind each other). Its stall is the call with the longest "
                    + "service time; the share of episodes whose stall overlapped each kind of event (one can "
                    + "overlap several):%n%n| stall overlapped | episodes | share |%n|---|---:|---:|%n",
                    slow.size(), episodes.size()));
            for (Map.Entry<String, Integer> cause : causeCounts.entrySet()) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.1f %% |%n", cause.getKey(), cause.getValue(),
                        100.0 * cause.getValue() / episodes.size()));
            }
            md.append(String.format(Locale.ROOT, "| nothing recorded (descheduled? below a threshold?) | %d | %.1f %% |%n",
                    unexplained, 100.0 * unexplained / episodes.size()));
            md.append("\nThe worst episodes:\n\n| at (s into the window) | thread | calls | worst response "
                    + "| stall (longest service) | events overlapping the stall |\n|---:|---|---:|---:|---:|---|\n");
            details.forEach(line -> md.append(line).append('\n'));
        }
        md.append("\nFiles: recording.jfr (open in JDK Mission Control, or `jfr print --events jdk.FileWrite "
                + "recording.jfr`), safepoint.log and gc.log (-Xlog), slow-calls.csv, point.json.\n");
        Files.writeString(dir.resolve("summary.md"), md.toString(), StandardCharsets.UTF_8);
    }

    /**
     * The kind of cause an overlapping event stands for, seen from the stalled call's thread; null if
     * unrelated. A file write on another thread counts only when it lasted at least a tenth of the
     * stall (and 20 µs): a 2 µs write beside a 1 ms stall explains nothing.
     */
    private static String cause(Span span, String callThread, long stallNanos) {
        boolean same = span.thread().equals(callThread);
        if (!same && span.type().startsWith("jdk.File") && span.nanos() < Math.max(20_000, stallNanos / 10)) {
            return null;
        }
        switch (span.type()) {
            case "jdk.SafepointBegin":
            case "jdk.ExecuteVMOperation":
                return "safepoint / VM operation";
            case "jdk.GCPhasePause":
            case "jdk.GarbageCollection":
                return "GC pause";
            case "jdk.ThreadPark":
                return same ? "park on the calling thread" : null;
            case "jdk.JavaMonitorEnter":
            case "jdk.JavaMonitorWait":
                return same ? "monitor on the calling thread" : null;
            case "jdk.FileWrite":
            case "jdk.FileForce":
                return same ? "file write on the calling thread" : "file write on " + span.thread();
            case "jdk.Compilation":
            case "jdk.Deoptimization":
                return same ? "deoptimization on the calling thread" : null;
            default:
                return null;
        }
    }

    private static List<Span> overlapping(List<Span> spans, long from, long to, long maxSpan) {
        int low = 0;
        int high = spans.size();
        long earliest = from - maxSpan;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (spans.get(mid).start() < earliest) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        List<Span> result = new ArrayList<>();
        for (int i = low; i < spans.size() && spans.get(i).start() <= to; i++) {
            if (spans.get(i).end() >= from) {
                result.add(spans.get(i));
            }
        }
        return result;
    }

    private static List<SlowCall> readSlowCalls(Path csv) throws IOException {
        List<SlowCall> calls = new ArrayList<>();
        if (!Files.exists(csv)) {
            return calls;
        }
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.split(",");
            calls.add(new SlowCall(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])));
        }
        return calls;
    }

    /** The top three frames below java.*, jdk.* and sun.* ones, short names. */
    private static String frames(RecordedStackTrace trace) {
        if (trace == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (RecordedFrame frame : trace.getFrames()) {
            if (!frame.isJavaFrame()) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            if (names.isEmpty() && (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun."))) {
                continue;
            }
            names.add(type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName());
            if (names.size() == 3) {
                break;
            }
        }
        return String.join(" < ", names);
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static String d(long nanos) {
        return LatencyReport.duration(nanos);
    }
}
