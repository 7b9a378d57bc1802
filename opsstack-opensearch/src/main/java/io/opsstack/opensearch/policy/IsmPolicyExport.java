package io.opsstack.opensearch.policy;

import io.opsstack.opensearch.internal.Json;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link TierPolicy} as an ISM policy document ({@code {"policy":{…}}}, the body of
 * {@code PUT _plugins/_ism/policies/<id>}).
 *
 * @param policyId the ISM policy id (the tier policy's name)
 * @param body the document, JDK types only
 * @param warnings what the ISM form cannot express exactly (e.g. ages from index names: ISM counts from the creation date)
 */
public record IsmPolicyExport(String policyId, Map<String, Object> body, List<String> warnings) implements Serializable {

    public IsmPolicyExport {
        Objects.requireNonNull(policyId, "policyId");
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
        warnings = List.copyOf(warnings);
    }

    /** The document as JSON. */
    public String json() {
        return Json.write(body);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("policy_id", policyId);
        map.put("body", body);
        map.put("warnings", warnings);
        return map;
    }
}
