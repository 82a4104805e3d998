package dvc766.publication.watch.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Which webhook URLs are accepted: https with a host and no credentials; plain http only to localhost when allowed (dev, test). */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2000;

    private WebhookUrls() {}

    /** Why the URL is refused, or empty when it is fine. */
    public static Optional<String> problem(String url, boolean allowLocalHttp) {
        if (url.length() > MAX_LENGTH) return Optional.of("url must be at most " + MAX_LENGTH + " characters");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("url is not a valid URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) return Optional.of("url must have a host");
        if (uri.getUserInfo() != null) return Optional.of("url must not carry credentials");
        if (uri.getFragment() != null) return Optional.of("url must not have a fragment");
        if (scheme.equals("https")) return Optional.empty();
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (scheme.equals("http") && local && allowLocalHttp) return Optional.empty();
        return Optional.of(allowLocalHttp ? "url must be https, or http://localhost" : "url must be https");
    }
}
