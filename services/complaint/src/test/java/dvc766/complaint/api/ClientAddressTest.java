package dvc766.complaint.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void onlyTrustedPeersMayNameTheClient() {
        List<String> trusted = List.of("127.0.0.1", "10.");
        assertThat(ClientAddress.trusted("127.0.0.1", trusted)).isTrue();
        assertThat(ClientAddress.trusted("10.42.0.7", trusted)).isTrue();
        assertThat(ClientAddress.trusted("127.0.0.10", trusted)).isFalse();
        assertThat(ClientAddress.trusted("100.1.1.1", trusted)).isFalse();
        assertThat(ClientAddress.trusted("203.0.113.9", List.of(" ", ""))).isFalse();
    }
}
