package dev.log4jpool.perf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.log4jpool.perf.latency.LatencySetup;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The response-time charts and table from a full sweep's worth of points (every setup, five rates,
 * 1 and 2 threads): well-formed SVG, no text over other text or past the edge, user-facing names,
 * and "holds" as defined (issued ≥ 99 % and p99.9 ≤ 1 ms).
 */
class LatencyReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A point whose response times grow with the rate, past 1 ms at 1M/s for the peers. */
    private static ObjectNode point(LatencySetup setup, double rate, int threads) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("setup", setup.id()).put("name", setup.displayName()).put("ours", setup.ours());
        p.put("rate", rate).put("threads", threads);
        double scale = (setup.ours() ? 1 : 4) * rate / 1e5;
        p.put("held", rate >= 2e6 && !setup.ours() ? 0.6 : 1.0);
        ObjectNode response = p.putObject("responseNanos");
        ArrayNode curve = response.putArray("curve");
        double[] percentiles = {0, 50, 90, 99, 99.9, 99.99, 99.999, 100};
        for (int i = 0; i < percentiles.length; i++) {
            curve.addArray().add(percentiles[i]).add(300 * scale * Math.pow(3, i));
        }
        response.put("p50", 300 * scale * 3).put("p90", 300 * scale * 9).put("p99", 300 * scale * 27)
                .put("p99.9", 300 * scale * 81).put("p99.99", 300 * scale * 243).put("max", 300 * scale * 2187);
        p.putObject("serviceNanos").put("p50", 200).put("p99.9", 5000).put("max", 90000);
        p.putObject("gc").put("count", 0).put("pauseMillis", 0);
        p.put("allocatedBytesPerCall", 0.0).put("linesMatch", true);
        return p;
    }

    private static JsonNode sweep() {
        ObjectNode suite = MAPPER.createObjectNode();
        suite.put("date", "2026-11-30").put("jvm", "OpenJDK 64-Bit Server VM 17.0.15+6").put("cores", 2)
                .put("cpu", "AMD EPYC").put("warmupSeconds", 10.0).put("measureSeconds", 20.0)
                .put("logDirectory", "/dev/shm").put("chartRate", 300_000.0);
        suite.putArray("childJvmArgs").add("-Xmx1g");
        ArrayNode points = suite.putArray("points");
        for (int threads : new int[] {1, 2}) {
            for (double rate : new double[] {1e5, 3e5, 6e5, 1e6, 2e6}) {
                for (LatencySetup setup : LatencySetup.values()) {
                    points.add(point(setup, rate, threads));
                }
            }
        }
        return suite;
    }

    @Test
    void bestAgainstBestTakesEachSidesLowestP999AmongTheSetupsThatKeptUp() {
        List<JsonNode> oneThread = new java.util.ArrayList<>();
        sweep().path("points").forEach(p -> {
            if (p.path("threads").asInt() == 1) {
                oneThread.add(p);
            }
        });
        String md = LatencyReport.bestAgainstBest(oneThread);
        // fixture: ours p99.9 = 24.3 µs per 100k/s, Log4j's four times that; Log4j's issue 60 % at 2M/s
        assertTrue(md.contains("| 300k/s | " + LatencyReport.duration(3 * 300 * 81) + " (PooledFile, sync BLOCK) | "
                + LatencyReport.duration(4 * 3 * 300 * 81) + " (RandomAccessFile + JsonTemplateLayout) | 0.25 |"), md);
        assertTrue(md.contains("| 2M/s | " + LatencyReport.duration(20 * 300 * 81) + " (PooledFile, sync BLOCK) | "
                + "none issued 99 % | — |"), md);
        assertTrue(md.contains("Highest rate held: ours 2M/s, Log4j's 1M/s."), md);
    }

    @Test
    void percentileChartIsReadable() throws Exception {
        String svg = LatencyReport.percentileChart(sweep());
        assertEquals(List.of(), SvgText.overlaps(svg));
        assertEquals(List.of(), SvgText.outside(svg));
        for (LatencySetup setup : LatencySetup.values()) {
            assertTrue(svg.contains(">" + setup.displayName() + "<"), setup.displayName());
        }
        assertTrue(svg.contains("99.9 %") && svg.contains("300k/s offered"));
        assertFalse(svg.contains("pooledSyncBlock"));
    }

    @Test
    void rateChartIsReadableAndSaysWhatEachSetupHolds() throws Exception {
        String svg = LatencyReport.rateChart(sweep());
        assertEquals(List.of(), SvgText.overlaps(svg));
        assertEquals(List.of(), SvgText.outside(svg));
        // ours: p99.9 = 300 ns × 81 × rate/100k ≤ 1 ms up to 4.1M/s: holds the top rate, 2M/s
        assertTrue(svg.contains("PooledFile, sync BLOCK — holds 2M/s"), svg);
        // peers: 4× that, ≤ 1 ms up to 1.03M/s: holds 1M/s; at 2M/s it also fell behind (hollow marker)
        assertTrue(svg.contains("RandomAccessFile + JsonTemplateLayout — holds 1M/s"), svg);
        assertTrue(svg.contains("fill=\"white\" stroke=\"#7f7f7f\""), "a hollow marker for the rate not held");
    }

    @Test
    void markdownHasEveryPointAndTheHeldRates() {
        String md = LatencyReport.markdown(sweep());
        long rows = md.lines().filter(line -> line.matches("\\|.* \\| [0-9.]+[kM]/s \\| [0-9.]+ % \\|.*")).count();
        assertEquals(50, rows, md);
        assertTrue(md.contains("| **all-async loggers + PooledFile** | 2M/s |"), md);
        assertTrue(md.contains("| all-async loggers + RandomAccessFile + JsonTemplateLayout | 1M/s |"), md);
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        assertEquals("850 ns", LatencyReport.duration(850));
        assertEquals("12.3 µs", LatencyReport.duration(12_300));
        assertEquals("1 ms", LatencyReport.duration(1_000_000));
        assertEquals("2.5 s", LatencyReport.duration(2.5e9));
        assertEquals("300k", LatencyReport.rate(3e5));
        assertEquals("1M", LatencyReport.rate(1e6));
    }
}
