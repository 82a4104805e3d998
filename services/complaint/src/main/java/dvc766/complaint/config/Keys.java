package dvc766.complaint.config;

import dvc766.complaint.domain.ContactCipher;
import dvc766.complaint.domain.ProofOfWork;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/** The service's keys: the contacts' AES key (fail closed on the dev key where it is not allowed) and the challenge HMAC key. */
public class Keys {

    /** Shipped in application.properties for local runs and tests ONLY: everyone can read it. */
    public static final String DEV_CONTACT_KEY = "ZGV2LW9ubHktcGxhY2Vob2xkZXIta2V5LTMyLWJ5dGU=";

    private static final Logger LOG = Logger.getLogger(Keys.class);

    @Produces
    @Singleton
    ContactCipher contactCipher(ComplaintConfig config) {
        return cipher(config.contacts().key(), config.contacts().devKeyAllowed());
    }

    /** The contacts' cipher; refuses the development key where it is not allowed (fail closed at start-up). */
    public static ContactCipher cipher(String key, boolean devKeyAllowed) {
        if (key == null || key.isBlank()) throw new IllegalStateException("dvc.complaint.contacts.key is not set");
        if (DEV_CONTACT_KEY.equals(key.strip())) {
            if (!devKeyAllowed) {
                throw new IllegalStateException("dvc.complaint.contacts.key is the development placeholder; set "
                        + "DVC_COMPLAINT_CONTACT_KEY to a real 32-byte base64 key (a Kubernetes Secret)");
            }
            LOG.warn("contacts are sealed with the DEVELOPMENT placeholder key; never use it with real data");
        }
        return new ContactCipher(key);
    }

    /** Builds the cipher at start-up, so a missing or forbidden key stops the service before it serves anyone. */
    void failFast(@Observes StartupEvent e, ContactCipher cipher) {
        LOG.debugf("contacts sealed with key %s", cipher.keyId());
    }

    @Produces
    @Singleton
    ProofOfWork proofOfWork(ComplaintConfig config) {
        byte[] key = config.challenge().key().map(k -> Base64.getDecoder().decode(k.strip())).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            LOG.info("no dvc.complaint.challenge.key: challenges are signed with a key of this process only");
            return random;
        });
        return new ProofOfWork(key);
    }
}
