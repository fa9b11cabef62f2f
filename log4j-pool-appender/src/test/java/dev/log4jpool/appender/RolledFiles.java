package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

/** Reads a rolled set of files back: in order, decompressed, as lines. */
final class RolledFiles {
    private RolledFiles() {}

    /**
     * The files of {@code dir} whose name matches {@code rolled} (its group 1 a number), by that
     * number ascending, then {@code active} if it exists: the order events were written in when the
     * strategy's {@code fileIndex} is {@code max}.
     */
    static List<Path> byIndex(Path dir, String rolled, Path active) throws IOException {
        Pattern pattern = Pattern.compile(rolled);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> pattern.matcher(p.getFileName().toString()).matches()).forEach(files::add);
        }
        files.sort(Comparator.comparingLong(p -> index(pattern, p)));
        if (active != null && Files.exists(active)) {
            files.add(active);
        }
        return files;
    }

    private static long index(Pattern pattern, Path file) {
        Matcher matcher = pattern.matcher(file.getFileName().toString());
        matcher.matches();
        return Long.parseLong(matcher.group(1));
    }

    /** The lines of a file, decompressed when its name ends in .gz or .zip. */
    static List<String> lines(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = raw;
            if (name.endsWith(".gz")) {
                in = new GZIPInputStream(raw);
            } else if (name.endsWith(".zip")) {
                ZipInputStream zip = new ZipInputStream(raw);
                if (zip.getNextEntry() == null) {
                    fail("empty zip " + file);
                }
                in = zip;
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
            return lines;
        }
    }

    /**
     * Checks files written by {@code threads} threads of {@code {"thread":t,"seq":i}} events: every
     * line one complete event, exactly {@code threads × perThread} of them across the files, each
     * thread's sequence numbers in order from file to file.
     *
     * @return the number of lines in each file
     */
    static List<Integer> assertCompleteAndOrdered(List<Path> files, int threads, int perThread) throws IOException {
        int[] next = new int[threads];
        long total = 0;
        List<Integer> counts = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = lines(file);
            counts.add(lines.size());
            for (String line : lines) {
                total++;
                JsonNode node = LogLines.payload(line);
                int thread = node.get("thread").asInt();
                int seq = node.get("seq").asInt();
                if (seq != next[thread]) {
                    fail(file.getFileName() + ": thread " + thread + " wrote seq " + seq + " where " + next[thread]
                            + " was due: " + line);
                }
                next[thread]++;
            }
        }
        assertEquals((long) threads * perThread, total, "lines across " + files.size() + " files");
        return counts;
    }
}
