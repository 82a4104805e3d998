package dvc766.publication.api;

import dvc766.publication.config.DisplayNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The public answers as tables for CSV and XLSX: every row names its period and rule set; the title says it again. */
final class ExportTables {

    private ExportTables() {}

    static Exports.Table ranking(RankingView r, DisplayNames names) {
        List<String> groupCodes = groupCodes(r.items().stream().map(RankingView.Item::groups).toList());
        List<String> columns = new ArrayList<>(List.of("period", "ruleSet", "status", "rank", "unitCode", "name", "total",
                "band", "change"));
        columns.addAll(groupCodes);
        List<List<Object>> rows = new ArrayList<>();
        for (RankingView.Item i : r.items()) {
            List<Object> row = new ArrayList<>(List.of(r.period(), r.ruleSet(), "RANKED", i.rank(), i.unitCode()));
            row.add(i.name());
            row.add(i.total());
            row.add(i.band());
            row.add(i.change());
            Map<String, BigDecimal> points = i.groups().stream().filter(g -> g.points() != null)
                    .collect(Collectors.toMap(ScorecardView.GroupView::code, ScorecardView.GroupView::points, (a, b) -> a));
            for (String g : groupCodes) row.add(points.get(g));
            rows.add(row);
        }
        for (RankingView.NoData n : r.noData()) {
            List<Object> row = new ArrayList<>(List.of(r.period(), r.ruleSet(), "NO_DATA"));
            row.add(null);
            row.add(n.unitCode());
            row.add(n.name());
            while (row.size() < columns.size()) row.add(null);
            rows.add(row);
        }
        String what = r.level() == null ? "các đơn vị" : names.level(r.level().name()).toLowerCase(java.util.Locale.ROOT);
        String title = "Bảng xếp hạng " + what + (r.parent() == null ? "" : " thuộc " + r.parent()) + " — kỳ " + r.period()
                + " — bộ chỉ số " + r.ruleSet();
        return new Exports.Table("Xếp hạng " + r.period(), title, columns, rows);
    }

    static Exports.Table scorecard(ScorecardView s, DisplayNames names) {
        List<String> columns = List.of("period", "ruleSet", "unitCode", "group", "indicator", "indicatorName", "numerator",
                "denominator", "ratio", "points", "max", "pointsLost", "applicable");
        List<List<Object>> rows = new ArrayList<>();
        for (ScorecardView.IndicatorView i : s.indicators()) {
            List<Object> row = new ArrayList<>(List.of(s.period(), s.ruleSet(), s.unitCode()));
            row.add(i.group());
            row.add(i.code());
            row.add(names.indicator(i.code()));
            row.add(i.numerator());
            row.add(i.denominator());
            row.add(i.ratio());
            row.add(i.points());
            row.add(i.max());
            // what the portal calls "points lost": the published maximum less the published points, nothing recomputed
            row.add(i.max() == null || i.points() == null ? null : i.max().subtract(i.points()));
            row.add(i.applicable() ? "true" : "false");
            rows.add(row);
        }
        String title = "Bảng điểm " + (s.name() == null ? s.unitCode() : s.name() + " (" + s.unitCode() + ")") + " — kỳ "
                + s.period() + " — bộ chỉ số " + s.ruleSet() + " — tổng " + s.total().toPlainString()
                + (s.max() == null ? "" : "/" + s.max().toPlainString()) + " — công bố lúc " + s.asOf();
        return new Exports.Table("Bảng điểm " + s.period(), title, columns, rows);
    }

    static Exports.Table history(HistoryView h, DisplayNames names) {
        List<String> groupCodes = groupCodes(h.points().stream().map(HistoryView.Point::groups).toList());
        List<String> columns = new ArrayList<>(List.of("period", "ruleSet", "unitCode", "total", "max", "band", "asOf"));
        columns.addAll(groupCodes);
        List<List<Object>> rows = new ArrayList<>();
        for (HistoryView.Point p : h.points()) {
            List<Object> row = new ArrayList<>(List.of(p.period(), h.ruleSet(), h.unitCode()));
            row.add(p.total());
            row.add(p.max());
            row.add(p.band());
            row.add(p.asOf() == null ? null : p.asOf().toString());
            Map<String, BigDecimal> points = p.groups().stream().filter(g -> g.points() != null)
                    .collect(Collectors.toMap(ScorecardView.GroupView::code, ScorecardView.GroupView::points, (a, b) -> a));
            for (String g : groupCodes) row.add(points.get(g));
            rows.add(row);
        }
        String title = "Diễn biến điểm " + (h.name() == null ? h.unitCode() : h.name() + " (" + h.unitCode() + ")")
                + " — kỳ " + h.from() + " đến " + h.to() + " — bộ chỉ số " + h.ruleSet();
        return new Exports.Table("Diễn biến", title, columns, rows);
    }

    private static List<String> groupCodes(List<List<ScorecardView.GroupView>> lists) {
        Set<String> codes = new LinkedHashSet<>();
        for (List<ScorecardView.GroupView> l : lists) l.stream().map(ScorecardView.GroupView::code).forEach(codes::add);
        return List.copyOf(codes);
    }
}
