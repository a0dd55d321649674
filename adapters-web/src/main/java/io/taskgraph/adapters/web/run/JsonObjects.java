package io.taskgraph.adapters.web.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON objects whose keys keep the order written, so responses read the same every time. */
public final class JsonObjects {
    private JsonObjects() {
    }

    /** {@code of("a", 1, "b", 2)} is {@code {"a":1,"b":2}}. */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
