package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code RollingRandomAccessFile} configuration with the element renamed to {@code PooledFile}
 * behaves the same: the same events (with timestamps the test gives, so that half an hour passes at
 * once) through both, and the same files come out, with the same names and the same lines
 * (decompressed). Log4j's appender defines the expected result, including its own quirks (a
 * time-based file is named after the last unit of its period).
 */
class PeerComparisonTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // name | fileName (blank: none) | filePattern | policies and strategy | events | ms between events
        "time, interval 5, modulate|app.log|app-%d{yyyy-MM-dd-HH-mm}.log|<Policies><TimeBasedTriggeringPolicy interval=\"5\" modulate=\"true\"/></Policies>|120|15000",
        "size, max 3|app.log|app-%i.log|<Policies><SizeBasedTriggeringPolicy size=\"1000\"/></Policies><DefaultRolloverStrategy max=\"3\"/>|400|1",
        "size, fileIndex min, max 4|app.log|app-%i.log|<Policies><SizeBasedTriggeringPolicy size=\"1000\"/></Policies><DefaultRolloverStrategy max=\"4\" fileIndex=\"min\"/>|400|1",
        "size, fileIndex nomax|app.log|app-%i.log|<Policies><SizeBasedTriggeringPolicy size=\"1000\"/></Policies><DefaultRolloverStrategy fileIndex=\"nomax\"/>|300|1",
        "time and size, %d-%i, gz|app.log|app-%d{yyyy-MM-dd-HH-mm}-%i.log.gz|<Policies><TimeBasedTriggeringPolicy/><SizeBasedTriggeringPolicy size=\"800\"/></Policies><DefaultRolloverStrategy max=\"50\" compressionLevel=\"1\"/>|300|2000",
        "size, zip, min 2|app.log|app-%i.log.zip|<Policies><SizeBasedTriggeringPolicy size=\"1000\"/></Policies><DefaultRolloverStrategy min=\"2\" max=\"5\"/>|300|1",
        "direct write, size|''|app-%i.log|<Policies><SizeBasedTriggeringPolicy size=\"1000\"/></Policies><DirectWriteRolloverStrategy maxFiles=\"4\"/>|300|1",
        "retention: Delete by count|app.log|app-%d{yyyy-MM-dd-HH-mm}.log|<Policies><TimeBasedTriggeringPolicy/></Policies><DefaultRolloverStrategy><Delete basePath=\"${sys:peer.dir}\" maxDepth=\"1\"><IfFileName glob=\"app-*.log\"/><IfAccumulatedFileCount exceeds=\"3\"/></Delete></DefaultRolloverStrategy>|200|15000",
        "retention: Delete by size|app.log|app-%i.log|<Policies><SizeBasedTriggeringPolicy size=\"1000\"/></Policies><DefaultRolloverStrategy max=\"1000\"><Delete basePath=\"${sys:peer.dir}\" maxDepth=\"1\"><IfFileName glob=\"app-*.log\"/><IfAccumulatedFileSize exceeds=\"3 KB\"/></Delete></DefaultRolloverStrategy>|300|1",
    })
    void sameFilesAsRollingRandomAccessFile(String name, String fileName, String filePattern, String rolling, int events,
            long stepMillis) throws Exception {
        long start = System.currentTimeMillis();
        Map<String, List<String>> log4j = run("RollingRandomAccessFile", dir.resolve("log4j"), fileName, filePattern,
                rolling, events, start, stepMillis);
        Map<String, List<String>> ours = run("PooledFile", dir.resolve("pooled"), fileName, filePattern, rolling, events,
                start, stepMillis);
        assertTrue(log4j.size() > 2, "the scenario rolls over: " + log4j.keySet());
        assertEquals(log4j.keySet(), ours.keySet(), "file names");
        assertEquals(log4j, ours, "file contents");
    }

    private static Map<String, List<String>> run(String element, Path folder, String fileName, String filePattern,
            String rolling, int events, long start, long stepMillis) throws Exception {
        Files.createDirectories(folder);
        System.setProperty("peer.dir", folder.toString());
        String fileAttribute = fileName.isEmpty() ? "" : " fileName=\"" + TestContexts.xmlPath(folder.resolve(fileName)) + "\"";
        String xml = TestContexts.config("<" + element + " name=\"file\"" + fileAttribute + " filePattern=\""
                + TestContexts.xmlPath(folder) + "/" + filePattern + "\"><PatternLayout pattern=\"%m%n\"/>" + rolling
                + "</" + element + ">");
        LoggerContext context = TestContexts.start("peer-" + element, xml);
        try {
            Appender appender = context.getConfiguration().getAppender("file");
            boolean retention = rolling.contains("<Delete");
            for (int i = 0; i < events; i++) {
                appender.append(event("event " + i + " of the peer comparison, padded to forty", start + i * stepMillis));
                if (retention) {
                    // <Delete> keeps the newest files by modification time, which the kernel stamps with a
                    // coarse clock (a few ms): two files rolled within one tick tie, and which one survives
                    // depends on timing, for Log4j's appender as for ours. A pause keeps the order strict.
                    Thread.sleep(1);
                }
            }
        } finally {
            TestContexts.stop(context);
        }
        Map<String, List<String>> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : (Iterable<Path>) list::iterator) {
                files.put(file.getFileName().toString(), RolledFiles.lines(file));
            }
        }
        return files;
    }

    private static LogEvent event(String text, long timeMillis) {
        return Log4jLogEvent.newBuilder().setLoggerName("t").setLevel(Level.INFO).setTimeMillis(timeMillis)
                .setMessage(new SimpleMessage(text)).build();
    }

}
