package io.opsstack.victoria.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsstack.victoria.model.PartialStatus;
import io.opsstack.victoria.model.Point;
import io.opsstack.victoria.model.QueryResult;
import io.opsstack.victoria.model.QuerySeries;
import io.opsstack.victoria.model.ResultType;

/** Reads Prometheus query answers ({@code {"status","isPartial","data":{"resultType","result"}}}). */
public final class QueryResponses {

    private QueryResponses() {
    }

    public static QueryResult parse(JsonNode root) {
        JsonNode data = root.path("data");
        ResultType type = ResultType.parse(data.path("resultType").asText());
        JsonNode result = data.path("result");
        List<QuerySeries> series = new ArrayList<>();
        switch (type) {
            case SCALAR, STRING -> series.add(new QuerySeries(Map.of(), List.of(point(result))));
            case VECTOR -> result.forEach(item -> series.add(new QuerySeries(VmJson.labels(item.path("metric")),
                    List.of(point(item.path("value"))))));
            case MATRIX -> result.forEach(item -> {
                List<Point> points = new ArrayList<>();
                item.path("values").forEach(pair -> points.add(point(pair)));
                series.add(new QuerySeries(VmJson.labels(item.path("metric")), points));
            });
            default -> throw new IllegalStateException("unhandled result type " + type);
        }
        return new QueryResult(type, series, partial(root), root.has("warnings") ? VmJson.strings(root.path("warnings")) : List.of());
    }

    /** The {@code isPartial} field, when present. */
    public static PartialStatus partial(JsonNode root) {
        JsonNode flag = root.get("isPartial");
        return PartialStatus.of(flag == null || flag.isNull() ? null : flag.asBoolean());
    }

    /** {@code [1700000000.123, "42"]}: seconds (fractional) and the value as text. */
    private static Point point(JsonNode pair) {
        long millis = Math.round(pair.path(0).asDouble() * 1000.0);
        JsonNode value = pair.path(1);
        return new Point(millis, value.isNumber() ? value.asDouble() : VmJson.parseDouble(value.asText()));
    }
}
