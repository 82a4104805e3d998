package dvc766.publication.messaging;

import dvc766.common.period.Period;
import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.RuleSetData;
import dvc766.contracts.events.ScoreData;
import dvc766.contracts.events.UnitData;
import dvc766.kit.events.EventJson;
import dvc766.publication.domain.PlacedScore;
import dvc766.publication.domain.RuleSetDocument;
import dvc766.publication.domain.Score;
import dvc766.publication.domain.Unit;
import dvc766.publication.domain.UnitLevel;
import dvc766.publication.domain.VietnameseNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads events off the wire into domain values, refusing every event that breaks the contract. */
public final class EventMapper {

    private EventMapper() {}

    /** An event's id, time and its mapped data. */
    public record Mapped<T>(String eventId, java.time.OffsetDateTime time, T value) {}

    public static Mapped<Unit> unit(String json) {
        CloudEvent<UnitData> e = read(json, UnitData.class, EventType.UNIT_UPSERTED);
        UnitData d = e.data();
        List<String> problems = new ArrayList<>();
        code("data.code", d.code(), problems);
        if (blank(d.name())) problems.add("data.name is required");
        UnitLevel level = UnitLevel.parse(d.level()).orElse(null);
        if (level == null) problems.add("data.level must be one of " + UnitLevel.names() + ", got '" + d.level() + "'");
        String parent = blank(d.parentCode()) ? null : d.parentCode().trim();
        if (parent != null) code("data.parentCode", parent, problems);
        if (parent != null && d.code() != null && parent.equals(d.code().trim())) problems.add("data.parentCode is the unit itself");
        if (d.revision() < 0) problems.add("data.revision must not be negative");
        if (d.validFrom() != null && d.validTo() != null && d.validTo().isBefore(d.validFrom())) {
            problems.add("data.validTo is before data.validFrom");
        }
        fail(problems);
        return new Mapped<>(e.id(), e.time(), new Unit(d.code().trim(), VietnameseNames.nfc(d.name().trim()), level, parent,
                d.validFrom(), d.validTo(), d.updatedAt(), d.revision()));
    }

    public static Mapped<PlacedScore> placedScore(String json) {
        CloudEvent<ScoreData> e = read(json, ScoreData.class, EventType.SCORE_CHANGED);
        ScoreData d = e.data();
        List<String> problems = new ArrayList<>();
        code("data.unitCode", d.unitCode(), problems);
        code("data.ruleSet", d.ruleSet(), problems);
        String period = null;
        try {
            period = Period.parse(d.period()).key();
        } catch (IllegalArgumentException ex) {
            problems.add("data.period: " + ex.getMessage());
        }
        if (d.version() < 0) problems.add("data.version must not be negative");
        if (d.asOf() == null) problems.add("data.asOf is required");
        if (d.total() == null) problems.add("data.total is required");
        List<Score.GroupScore> groups = new ArrayList<>();
        List<ScoreData.Group> inGroups = d.groups() == null ? List.of() : d.groups();
        for (int i = 0; i < inGroups.size(); i++) {
            ScoreData.Group g = inGroups.get(i);
            if (g == null || blank(g.code())) {
                problems.add("data.groups[" + i + "].code is required");
                continue;
            }
            groups.add(new Score.GroupScore(g.code(), g.points(), g.max()));
        }
        List<Score.IndicatorScore> indicators = new ArrayList<>();
        List<ScoreData.Indicator> inIndicators = d.indicators() == null ? List.of() : d.indicators();
        for (int i = 0; i < inIndicators.size(); i++) {
            ScoreData.Indicator x = inIndicators.get(i);
            if (x == null || blank(x.code())) {
                problems.add("data.indicators[" + i + "].code is required");
                continue;
            }
            // a ratio over nothing is absent, never 0 (index-766 §11)
            BigDecimal ratio = x.denominator() != null && x.denominator().signum() == 0 ? null : x.ratio();
            indicators.add(new Score.IndicatorScore(x.code(), x.group(), x.numerator(), x.denominator(), ratio,
                    x.points(), x.max(), x.applicable()));
        }
        List<String> ancestors = new ArrayList<>();
        List<String> inAncestors = d.ancestors() == null ? List.of() : d.ancestors();
        for (int i = 0; i < inAncestors.size(); i++) {
            code("data.ancestors[" + i + "]", inAncestors.get(i), problems);
            if (!blank(inAncestors.get(i))) ancestors.add(inAncestors.get(i).trim());
        }
        String parent = blank(d.parentCode()) ? null : d.parentCode().trim();
        if (!java.util.Objects.equals(parent, ancestors.isEmpty() ? null : ancestors.get(0))) {
            problems.add("data.parentCode must be the first of data.ancestors (both absent for a root)");
        }
        fail(problems);
        return new Mapped<>(e.id(), e.time(), new PlacedScore(new Score(d.unitCode().trim(), period, d.ruleSet().trim(), d.version(),
                d.asOf(), d.evaluatedAt(), d.total(), d.max(), d.band(), List.copyOf(groups), List.copyOf(indicators)), parent, ancestors));
    }

    /** The score alone (its place in the tree left aside). */
    public static Mapped<Score> score(String json) {
        Mapped<PlacedScore> m = placedScore(json);
        return new Mapped<>(m.eventId(), m.time(), m.value().score());
    }

    public static Mapped<RuleSetDocument> ruleSet(String json) {
        CloudEvent<RuleSetData> e = read(json, RuleSetData.class, EventType.RULE_SET_STORED);
        RuleSetData d = e.data();
        List<String> problems = new ArrayList<>();
        code("data.id", d.id(), problems);
        if (d.version() < 1) problems.add("data.version must be at least 1");
        if (d.storedAt() == null) problems.add("data.storedAt is required");
        if (d.document() == null) {
            problems.add("data.document is required");
        } else {
            if (d.id() != null && !d.id().equals(d.document().get("id"))) problems.add("data.document.id must equal data.id");
            if (!(d.document().get("version") instanceof Number v) || v.intValue() != d.version()) {
                problems.add("data.document.version must equal data.version");
            }
            if (!(d.document().get("indicators") instanceof List<?>)) problems.add("data.document.indicators must be an array");
            if (!(d.document().get("groups") instanceof List<?>)) problems.add("data.document.groups must be an array");
        }
        fail(problems);
        return new Mapped<>(e.id(), e.time(), new RuleSetDocument(d.id().trim(), d.version(), EventJson.write(d.document()),
                d.storedAt()));
    }

    private static <T> CloudEvent<T> read(String json, Class<T> type, EventType expected) {
        if (json == null) throw new InvalidEvent("empty record (tombstone)");
        CloudEvent<T> e;
        try {
            e = EventJson.read(json, type);
        } catch (IllegalArgumentException ex) {
            throw new InvalidEvent(ex.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (blank(e.id())) problems.add("id is required");
        if (!expected.type().equals(e.type())) problems.add("type must be " + expected.type() + ", got '" + e.type() + "'");
        if (e.data() == null) problems.add("data is required");
        fail(problems);
        return e;
    }

    private static void fail(List<String> problems) {
        if (!problems.isEmpty()) throw new InvalidEvent(String.join("; ", problems));
    }

    /** Codes are keys in URLs and tables: required, and free of control characters. */
    private static void code(String field, String value, List<String> problems) {
        if (blank(value)) problems.add(field + " is required");
        else if (value.chars().anyMatch(Character::isISOControl)) problems.add(field + " must not contain control characters");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
