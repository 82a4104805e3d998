package dvc766.e2e;

import static dvc766.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dvc766.e2e.Api.Identity;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public portal in a real browser (headless Chromium driven by Selenium), through the gateway of the e2e stack:
 * it reads a ranking, opens a unit's scorecard, changes the period, and shows a dossier's effect live (server-sent
 * events) without a reload. Screenshots are kept in {@code e2e/target/screenshots}.
 */
@ExtendWith(Platform.class)
@Order(5)
class PortalBrowserIT {

    private static final Path SCREENSHOTS = Platform.REPO.resolve("e2e/target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void openBrowser() throws IOException {
        Fixtures.ensureProvince();
        // the district must have a score in the current month and quarter before the page is opened
        String period = Fixtures.currentPeriod();
        postDossier();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Api.onTimeProcessing(Fixtures.DISTRICT, period).isEmpty() && System.nanoTime() < deadline) {
            Api.sleep(Duration.ofMillis(100));
        }
        assertThat(Api.onTimeProcessing(Fixtures.DISTRICT, period)).as("scorecard of %s for %s", Fixtures.DISTRICT, period).isPresent();

        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("dvc766-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600", "--lang=vi-VN", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        // the Debian chromedriver, named explicitly: Selenium Manager downloads nothing
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(WAIT);
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void readsARankingOpensAUnitChangesThePeriodAndSeesALiveUpdate() {
        String period = Fixtures.currentPeriod();
        browser.get(Platform.gateway() + "/");
        waitFor("the page to load its data", () -> "true".equals(bodyAttribute("data-ready")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(browser.getTitle()).contains("Chỉ số phục vụ người dân, doanh nghiệp");

        // a ranking: the district is listed, ranked, with its total
        By districtRow = By.cssSelector("#xep-hang-DISTRICT tbody tr[data-unit='" + Fixtures.DISTRICT + "']");
        waitFor("the district ranking to list " + Fixtures.DISTRICT, () -> !browser.findElements(districtRow).isEmpty());
        WebElement row = browser.findElement(districtRow);
        assertThat(row.findElement(By.cssSelector("td.rank")).getText()).isEqualTo("1");
        assertThat(row.findElement(By.cssSelector("th button")).getText()).isEqualTo("Thành phố Thanh Hóa");
        double total = Double.parseDouble(row.findElement(By.cssSelector("td.total")).getAttribute("data-total"));
        assertThat(total).isBetween(0.0, 100.0);
        assertThat(browser.findElement(By.cssSelector("#xep-hang-DISTRICT caption")).getText())
                .contains("Cấp huyện").contains(monthLabel(period));
        assertThat(browser.findElement(By.cssSelector("#xep-hang-DISTRICT a.button[href*='format=csv']")).getAttribute("href"))
                .contains("/public/v1/rankings?").contains("period=" + period).contains("level=DISTRICT");
        // the province's summary with its six groups
        waitFor("the province's summary", () -> !browser.findElements(By.id("tong-diem-tinh")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#tong-quan table.groups tbody tr"))).hasSize(6);
        screenshot("1-ranking");

        // open the unit: its scorecard shows every indicator with numerator and denominator
        row.findElement(By.cssSelector("th button")).click();
        waitFor("the scorecard of " + Fixtures.DISTRICT, () -> browser.findElement(By.id("bang-diem")).isDisplayed()
                && !browser.findElements(By.cssSelector("#chi-tieu tr[data-indicator='ON_TIME_PROCESSING']")).isEmpty());
        assertThat(browser.findElement(By.id("bang-diem-tieu-de")).getText()).contains("Thành phố Thanh Hóa");
        int denominator = onTimeDenominator();
        assertThat(denominator).isGreaterThanOrEqualTo(1);
        assertThat(browser.findElements(By.cssSelector("#chi-tieu tbody tr")).size()).isGreaterThanOrEqualTo(10);
        waitFor("the trend chart", () -> !browser.findElements(By.cssSelector("#xu-huong svg circle")).isEmpty());
        screenshot("2-scorecard");

        // change the period: quarters; the ranking, the scorecard and the chart follow
        new Select(browser.findElement(By.id("ky-loai"))).selectByValue("quarter");
        String quarter = quarterLabel(period);
        waitFor("the quarter's ranking", () -> browser.findElement(By.cssSelector("#xep-hang-DISTRICT caption")).getText()
                .contains(quarter) && !browser.findElements(districtRow).isEmpty());
        waitFor("the quarter's scorecard", () -> browser.findElement(By.id("bang-diem-tieu-de")).getText().contains(quarter));
        assertThat(browser.findElement(By.cssSelector("#xep-hang-DISTRICT a.button[href*='format=xlsx']")).getAttribute("href"))
                .contains("period=" + currentQuarterKey(period));
        screenshot("3-quarter");

        // back to the month, then a dossier arrives: the open scorecard changes by itself
        new Select(browser.findElement(By.id("ky-loai"))).selectByValue("month");
        waitFor("the month's scorecard", () -> browser.findElement(By.id("bang-diem-tieu-de")).getText().contains(monthLabel(period))
                && !browser.findElements(By.cssSelector("#chi-tieu tr[data-indicator='ON_TIME_PROCESSING']")).isEmpty());
        waitFor("the live stream to be connected", () -> "open".equals(bodyAttribute("data-live")));
        int before = onTimeDenominator();
        long posted = System.nanoTime();
        postDossier();
        waitFor("the scorecard on the page to count the new dossier (" + (before + 1) + ")", () -> onTimeDenominator() == before + 1);
        System.out.printf("[e2e] portal showed the new dossier %d ms after the write's answer, without a reload%n",
                (System.nanoTime() - posted) / 1_000_000);
        assertThat(browser.findElement(By.id("trang-thai")).getText()).contains("Cập nhật trực tiếp");
        screenshot("4-live-update");

        List<String> severe = browser.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(Object::toString)
                // a 404 is the API's "no score" answer, which the page shows as "Chưa có dữ liệu"
                .filter(s -> !s.contains("status of 404"))
                .collect(Collectors.toList());
        assertThat(severe).as("errors in the browser console (CSP violations, failed requests)").isEmpty();
    }

    private static void postDossier() {
        Response put = as(Identity.AGENCY).body(Fixtures.onTimeDossier(Fixtures.DISTRICT))
                .put("/api/v1/dossiers/{code}", Fixtures.newDossierCode());
        assertThat(put.statusCode()).as("PUT dossier: %s", put.asString()).isEqualTo(201);
    }

    private static int onTimeDenominator() {
        List<WebElement> cells = browser.findElements(
                By.cssSelector("#chi-tieu tr[data-indicator='ON_TIME_PROCESSING'] td.denominator"));
        if (cells.isEmpty()) {
            return -1;
        }
        try {
            return (int) Double.parseDouble(cells.get(0).getAttribute("data-value"));
        } catch (RuntimeException stale) {
            return -1; // the table was being redrawn
        }
    }

    private static String bodyAttribute(String name) {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.body.getAttribute(arguments[0]);", name);
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofMillis(100)).withMessage(what)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until((WebDriver d) -> condition.getAsBoolean());
        } catch (RuntimeException e) {
            screenshot("failed");
            throw e;
        }
    }

    private static void screenshot(String name) {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(SCREENSHOTS.resolve("portal-" + name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "tháng 11/2026", as the page writes a month. */
    private static String monthLabel(String month) {
        LocalDate d = LocalDate.parse(month + "-01");
        return "tháng " + d.getMonthValue() + "/" + d.getYear();
    }

    private static String quarterLabel(String month) {
        LocalDate d = LocalDate.parse(month + "-01");
        return "quý " + ((d.getMonthValue() - 1) / 3 + 1) + "/" + d.getYear();
    }

    private static String currentQuarterKey(String month) {
        LocalDate d = LocalDate.parse(month + "-01");
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }
}
