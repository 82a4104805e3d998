package dvc766.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionsTest {

    private static final Instant T = Instant.parse("2026-11-02T03:00:00Z");

    private static Complaint in(Status s) {
        return Complaint.received("PAKN-1", "380", Category.TTHC_REGULATION, null, null, T).withStatus(s);
    }

    @Test
    void everyActionIsRefusedOutsideItsStates() {
        for (Action a : Action.values()) {
            for (Status s : EnumSet.complementOf(EnumSet.copyOf(Transitions.allowedFrom(a)))) {
                assertThatThrownBy(() -> Transitions.apply(in(s), a, T, "38.SNV"))
                        .as(a + " from " + s).isInstanceOf(IllegalTransitionException.class);
            }
        }
    }

    @Test
    void theHappyPath() {
        Complaint c = in(Status.RECEIVED);
        c = Transitions.apply(c, Action.ACCEPT, T, null);
        c = Transitions.apply(c, Action.ANSWER, T.plusSeconds(60), null);
        c = Transitions.apply(c, Action.PUBLISH, T.plusSeconds(120), null);
        assertThat(c.status()).isEqualTo(Status.PUBLISHED);
        assertThat(c.answeredAt()).isEqualTo(T.plusSeconds(60));
        c = Transitions.rate(c, Rating.SATISFIED, false);
        Complaint rated = c;
        assertThatThrownBy(() -> Transitions.rate(rated, Rating.DISSATISFIED, true)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void transferGoesElsewhereAndImportedPaknDoNotMove() {
        assertThatThrownBy(() -> Transitions.apply(in(Status.RECEIVED), Action.TRANSFER, T, "380"))
                .isInstanceOf(IllegalTransitionException.class);
        Complaint imported = new Complaint("N-1", Channel.HOTLINE, "380", Category.TTHC_REGULATION, null, null, T, List.of(),
                List.of(), null, null, null, null, null, false, Status.RECEIVED);
        assertThatThrownBy(() -> Transitions.apply(imported, Action.ACCEPT, T, null)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> Transitions.rate(in(Status.ACCEPTED), Rating.SATISFIED, false))
                .isInstanceOf(IllegalTransitionException.class);
    }
}
