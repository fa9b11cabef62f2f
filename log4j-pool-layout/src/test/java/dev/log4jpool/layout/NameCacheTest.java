package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache of run-time names: what it keeps, what it recognises, what it lets go. */
class NameCacheTest {
    private final NameCache cache = new NameCache();
    private final LayoutSettings settings = new LayoutSettings(100, "…", false);
    private final ReservedKeys reserved = new ReservedKeys(List.of("level", "message"));

    private void remember(String prefix, String key) {
        char[] text = ((prefix == null ? "" : prefix) + key).toCharArray();
        cache.remember(prefix, key, settings, reserved, text, 0, text.length);
    }

    /** Three keys whose names fall in the same set of two slots. */
    private static List<String> threeKeysOfOneSet() {
        List<String> keys = new ArrayList<>();
        int set = NameCache.setOf(null, "key0");
        keys.add("key0");
        for (int i = 1; keys.size() < 3; i++) {
            if (NameCache.setOf(null, "key" + i) == set) {
                keys.add("key" + i);
            }
        }
        return keys;
    }

    @Test
    void keepsTheTextItsHashAndWhetherItIsReserved() {
        remember(null, "user");
        remember(null, "level");
        NameCache.Entry user = cache.find(null, "user", settings, reserved);
        assertArrayEquals("user".toCharArray(), Arrays.copyOf(user.text, user.length));
        assertEquals("user".hashCode(), user.hash);
        assertTrue(user.unreserved);
        assertFalse(cache.find(null, "level", settings, reserved).unreserved);
    }

    @Test
    void recognisesOnlyTheSameKeyPrefixSettingsAndReservedNames() {
        String key = new String("user");
        remember("x.", key);
        assertNotNull(cache.find("x.", key, settings, reserved));
        assertNull(cache.find("x.", new String("user"), settings, reserved)); // equal text, another String
        assertNull(cache.find(null, key, settings, reserved));
        assertNull(cache.find("x.", key, new LayoutSettings(100, "…", true), reserved));
        assertNull(cache.find("x.", key, settings, ReservedKeys.NONE));
    }

    @Test
    void twoNamesOfOneSetStayAndAThirdReplacesTheOneUsedLeastRecently() {
        List<String> keys = threeKeysOfOneSet();
        remember(null, keys.get(0));
        remember(null, keys.get(1));
        assertNotNull(cache.find(null, keys.get(0), settings, reserved));
        assertNotNull(cache.find(null, keys.get(1), settings, reserved)); // used last
        remember(null, keys.get(2));
        assertNull(cache.find(null, keys.get(0), settings, reserved));
        assertNotNull(cache.find(null, keys.get(1), settings, reserved));
        assertNotNull(cache.find(null, keys.get(2), settings, reserved));
    }

    @Test
    void aNameLongerThanASlotIsNotKept() {
        String longKey = "k".repeat(NameCache.MAX_CHARS + 1);
        remember(null, longKey);
        assertNull(cache.find(null, longKey, settings, reserved));
        String fits = "k".repeat(NameCache.MAX_CHARS);
        remember(null, fits);
        assertEquals(NameCache.MAX_CHARS, cache.find(null, fits, settings, reserved).length);
    }
}
