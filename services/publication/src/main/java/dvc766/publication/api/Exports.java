package dvc766.publication.api;

import dvc766.kit.problem.FieldError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The CSV and XLSX forms of the public answers: chosen by {@code ?format=} or else by {@code Accept}; the title
 * (first lines), the columns {@code period} and {@code ruleSet}, and the file name all state the period and the rule set.
 */
final class Exports {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    enum Format {
        JSON(MediaType.APPLICATION_JSON, null), CSV(Exports.CSV, "csv"), XLSX(Exports.XLSX, "xlsx");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    /** A table to export: a title line, column names, and rows of text, numbers (BigDecimal, Integer) or nulls. */
    record Table(String sheet, String title, List<String> columns, List<List<Object>> rows) {}

    private Exports() {}

    /** {@code ?format=} wins; else the first acceptable media type this API can write; JSON by default. */
    static Format negotiate(String format, HttpHeaders headers, List<FieldError> errors) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "csv" -> Format.CSV;
                case "xlsx" -> Format.XLSX;
                default -> {
                    errors.add(new FieldError("format", "enum", "format must be one of json, csv, xlsx"));
                    yield Format.JSON;
                }
            };
        }
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isWildcardType()) return Format.JSON;
            String t = m.getType() + "/" + m.getSubtype();
            if (t.equalsIgnoreCase(CSV)) return Format.CSV;
            if (t.equalsIgnoreCase(XLSX)) return Format.XLSX;
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) return Format.JSON;
        }
        return Format.JSON;
    }

    /** The file answer, with its own ETag (per format) and a file name that names what it holds. */
    static Response file(Table table, Format format, String baseName, String etag) {
        byte[] bytes = format == Format.CSV ? csv(table) : xlsx(table);
        String fileName = safe(baseName) + "." + format.extension;
        return Response.ok(bytes, format == Format.CSV ? CSV + "; charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("ETag", etag)
                .header("Vary", "Accept")
                .header("Cache-Control", Etags.CACHE_CONTROL)
                .build();
    }

    /** The representation's tag: the data's tag, told apart per format (a 304 must match the form asked for). */
    static String etag(String dataTag, Format format) {
        return Etags.weak(format == Format.JSON ? dataTag : dataTag + "-" + format.extension);
    }

    /** File names keep to letters, digits, '.', '_' and '-' (codes such as 38.SNV stay readable). */
    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /**
     * RFC 4180 with CRLF, UTF-8 with a byte-order mark (so spreadsheet programs read the Vietnamese names right). The
     * first line is the title as a one-cell row; text that a spreadsheet would take for a formula gets a leading quote.
     */
    static byte[] csv(Table t) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, List.of(t.title()));
        line(out, List.copyOf(t.columns()));
        for (List<Object> row : t.rows()) line(out, row);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof BigDecimal d) return d.toPlainString();
        if (v instanceof Number n) return n.toString();
        String s = v.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** One sheet: the title in bold on the first row, the column names on the third, then the rows; numbers as numbers. */
    static byte[] xlsx(Table t) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(t.sheet()));
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle strong = wb.createCellStyle();
            strong.setFont(bold);
            Cell title = sheet.createRow(0).createCell(0);
            title.setCellValue(t.title());
            title.setCellStyle(strong);
            Row head = sheet.createRow(2);
            for (int i = 0; i < t.columns().size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(t.columns().get(i));
                c.setCellStyle(strong);
            }
            int r = 3;
            for (List<Object> values : t.rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) continue;
                    Cell c = row.createCell(i);
                    if (v instanceof Number n) c.setCellValue(n.doubleValue());
                    else c.setCellValue(v.toString());
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
