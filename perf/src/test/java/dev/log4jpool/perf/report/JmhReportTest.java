package dev.log4jpool.perf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JMH charts are read by people: no text over other text, setups named as users name them. */
class JmhReportTest {
    private static final Path E2E = Path.of("results/e2e-2026-11-24.json");

    @Test
    void e2eChartHasNoOverlappingText() throws Exception {
        String svg = JmhReport.svg(JmhReport.read(E2E), "e2e suite, 2026-11-24, openjdk version \"17.0.15\" 2025-04-15, 2 cores");
        assertEquals(List.of(), SvgText.overlaps(svg));
        assertEquals(List.of(), SvgText.outside(svg));
    }

    @Test
    void e2eSetupsAreNamedAsUsersNameThem() throws Exception {
        List<JmhReport.Row> rows = JmhReport.read(E2E);
        assertTrue(rows.stream().anyMatch(r -> r.label().equals("all-async loggers + PooledFile") && r.ours()));
        assertTrue(rows.stream().anyMatch(r -> r.label().equals("RandomAccessFile + JsonTemplateLayout") && r.peer()));
        assertTrue(rows.stream().noneMatch(r -> r.label().matches("[a-z]+[A-Z].*")), "a method-style name is left");
    }
}
