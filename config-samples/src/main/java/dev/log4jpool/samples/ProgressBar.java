package dev.log4jpool.samples;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar, redrawn in place with a carriage return. */
final class ProgressBar {
    private static final int WIDTH = 40;

    private final PrintStream out;
    private final long total;
    private final long started = System.nanoTime();

    ProgressBar(PrintStream out, long total) {
        this.out = out;
        this.total = total;
    }

    void draw(long done) {
        double share = Math.min(1.0, (double) done / total);
        int filled = (int) (share * WIDTH);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "\r[%s%s] %3.0f%%  %,d events  %,.0f/s   ",
                "#".repeat(filled), " ".repeat(WIDTH - filled), share * 100, done, seconds > 0 ? done / seconds : 0);
        out.flush();
    }

    void finish(long done) {
        draw(done);
        out.println();
    }
}
