package dvc766.datagen;

import static dvc766.common.calendar.LegalTimeUnit.DAYS;
import static dvc766.common.calendar.LegalTimeUnit.HOURS;
import static dvc766.common.calendar.LegalTimeUnit.MONTHS;
import static dvc766.common.calendar.LegalTimeUnit.WORKING_DAYS;

import dvc766.common.calendar.LegalTimeUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo TTHC catalogue: 60 procedures with real-sounding names, fields, legal times and fees (the figures are
 * plausible, not authoritative). Each is implemented by one department, by every district or by every commune.
 * Codes ({@code DEMO.SXD.01}, {@code DEMO.HUYEN.01}, {@code DEMO.XA.01}) are made up on purpose.
 */
public final class ProcedureCatalog {

    /** Scope value for procedures implemented by every district. */
    public static final String DISTRICTS = "HUYEN";
    /** Scope value for procedures implemented by every commune. */
    public static final String COMMUNES = "XA";

    /**
     * One procedure of the catalogue before its seeded attributes are drawn.
     *
     * @param code        the procedure code
     * @param scope       a department's code ({@code 38.SXD}), {@link #DISTRICTS} or {@link #COMMUNES}
     * @param fee         the fee or charge in VND for one dossier (0: none)
     * @param onlineable  whether it can be offered online at all
     * @param weight      relative dossier volume among the procedures of the same implementing unit
     */
    public record Template(String code, String scope, String name, String field, int amount, LegalTimeUnit unit,
                           Set<ApplicantType> applicants, long fee, boolean paperResult, boolean onlineable,
                           double weight) {

        public UnitLevel level() {
            return switch (scope) {
                case DISTRICTS -> UnitLevel.DISTRICT;
                case COMMUNES -> UnitLevel.COMMUNE;
                default -> UnitLevel.DEPARTMENT;
            };
        }
    }

    private static final Set<ApplicantType> C = Set.of(ApplicantType.CITIZEN);
    private static final Set<ApplicantType> O = Set.of(ApplicantType.ORGANIZATION);
    private static final Set<ApplicantType> CO = Set.of(ApplicantType.CITIZEN, ApplicantType.ORGANIZATION);

    private ProcedureCatalog() {}

