package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sample of a query answer.
 *
 * @param timestampMillis milliseconds since the epoch
 * @param value           the value; may be NaN or infinite
 */
public record Point(long timestampMillis, double value) implements Serializable {

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("timestamp_millis", timestampMillis);
        map.put("value", value);
        return map;
    }
}
