package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;

/**
 * The answer of {@code /api/v1/query} or {@code /api/v1/query_range}.
 *
 * @param resultType vector, matrix, scalar or string
 * @param series     vector elements or matrix series; a scalar is one series without labels and one point
 * @param partial    whether vmselect reported missing vmstorage nodes
 * @param warnings   warnings the server attached, if any
 */
public record QueryResult(ResultType resultType, List<QuerySeries> series, PartialStatus partial,
                          List<String> warnings) implements Serializable {

    public QueryResult {
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(partial, "partial");
        series = List.copyOf(series);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** True when vmselect said {@code "isPartial": true}. */
    public boolean isPartial() {
        return partial == PartialStatus.PARTIAL;
    }

    /** The elements of a vector answer. */
    public List<QuerySeries> vector() {
        return require(ResultType.VECTOR);
    }

    /** The series of a matrix answer. */
    public List<QuerySeries> matrix() {
        return require(ResultType.MATRIX);
    }

    /** The value of a scalar answer. */
    public double scalar() {
        require(ResultType.SCALAR);
        return series.get(0).lastValue();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("result_type", resultType.name().toLowerCase(Locale.ROOT));
        map.put("partial", partial.name());
        map.put("series", series.stream().map(QuerySeries::toMap).toList());
        map.put("warnings", warnings);
        return map;
    }

    private List<QuerySeries> require(ResultType expected) {
        if (resultType != expected) {
            throw new OpsValidationException("query answered with a " + resultType + ", not a " + expected);
        }
        return series;
    }
}
