package dvc766.publication.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EtagsTest {

    @Test
    void weakComparison() {
        String tag = Etags.weak("s-42");
        assertThat(tag).isEqualTo("W/\"s-42\"");
        assertThat(Etags.matches(tag, tag)).isTrue();
        assertThat(Etags.matches("\"s-42\"", tag)).isTrue();
        assertThat(Etags.matches("W/\"a\" , W/\"s-42\"", tag)).isTrue();
        assertThat(Etags.matches("*", tag)).isTrue();
        assertThat(Etags.matches("W/\"s-4\"", tag)).isFalse();
        assertThat(Etags.matches(null, tag)).isFalse();
        assertThat(Etags.matches("", tag)).isFalse();
    }
}
