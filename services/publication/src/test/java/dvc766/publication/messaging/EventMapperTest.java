package dvc766.publication.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.ScoreData;
import dvc766.contracts.events.UnitData;
import dvc766.kit.events.EventJson;
import dvc766.publication.domain.Score;
import dvc766.publication.domain.Unit;
import dvc766.publication.domain.UnitLevel;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventMapperTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-29T10:00:00+07:00");

    @Test
    void aUnitIsTrimmedAndItsNameNormalised() {
        Unit u = EventMapper.unit(unitEvent(new UnitData(" 38.01 ", Normalizer.normalize("Đông Sơn", Normalizer.Form.NFD),
                "district", " ", null, null, null, T, 3))).value();
        assertThat(u.code()).isEqualTo("38.01");
        assertThat(u.name()).isEqualTo("Đông Sơn");
        assertThat(u.level()).isEqualTo(UnitLevel.DISTRICT);
        assertThat(u.parentCode()).isNull();
        assertThat(u.revision()).isEqualTo(3);
    }

    @Test
    void aUnitBreakingTheContractIsRefusedWithEveryReason() {
        assertThatThrownBy(() -> EventMapper.unit(unitEvent(new UnitData("38", "", "TOWN", "38", null, null, null, T, 1))))
                .isInstanceOf(InvalidEvent.class)
                .hasMessageContaining("data.name")
                .hasMessageContaining("data.level")
                .hasMessageContaining("data.parentCode");
    }

    @Test
    void aScoreGetsTheCanonicalPeriodAndNoRatioOverNothing() {
        ScoreData d = new ScoreData("38", "2026-q4".toUpperCase(), "dvcqg-2026", T, T, 2, new BigDecimal("12.50"),
                new BigDecimal("100"), "YEU", List.of(new ScoreData.Group("MDHL", BigDecimal.ONE, BigDecimal.TEN)),
                List.of(new ScoreData.Indicator("PETITION_ON_TIME", "MDHL", BigDecimal.ZERO, new BigDecimal("0.00"),
                        BigDecimal.ZERO, new BigDecimal("6"), new BigDecimal("6"), true)));
        Score s = EventMapper.score(scoreEvent(d, EventType.SCORE_CHANGED)).value();
        assertThat(s.period()).isEqualTo("2026-Q4");
        assertThat(s.total()).isEqualTo(new BigDecimal("12.50"));
        assertThat(s.indicators().get(0).ratio()).isNull();
    }

    @Test
    void aScoreBreakingTheContractIsRefused() {
        ScoreData d = new ScoreData("38", "2026-13", "", null, null, 1, null, null, null, null, null);
        assertThatThrownBy(() -> EventMapper.score(scoreEvent(d, EventType.SCORE_CHANGED)))
                .isInstanceOf(InvalidEvent.class)
                .hasMessageContaining("data.period")
                .hasMessageContaining("data.ruleSet")
                .hasMessageContaining("data.asOf")
                .hasMessageContaining("data.total");
        ScoreData ok = new ScoreData("38", "2026-11", "r", T, T, 1, BigDecimal.ONE, null, null, List.of(), List.of());
        assertThatThrownBy(() -> EventMapper.score(scoreEvent(ok, EventType.UNIT_UPSERTED)))
                .isInstanceOf(InvalidEvent.class).hasMessageContaining("type");
        assertThatThrownBy(() -> EventMapper.score("{\"id\": 1, \"data\": ")).isInstanceOf(InvalidEvent.class);
        assertThatThrownBy(() -> EventMapper.score(null)).isInstanceOf(InvalidEvent.class);
    }

    @Test
    void aScoreCarriesItsPlaceInThePeriodsTree() {
        ScoreData placed = new ScoreData("38.01.C", "2025-06", "r", T, T, 1, BigDecimal.ONE, null, null, List.of(), List.of(),
                "38.01", List.of("38.01", "38"));
        assertThat(EventMapper.placedScore(scoreEvent(placed, EventType.SCORE_CHANGED)).value().ancestors()).containsExactly("38.01", "38");
        ScoreData wrong = new ScoreData("38.01.C", "2025-06", "r", T, T, 1, BigDecimal.ONE, null, null, List.of(), List.of(),
                "38", List.of("38.01", "38"));
        assertThatThrownBy(() -> EventMapper.placedScore(scoreEvent(wrong, EventType.SCORE_CHANGED)))
                .isInstanceOf(InvalidEvent.class).hasMessageContaining("parentCode");
    }

    private static String unitEvent(UnitData d) {
        return EventJson.write(CloudEvent.of("e-1", EventType.UNIT_UPSERTED, "/dvc766/ingestion", T, d.code(), d));
    }

    private static String scoreEvent(ScoreData d, EventType type) {
        return EventJson.write(CloudEvent.of("e-2", type, "/dvc766/indicator", T, "k", d));
    }
}
