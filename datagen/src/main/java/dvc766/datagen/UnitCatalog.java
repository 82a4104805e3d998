package dvc766.datagen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Thanh Hóa's real units (province, departments, service centre, 27 districts; resource
 * {@code thanh-hoa-units-2022.csv}, copied from the project's reference data) and the made-up communes under
 * each district.
 */
public final class UnitCatalog {

    public static final String RESOURCE = "thanh-hoa-units-2022.csv";

    /** One row of the reference CSV. */
    public record Row(String code, String name, UnitLevel level, String parentCode) {}

    private UnitCatalog() {}

    /** The real units, in file order (parents before children). */
    public static List<Row> realUnits() {
        try (InputStream in = UnitCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            Objects.requireNonNull(in, "missing resource " + RESOURCE);
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> parse(BufferedReader reader) throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (header) {
                header = false;
                if (!line.startsWith("code,")) throw new IllegalStateException("unexpected CSV header: " + line);
                continue;
            }
            List<String> f = splitCsv(line);
            if (f.size() != 4) throw new IllegalStateException("expected 4 fields: " + line);
            String name = Normalizer.normalize(f.get(1).strip(), Normalizer.Form.NFC);
            String parent = f.get(3).isBlank() ? null : f.get(3).strip();
            rows.add(new Row(f.get(0).strip(), name, UnitLevel.valueOf(f.get(2).strip()), parent));
        }
        return rows;
    }

    /** RFC 4180 fields of one line (quotes, doubled quotes inside quotes). */
    static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Code of the i-th (1-based) made-up commune of a district: {@code 405.D01}. */
    public static String communeCode(String districtCode, int i) {
        return districtCode + ".D" + String.format("%02d", i);
    }

    /**
     * Name of the i-th made-up commune of a district, labelled so that nobody takes it for a real one:
     * "Xã Mẫu 01 — Huyện Đông Sơn (giả lập)"; wards (phường) under cities and towns.
     */
    public static String communeName(String districtName, int i) {
        boolean urban = districtName.startsWith("Thành phố") || districtName.startsWith("Thị xã");
        String kind = urban ? "Phường" : "Xã";
        return Normalizer.normalize(kind + " Mẫu " + String.format("%02d", i) + " — " + districtName + " "
                + Unit.MADE_UP_LABEL, Normalizer.Form.NFC);
    }
}