    /** The templates in a fixed order. */
    public static List<Template> templates() {
        Builder b = new Builder();
        b.add("38.VP", "Tiếp công dân tại Trụ sở Tiếp công dân tỉnh", "Tiếp công dân", 10, WORKING_DAYS, CO, 0, false, false, 1);

        b.add("38.SNV", "Công nhận ban vận động thành lập hội", "Tổ chức phi chính phủ", 30, DAYS, CO, 0, true, true, 0.5);
        b.add("38.SNV", "Thẩm định hồ sơ đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Thi đua, khen thưởng", 20, WORKING_DAYS, O, 0, true, true, 2);

        b.add("38.STP", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", "Lý lịch tư pháp", 10, WORKING_DAYS, C, 200_000, true, true, 6);
        b.add("38.STP", "Đăng ký hoạt động Văn phòng công chứng", "Công chứng", 10, WORKING_DAYS, O, 1_000_000, true, true, 0.3);
        b.add("38.STP", "Cấp Thẻ công chứng viên", "Công chứng", 10, WORKING_DAYS, C, 0, true, true, 0.3);

        b.add("38.SKHDT", "Đăng ký thành lập doanh nghiệp tư nhân", "Thành lập và hoạt động của doanh nghiệp", 3, WORKING_DAYS, C, 50_000, true, true, 3);
        b.add("38.SKHDT", "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên", "Thành lập và hoạt động của doanh nghiệp", 3, WORKING_DAYS, CO, 50_000, true, true, 3);
        b.add("38.SKHDT", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "Thành lập và hoạt động của doanh nghiệp", 3, WORKING_DAYS, O, 50_000, true, true, 4);

        b.add("38.STC", "Đăng ký mã số đơn vị có quan hệ với ngân sách", "Tin học - Thống kê", 2, WORKING_DAYS, O, 0, true, true, 1);

        b.add("38.SCT", "Cấp giấy phép bán buôn sản phẩm rượu", "Lưu thông hàng hóa trong nước", 15, WORKING_DAYS, O, 1_200_000, true, true, 0.5);
        b.add("38.SCT", "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm thuộc thẩm quyền của Sở Công Thương", "An toàn thực phẩm", 15, WORKING_DAYS, CO, 1_000_000, true, true, 1);

        b.add("38.SNNPTNT", "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản", "Quản lý chất lượng nông lâm sản và thủy sản", 15, WORKING_DAYS, CO, 700_000, true, true, 1);
        b.add("38.SNNPTNT", "Cấp giấy phép khai thác thủy sản", "Thủy sản", 6, WORKING_DAYS, CO, 40_000, true, true, 2);

        b.add("38.SGTVT", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", "Đường bộ", 5, WORKING_DAYS, C, 135_000, true, true, 10);
        b.add("38.SGTVT", "Cấp giấy phép kinh doanh vận tải bằng xe ô tô", "Đường bộ", 5, WORKING_DAYS, CO, 200_000, true, true, 1.5);
        b.add("38.SGTVT", "Cấp phù hiệu xe ô tô kinh doanh vận tải", "Đường bộ", 2, WORKING_DAYS, CO, 0, true, true, 2);

        b.add("38.SXD", "Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II", "Hoạt động xây dựng", 20, DAYS, O, 150_000, true, true, 1);
        b.add("38.SXD", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", "Hoạt động xây dựng", 20, WORKING_DAYS, C, 300_000, true, true, 1.5);

        b.add("38.STNMT", "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất cho tổ chức", "Đất đai", 30, DAYS, O, 100_000, true, true, 2);
        b.add("38.STNMT", "Cấp giấy phép khai thác, sử dụng nước dưới đất", "Tài nguyên nước", 30, WORKING_DAYS, CO, 400_000, true, true, 0.4);
        b.add("38.STNMT", "Cấp giấy phép thăm dò khoáng sản", "Địa chất và khoáng sản", 3, MONTHS, O, 4_000_000, true, false, 0.2);

        b.add("38.STTTT", "Cấp giấy phép xuất bản bản tin", "Báo chí", 15, WORKING_DAYS, O, 0, true, true, 0.3);
        b.add("38.STTTT", "Cấp giấy phép hoạt động in", "Xuất bản, In và Phát hành", 10, WORKING_DAYS, O, 0, true, true, 0.3);

        b.add("38.SLDTBXH", "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", "Việc làm", 5, WORKING_DAYS, O, 600_000, true, true, 1);
        b.add("38.SLDTBXH", "Giải quyết hưởng trợ cấp thất nghiệp", "Việc làm", 20, WORKING_DAYS, C, 0, true, true, 5);

        b.add("38.SVHTTDL", "Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa", "Lữ hành", 10, WORKING_DAYS, O, 3_000_000, true, true, 0.3);
        b.add("38.SVHTTDL", "Công nhận hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao, 3 sao", "Du lịch", 30, DAYS, O, 1_500_000, true, true, 0.3);

        b.add("38.SKHCN", "Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ", "Hoạt động khoa học và công nghệ", 15, WORKING_DAYS, O, 0, true, true, 0.3);

        b.add("38.SGDDT", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Văn bằng, chứng chỉ", 24, HOURS, C, 0, true, true, 2);
        b.add("38.SGDDT", "Chuyển trường đối với học sinh trung học phổ thông", "Giáo dục trung học", 3, WORKING_DAYS, C, 0, true, true, 1);

        b.add("38.SYT", "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh đối với người Việt Nam", "Khám bệnh, chữa bệnh", 20, WORKING_DAYS, C, 360_000, true, true, 1);
        b.add("38.SYT", "Cấp chứng chỉ hành nghề dược", "Dược phẩm", 20, WORKING_DAYS, C, 500_000, true, true, 1);

        b.add("38.SNGV", "Cho phép tổ chức hội nghị, hội thảo quốc tế thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân tỉnh", "Hội nghị, hội thảo quốc tế", 15, WORKING_DAYS, O, 0, true, true, 0.2);

        b.add("38.TTR", "Giải quyết khiếu nại lần hai tại cấp tỉnh", "Giải quyết khiếu nại", 45, DAYS, CO, 0, true, false, 0.4);

        b.add("38.BDT", "Công nhận người có uy tín trong đồng bào dân tộc thiểu số", "Công tác dân tộc", 10, WORKING_DAYS, C, 0, true, false, 0.2);

        b.add("38.BQLKKT", "Cấp giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư", "Đầu tư tại Việt Nam", 15, DAYS, O, 0, true, true, 0.4);

        b.add(DISTRICTS, "Cấp giấy phép xây dựng đối với công trình, nhà ở riêng lẻ", "Hoạt động xây dựng", 15, DAYS, C, 75_000, true, true, 6);
        b.add(DISTRICTS, "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", 3, WORKING_DAYS, C, 100_000, true, true, 6);
        b.add(DISTRICTS, "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", 3, WORKING_DAYS, C, 100_000, true, true, 3);
        b.add(DISTRICTS, "Đăng ký đất đai, tài sản gắn liền với đất, cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai", 20, WORKING_DAYS, C, 100_000, true, true, 8);
        b.add(DISTRICTS, "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "Đất đai", 10, WORKING_DAYS, CO, 50_000, true, true, 10);
        b.add(DISTRICTS, "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp", "Chứng thực", 8, HOURS, C, 10_000, true, true, 2);
        b.add(DISTRICTS, "Đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch", 3, WORKING_DAYS, C, 75_000, true, true, 0.5);
        b.add(DISTRICTS, "Chuyển trường đối với học sinh trung học cơ sở", "Giáo dục trung học", 3, WORKING_DAYS, C, 0, true, true, 1.5);
        b.add(DISTRICTS, "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", "Bảo trợ xã hội", 10, WORKING_DAYS, C, 0, true, true, 3);
        b.add(DISTRICTS, "Cấp giấy phép bán lẻ sản phẩm rượu", "Lưu thông hàng hóa trong nước", 10, WORKING_DAYS, CO, 200_000, true, true, 1);
        b.add(DISTRICTS, "Cấp giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", "Văn hóa", 5, WORKING_DAYS, CO, 4_000_000, true, true, 0.5);

        b.add(COMMUNES, "Đăng ký khai sinh", "Hộ tịch", 1, WORKING_DAYS, C, 0, true, true, 10);
        b.add(COMMUNES, "Đăng ký kết hôn", "Hộ tịch", 1, WORKING_DAYS, C, 0, true, true, 4);
        b.add(COMMUNES, "Đăng ký khai tử", "Hộ tịch", 1, WORKING_DAYS, C, 0, true, true, 4);
        b.add(COMMUNES, "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp", "Chứng thực", 8, HOURS, C, 6_000, true, true, 20);
        b.add(COMMUNES, "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", 8, HOURS, C, 10_000, true, true, 6);
        b.add(COMMUNES, "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở", "Chứng thực", 2, WORKING_DAYS, C, 50_000, true, true, 4);
        b.add(COMMUNES, "Cấp bản sao trích lục hộ tịch", "Hộ tịch", 4, HOURS, C, 8_000, true, true, 5);
        b.add(COMMUNES, "Cấp giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, WORKING_DAYS, C, 0, true, true, 5);
        b.add(COMMUNES, "Đăng ký nhận cha, mẹ, con", "Hộ tịch", 3, WORKING_DAYS, C, 0, true, true, 0.5);
        b.add(COMMUNES, "Thay đổi, cải chính, bổ sung thông tin hộ tịch", "Hộ tịch", 3, WORKING_DAYS, C, 15_000, true, true, 1.5);
        b.add(COMMUNES, "Hòa giải tranh chấp đất đai", "Đất đai", 45, DAYS, C, 0, true, false, 0.5);
        b.add(COMMUNES, "Giải quyết trợ cấp mai táng phí đối với người có công với cách mạng", "Người có công", 5, WORKING_DAYS, C, 0, true, true, 0.8);
        return b.list;
    }

    private static final class Builder {
        final List<Template> list = new ArrayList<>();
        final Map<String, Integer> counters = new LinkedHashMap<>();

        void add(String scope, String name, String field, int amount, LegalTimeUnit unit, Set<ApplicantType> applicants,
                 long fee, boolean paperResult, boolean onlineable, double weight) {
            int n = counters.merge(scope, 1, Integer::sum);
            String tag = scope.startsWith("38.") ? scope.substring(3) : scope;
            list.add(new Template("DEMO." + tag + "." + String.format("%02d", n), scope, name, field, amount, unit,
                    applicants, fee, paperResult, onlineable, weight));
        }
    }
}
