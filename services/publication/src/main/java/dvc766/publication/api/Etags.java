package dvc766.publication.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Conditional GETs: a weak ETag per representation and 304 when the client already holds it. */
final class Etags {

    /** Public data, but live: caches may keep it and must ask again each time (a 304 is cheap). */
    static final String CACHE_CONTROL = "public, no-cache";

    private Etags() {}

    static String weak(String value) {
        return "W/\"" + value + "\"";
    }

    /** Weak comparison of RFC 9110 §13.1.2: {@code *} or any listed tag with the same opaque value. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) return false;
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(wanted)) return true;
        }
        return false;
    }

    /** 304 with the tag when the client holds it; else null and the caller builds the body. */
    static Response notModified(String ifNoneMatch, String etag) {
        if (!matches(ifNoneMatch, etag)) return null;
        return Response.notModified().header("ETag", etag).header("Cache-Control", CACHE_CONTROL).build();
    }

    static Response ok(Object entity, String etag) {
        return Response.ok(entity).header("ETag", etag).header("Cache-Control", CACHE_CONTROL).build();
    }

    /** An answer already serialised as JSON. */
    static Response okJson(byte[] json, String etag) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header("ETag", etag).header("Cache-Control", CACHE_CONTROL).build();
    }

    private static String opaque(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.trim();
    }
}
