package dvc766.complaint.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "dvc.complaint")
public interface ComplaintConfig {

    /** Longest text (citizen's PAKN, answer, reason), in characters. */
    @WithDefault("5000")
    int textMaxChars();

    /** Largest body of an anonymous POST, in bytes (answered 413 before it is read). */
    @WithDefault("32768")
    int publicBodyMaxBytes();

    /** Largest page of any list. */
    @WithDefault("100")
    int pageMaxSize();

    /** Most items one import request may carry. */
    @WithDefault("1000")
    int importMaxItems();

    /** How far in the future an imported time may lie (source clocks drift). */
    @WithDefault("PT5M")
    Duration futureSkew();

    /** The same text for the same unit within this window is a duplicate (409). */
    @WithDefault("P30D")
    Duration duplicateWindow();

    Deadlines deadlines();

    Challenge challenge();

    RateLimit rateLimit();

    Contacts contacts();

    Checks checks();

    /** index-766 §6 deadlines in working days (rule-set parameters). */
    interface Deadlines {
        @WithDefault("15")
        int answerDays();

        @WithDefault("2")
        int refusalDays();

        @WithDefault("5")
        int infoRequestDays();

        @WithDefault("2")
        int publishDays();
    }

    interface Challenge {
        /** Leading zero bits of SHA-256 the client must find: 18 costs a browser ~0.1–0.5 s. */
        @WithDefault("18")
        int difficulty();

        @WithDefault("PT10M")
        Duration ttl();

        /** HMAC key (base64, ≥ 16 bytes) shared by all instances; absent: a random key per process. */
        Optional<String> key();
    }

    /** Per-IP limit of the anonymous writes (submit, rating), in this service too, not only at the gateway. */
    interface RateLimit {
        @WithDefault("10")
        int capacity();

        /** Tokens refilled per hour. */
        @WithDefault("30")
        int refillPerHour();

        /** Peers whose X-Forwarded-For is believed (the gateway); anyone else is judged by its own address. */
        @WithDefault("127.0.0.1,0:0:0:0:0:0:0:1")
        List<String> trustedProxies();
    }

    interface Contacts {
        /** AES-256 key, base64 of 32 bytes (a secret in production). */
        String key();

        /**
         * Whether the shipped development key may be used. False in the production profile (%kube): the service
         * then refuses to start with it, so real contacts are never sealed with a key known to everyone.
         */
        @WithDefault("true")
        boolean devKeyAllowed();
    }

    interface Checks {
        @WithDefault("true")
        boolean enabled();

        /** How often due PAKN are evaluated (read by the scheduler annotation). */
        @WithDefault("1s")
        Duration every();

        @WithDefault("200")
        int batchSize();
    }
}
