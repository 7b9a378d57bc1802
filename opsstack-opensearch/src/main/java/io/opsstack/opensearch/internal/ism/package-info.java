/** Internal: ISM JSON writing and parsing behind {@link io.opsstack.opensearch.IsmApi}. Not a supported API. */
package io.opsstack.opensearch.internal.ism;
