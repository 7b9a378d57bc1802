package io.opsstack.api.http;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.api.secret.Secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How requests authenticate: nothing, HTTP basic, a bearer token or an API key
 * ({@code Authorization: ApiKey <key>}). Sent preemptively on every request.
 *
 * <p>Deliberately not a record: {@link #toString()} names the scheme and user only, never the secret.
 */
public final class Credentials {
    /** The authentication scheme. */
    public enum Type { NONE, BASIC, BEARER, API_KEY }

    private static final Credentials NONE = new Credentials(Type.NONE, null, null);
    private static final Set<String> MAP_KEYS = Set.of("type", "user", "password", "password_env",
            "token", "token_env", "key", "key_env");

    private final Type type;
    private final String user;
    private final Secret secret;

    private Credentials(Type type, String user, Secret secret) {
        this.type = type;
        this.user = user;
        this.secret = secret;
    }

    public static Credentials none() {
        return NONE;
    }

    public static Credentials basic(String user, Secret password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.indexOf(':') >= 0) {
            throw new OpsValidationException("a basic-auth user name cannot contain ':'");
        }
        return new Credentials(Type.BASIC, user, password);
    }

    public static Credentials bearer(Secret token) {
        return new Credentials(Type.BEARER, null, Objects.requireNonNull(token, "token"));
    }

    /** An API key sent as {@code Authorization: ApiKey <key>} (OpenSearch/Elasticsearch style, already base64 as issued). */
    public static Credentials apiKey(Secret key) {
        return new Credentials(Type.API_KEY, null, Objects.requireNonNull(key, "key"));
    }

    /**
     * From a script map: {@code type} is {@code basic} ({@code user}, {@code password} or
     * {@code password_env}), {@code bearer} ({@code token} or {@code token_env}), {@code api_key}
     * ({@code key} or {@code key_env}) or {@code none}. Without {@code type} the scheme follows from
     * the keys present ({@code user} → basic, {@code token} → bearer, {@code key} → api_key, else none).
     * The {@code *_env} forms name an environment variable holding the secret.
     */
    public static Credentials fromMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return NONE;
        }
        OptionMaps.requireKnownKeys(map, MAP_KEYS, "credentials");
        return switch (typeOf(map)) {
            case "none" -> NONE;
            case "basic" -> basic(OptionMaps.requiredString(map, "user", "basic credentials"),
                    OptionMaps.requiredSecret(map, "password", "basic credentials"));
            case "bearer" -> bearer(OptionMaps.requiredSecret(map, "token", "bearer credentials"));
            case "api_key" -> apiKey(OptionMaps.requiredSecret(map, "key", "api_key credentials"));
            default -> throw new OpsValidationException("credentials type must be basic, bearer, api_key or none, was '"
                    + map.get("type") + "'");
        };
    }

    private static String typeOf(Map<String, ?> map) {
        String type = OptionMaps.string(map, "type");
        if (type != null) {
            return type.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        }
        if (map.containsKey("user")) {
            return "basic";
        }
        if (map.containsKey("token") || map.containsKey("token_env")) {
            return "bearer";
        }
        if (map.containsKey("key") || map.containsKey("key_env")) {
            return "api_key";
        }
        return "none";
    }

    public Type type() {
        return type;
    }

    /** The basic-auth user, when there is one. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /**
     * The {@code Authorization} header value, or empty for {@link Type#NONE}. Reveals the secret:
     * only for handing to a transport, such as the official OpenSearch client on the same connection.
     */
    public Optional<String> authorizationHeader() {
        return switch (type) {
            case BASIC -> Optional.of("Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + secret.reveal()).getBytes(StandardCharsets.UTF_8)));
            case BEARER -> Optional.of("Bearer " + secret.reveal());
            case API_KEY -> Optional.of("ApiKey " + secret.reveal());
            case NONE -> Optional.empty();
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials c && type == c.type && Objects.equals(user, c.user)
                && Objects.equals(secret, c.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, user, secret);
    }

    @Override
    public String toString() {
        return switch (type) {
            case BASIC -> "Credentials[basic, user=" + user + ", password=****]";
            case BEARER -> "Credentials[bearer, token=****]";
            case API_KEY -> "Credentials[api_key, key=****]";
            case NONE -> "Credentials[none]";
        };
    }
}
