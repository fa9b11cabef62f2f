package dev.log4jpool.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the jcstress tests of {@link BoundedRingJcstressTests} in a child JVM and fails if any
 * forbidden outcome was seen.
 *
 * <p>The build runs jcstress's {@code quick} mode in one JVM configuration (C2 with its code-motion
 * randomizers), which takes about a minute on two cores. The full run, every JVM configuration
 * jcstress finds and longer iterations, is
 * {@code mvn -pl log4j-pool-layout -am test -Dtest=BoundedRingJcstressTest -Djcstress.mode=default
 * -Dsurefire.failIfNoSpecifiedTests=false} (README.md, "Concurrency tests").
 */
class BoundedRingJcstressTest {

    @Test
    void ringOrderingsHoldUnderJcstress(@TempDir Path reports) throws Exception {
        // -Djcstress.skip=true for a quick local loop; the build and CI always run it.
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("jcstress.skip"), "jcstress.skip=true");
        String mode = System.getProperty("jcstress.mode", "quick");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath,
                "org.openjdk.jcstress.Main",
                "-t", BoundedRingJcstressTests.class.getName().replace("$", "\\$"),
                "-m", mode,
                "-v",
                "-r", reports.toString()));
        if (mode.equals("quick")) {
            // One configuration instead of the four or more jcstress detects: fast enough for every build.
            command.addAll(List.of("-jvmArgs", "-XX:+UnlockDiagnosticVMOptions -XX:+StressLCM -XX:+StressGCM"));
        }
        Path output = reports.resolve("console.txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String console = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(finished, "jcstress did not finish in 15 minutes:\n" + tail(console));
        assertFalse(console.contains("Observed forbidden state"), "jcstress saw forbidden outcomes:\n" + tail(console));
        assertEquals(0, process.exitValue(), "jcstress failed:\n" + tail(console));
        // Guard against a run that matched no test (a renamed class would otherwise pass silently).
        for (Class<?> test : BoundedRingJcstressTests.class.getDeclaredClasses()) {
            if (test.isAnnotationPresent(org.openjdk.jcstress.annotations.JCStressTest.class)) {
                assertTrue(console.contains(test.getName().replace('$', '.')), "jcstress did not run " + test.getName() + ":\n" + tail(console));
            }
        }
    }

    private static String tail(String text) {
        return text.length() <= 8000 ? text : text.substring(text.length() - 8000);
    }
}
