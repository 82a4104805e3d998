package dvc766.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.publication.messaging.ScoreChangeListener;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** CSV and XLSX exports (content, headers, file names) and the live stream of score changes. */
@QuarkusTest
class ExportAndStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ScoreChangeListener listener;

    @Test
    void rankingsExportAsCsvAndXlsxNamingPeriodAndRuleSet() throws Exception {
        String p = Events.uniquePrefix();
        Events.sendUnit(p + ".01", "=Hà Trung", "DISTRICT", p, 1); // a name a spreadsheet would take for a formula
        Events.sendUnit(p + ".02", "Đông Sơn, Thanh Hóa", "DISTRICT", p, 1);
        Events.sendUnit(p + ".03", "Bá Thước", "DISTRICT", p, 1);
        Events.sendScore(p + ".01", "2026-11", 1, "80.25", "TOT");
        Events.sendScore(p + ".02", "2026-11", 1, "90", "XUAT_SAC");
        await().atMost(WAIT).until(() -> Api.json(Api.ranking("2026-11", "DISTRICT", p)).get("items").size() == 2);

        Response csv = given().accept("text/csv").queryParam("period", "2026-11").queryParam("level", "DISTRICT")
                .queryParam("parent", p).get("/public/v1/rankings");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"xep-hang_DISTRICT_" + p + "_2026-11_dvcqg-2026.csv\"");
        byte[] bytes = csv.asByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("Bảng xếp hạng cấp huyện thuộc " + p + " — kỳ 2026-11 — bộ chỉ số dvcqg-2026");
        assertThat(lines[1]).isEqualTo("period,ruleSet,status,rank,unitCode,name,total,band,change,TDGQ,MDHL");
        assertThat(lines[2]).isEqualTo("2026-11,dvcqg-2026,RANKED,1," + p + ".02,\"Đông Sơn, Thanh Hóa\",90,XUAT_SAC,,18.50,6");
        assertThat(lines[3]).isEqualTo("2026-11,dvcqg-2026,RANKED,2," + p + ".01,'=Hà Trung,80.25,TOT,,18.50,6");
        assertThat(lines[4]).isEqualTo("2026-11,dvcqg-2026,NO_DATA,," + p + ".03,Bá Thước,,,,,");
        assertThat(lines).hasSize(5);
        // its own tag: a JSON tag does not answer 304 for the CSV, the CSV's does
        String jsonTag = Api.ranking("2026-11", "DISTRICT", p).header("ETag");
        assertThat(csv.header("ETag")).isNotEqualTo(jsonTag);
        assertThat(given().accept("text/csv").header("If-None-Match", csv.header("ETag")).queryParam("period", "2026-11")
                .queryParam("level", "DISTRICT").queryParam("parent", p).get("/public/v1/rankings").statusCode()).isEqualTo(304);

        Response xlsx = given().queryParam("format", "xlsx").queryParam("period", "2026-11").queryParam("level", "DISTRICT")
                .queryParam("parent", p).get("/public/v1/rankings");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo(XLSX);
        assertThat(xlsx.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"xep-hang_DISTRICT_" + p + "_2026-11_dvcqg-2026.xlsx\"");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getSheetName()).isEqualTo("Xếp hạng 2026-11");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("kỳ 2026-11").contains("bộ chỉ số dvcqg-2026");
            assertThat(s.getRow(2).getCell(6).getStringCellValue()).isEqualTo("total");
            assertThat(s.getRow(3).getCell(5).getStringCellValue()).isEqualTo("Đông Sơn, Thanh Hóa");
            assertThat(s.getRow(3).getCell(6).getNumericCellValue()).isEqualTo(90.0);
            assertThat(s.getRow(4).getCell(6).getNumericCellValue()).isEqualTo(80.25);
            assertThat(s.getRow(5).getCell(2).getStringCellValue()).isEqualTo("NO_DATA");
        }
        Response badFormat = given().queryParam("format", "pdf").queryParam("period", "2026-11").get("/public/v1/rankings");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.asString()).contains("\"format\"");
    }

    @Test
    void scorecardAndHistoryExportNamePeriodAndRuleSet() throws Exception {
        String unit = Events.uniquePrefix() + ".SXD";
        Events.sendUnit(unit, "Sở Xây dựng", "DEPARTMENT", "38", 1);
        Events.sendScore(unit, "2026-11", 1, "87.25", "TOT");
        ScorecardTest.awaitScorecard(unit, "2026-11", c -> "Sở Xây dựng".equals(c.path("name").asText()));

        Response csv = given().queryParam("period", "2026-11").queryParam("format", "csv").get("/public/v1/units/{code}/scorecard", unit);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"bang-diem_" + unit + "_2026-11_dvcqg-2026.csv\"");
        String[] lines = new String(csv.asByteArray(), StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).startsWith("Bảng điểm Sở Xây dựng (" + unit + ") — kỳ 2026-11 — bộ chỉ số dvcqg-2026 — tổng 87.25/100");
        assertThat(lines[1]).isEqualTo("period,ruleSet,unitCode,group,indicator,indicatorName,numerator,denominator,ratio,points,max,pointsLost,applicable");
        assertThat(lines[2]).isEqualTo("2026-11,dvcqg-2026," + unit
                + ",TDGQ,ON_TIME_PROCESSING,\"Hồ sơ giải quyết trước hạn, đúng hạn\",37,40,0.925,9.25,10,0.75,true");
        assertThat(lines[3]).isEqualTo("2026-11,dvcqg-2026," + unit + ",MDHL,PETITION_ON_TIME,PAKN được xử lý đúng hạn,0,0,,6,6,0,true");

        Response xlsx = given().accept(XLSX).queryParam("period", "2026-11").get("/public/v1/units/{code}/scorecard", unit);
        assertThat(xlsx.contentType()).isEqualTo(XLSX);
        assertThat(xlsx.header("Content-Disposition")).isEqualTo("attachment; filename=\"bang-diem_" + unit + "_2026-11_dvcqg-2026.xlsx\"");
        try (InputStream in = new ByteArrayInputStream(xlsx.asByteArray()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getRow(3).getCell(4).getStringCellValue()).isEqualTo("ON_TIME_PROCESSING");
            assertThat(wb.getSheetAt(0).getRow(3).getCell(8).getNumericCellValue()).isEqualTo(0.925);
        }

        Response history = given().accept("text/csv").queryParam("from", "2026-10").queryParam("to", "2026-11")
                .get("/public/v1/units/{code}/history", unit);
        assertThat(history.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"lich-su_" + unit + "_2026-10_2026-11_month_dvcqg-2026.csv\"");
        String[] h = new String(history.asByteArray(), StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(h[0]).isEqualTo("Diễn biến điểm Sở Xây dựng (" + unit + ") — kỳ 2026-10 đến 2026-11 — bộ chỉ số dvcqg-2026");
        assertThat(h[1]).isEqualTo("period,ruleSet,unitCode,total,max,band,asOf,TDGQ,MDHL");
        assertThat(h[2]).isEqualTo("2026-10,dvcqg-2026," + unit + ",,,,,,");
        assertThat(h[3]).startsWith("2026-11,dvcqg-2026," + unit + ",87.25,100,TOT,2026-11-29T03:01Z,18.50,6");
    }

    @Test
    void theStreamDeliversACommittedScoreChangeToItsClients() throws Exception {
        await().atMost(WAIT).until(listener::listening);
        String unit = Events.uniquePrefix();
        String other = Events.uniquePrefix();
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/public/v1/stream?unit=" + unit);
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) lines.add(line);
            } catch (Exception e) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(lines.poll(10, TimeUnit.SECONDS)).as("the comment that opens the stream").startsWith(":");

            Events.sendScore(other, "2026-11", 1, "50", "TRUNG_BINH"); // another unit: filtered out
            Events.sendScore(unit, "2026-11", 1, "77.5", "KHA");
            String data = null;
            String event = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (data == null && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) continue;
                if (line.startsWith("event:")) event = line.substring(6).trim();
                if (line.startsWith("data:")) data = line.substring(5).trim();
            }
            assertThat(event).isEqualTo("score");
            assertThat(data).as("a score event within %s", WAIT).isNotNull();
            JsonNode change = new com.fasterxml.jackson.databind.ObjectMapper().readTree(data);
            assertThat(change.get("unitCode").asText()).isEqualTo(unit);
            assertThat(change.get("period").asText()).isEqualTo("2026-11");
            assertThat(change.get("ruleSet").asText()).isEqualTo("dvcqg-2026");
            assertThat(change.get("total").decimalValue()).isEqualByComparingTo("77.5");
            assertThat(change.get("band").asText()).isEqualTo("KHA");
            assertThat(change.get("version").asLong()).isEqualTo(1);
            // the change is committed when announced: the scorecard shows it
            assertThat(Api.scorecard(unit, "2026-11").statusCode()).isEqualTo(200);
            assertThat(List.copyOf(lines)).noneMatch(l -> l.contains(other));
        } finally {
            response.body().close();
        }
    }
}
