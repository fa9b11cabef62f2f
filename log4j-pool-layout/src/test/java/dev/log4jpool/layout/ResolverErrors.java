package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration errors of one resolver's options: ours names the place, and JsonTemplateLayout refuses the same. */
final class ResolverErrors {
    private ResolverErrors() {}

    /**
     * Builds {@code template} with ours: the error must start with the template, {@code path},
     * {@code resolver} and {@code option} ({@code null}: the resolver as a whole) and contain
     * {@code problem}. JsonTemplateLayout must refuse the template too, unless {@code stricter}
     * (ours refuses what it quietly ignores; the caller says why).
     */
    static void assertRejected(String template, String path, String resolver, String option, String problem,
            boolean stricter) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TemplateParity.of(template).ours(),
                template);
        String place = "PooledJsonLayout: template eventTemplate, at " + path + ": resolver \"" + resolver + "\""
                + (option == null ? "" : ", option \"" + option + "\"");
        assertTrue(error.getMessage().startsWith(place), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
        if (!stricter) {
            assertThrows(RuntimeException.class, () -> TemplateParity.of(template).theirs(), "JsonTemplateLayout accepts " + template);
        }
    }
}
