package dvc766.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a consumer has applied, in the same transaction as their effect, so a redelivered
 * event is skipped: at-least-once delivery, exactly-once effect.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /** Records the event for this consumer; returns false if it was applied before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, String eventId) {
        return em.createNativeQuery(
                "INSERT INTO kit_processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }

    /** Keeps an event that cannot be applied, with the reason, instead of losing it or stopping the stream. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reject(String consumer, String topic, String key, String payload, String reason) {
        em.createNativeQuery("INSERT INTO kit_rejected_event (consumer, topic, event_key, payload, reason) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, consumer)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, payload)
                .setParameter(5, reason)
                .executeUpdate();
    }
}
