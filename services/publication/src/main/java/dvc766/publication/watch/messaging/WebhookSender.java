package dvc766.publication.watch.messaging;

import dvc766.publication.watch.config.WatchConfig;
import dvc766.publication.watch.domain.Backoff;
import dvc766.publication.watch.domain.WebhookSignature;
import dvc766.publication.watch.store.DeliveryStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Works off the delivery queue: POSTs each alert's JSON to its subscription's URL, signed with HMAC-SHA256 over the
 * body ({@code X-Watch-Signature: sha256=<hex>}) and named by {@code X-Watch-Alert-Id} so receivers can drop a repeat.
 * A 2xx marks the delivery done and it is never sent again; anything else is retried after an exponentially growing
 * pause, up to {@code max-attempts}. Sending happens outside any transaction, under a lease on the claimed rows.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final DeliveryStore deliveries;
    private final WatchConfig config;
    private final Clock clock;
    private final Backoff backoff;
    private final HttpClient http;

    public WebhookSender(DeliveryStore deliveries, WatchConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
        this.backoff = new Backoff(config.retryBase(), config.retryMax());
        this.http = HttpClient.newBuilder().connectTimeout(config.deliveryTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(identity = "watch-deliveries", every = "${dvc.publication.watch.tick:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void round() {
        try {
            List<DeliveryStore.Claimed> claimed;
            do {
                claimed = QuarkusTransaction.requiringNew().call(() ->
                        deliveries.claim(Instant.now(clock), config.deliveryLease(), config.deliveryBatch()));
                for (DeliveryStore.Claimed d : claimed) send(d);
            } while (claimed.size() == config.deliveryBatch());
        } catch (RuntimeException e) {
            LOG.errorf("watch delivery round failed, next round retries: %s", e.getMessage());
        }
    }

    private void send(DeliveryStore.Claimed d) {
        byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
        Integer status = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(config.deliveryTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "dvc766-watch")
                    .header("X-Watch-Alert-Id", d.alertId().toString())
                    .header("X-Watch-Subscription-Id", d.subscriptionId().toString())
                    .header("X-Watch-Attempt", Integer.toString(d.attempts()))
                    .header("X-Watch-Signature", WebhookSignature.sign(d.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                int s = status;
                QuarkusTransaction.requiringNew().run(() -> deliveries.delivered(d.id(), s, Instant.now(clock)));
                return;
            }
            error = "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Instant now = Instant.now(clock);
        Instant retryAt = d.attempts() >= config.maxAttempts() ? null : now.plus(backoff.after(d.attempts()));
        Integer s = status;
        String err = error;
        LOG.debugf("delivery %d of alert %s failed (attempt %d): %s", d.id(), d.alertId(), d.attempts(), err);
        QuarkusTransaction.requiringNew().run(() -> deliveries.failed(d.id(), s, err, retryAt, now));
    }
}
