package dvc766.complaint.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import javax.sql.DataSource;

/** Spent proof-of-work nonces: each buys one submission; kept until they expire anyway. */
@ApplicationScoped
public class ChallengeStore {

    private final DataSource ds;

    public ChallengeStore(DataSource ds) {
        this.ds = ds;
    }

    /** Spends the nonce in the caller's transaction; false if it was spent before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean spend(String nonce, Instant expiresAt) {
        return Jdbc.update(ds, "INSERT INTO used_challenge (nonce, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                nonce, expiresAt) == 1;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> Jdbc.update(ds, "DELETE FROM used_challenge WHERE expires_at < ?",
                Instant.now().minusSeconds(60)));
    }
}
