package dev.log4jpool.appender;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link LoggingChild} in a JVM of its own, with this JVM's class path. */
final class ChildJvm {
    static final String ALL_ASYNC_SELECTOR = "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector";

    private ChildJvm() {}

    static Process start(Path config, Path output, List<String> systemProperties, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dlog4j2.configurationFile=" + config);
        command.addAll(systemProperties);
        command.add(LoggingChild.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** Runs to the end; returns what it printed, or fails with it. */
    static String run(Path config, Path output, List<String> systemProperties, String... args)
            throws IOException, InterruptedException {
        Process process = start(config, output, systemProperties, args);
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 240 s: " + Files.readString(output));
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("child JVM exited with " + process.exitValue() + ": " + printed);
        }
        return printed;
    }
}
