package dvc766.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenLoadTest {

    @Test
    void sendsAtTheRateAndTheFloorAnswersBodiesOfTheAskedSize() throws Exception {
        try (FloorServer floor = FloorServer.start(0)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + floor.port() + "/floor/bytes?n=1234");
            HttpResponse<String> one = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(one.statusCode()).isEqualTo(200);
            assertThat(one.body()).hasSize(1234).startsWith("\"").endsWith("\"");
            HttpResponse<String> echo = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + floor.port() + "/floor/x"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(echo.body()).isEqualTo("{\"received\":7}");

            Stats s = OpenLoad.run(client, i -> HttpRequest.newBuilder(uri).build(), 100, Duration.ofMillis(200),
                    Duration.ofSeconds(1), Duration.ofSeconds(5));
            assertThat(s.count()).isEqualTo(100);
            assertThat(s.errors()).isZero();
            assertThat(s.p50()).isPositive();
        }
    }

    @Test
    void aStalledServerShowsInTheRequestsThatShouldHaveGoneOutMeanwhile() throws Exception {
        // a server that answers nothing for the first 300 ms: with latency counted from the intended send time,
        // the requests due during the stall carry it (a closed loop would have sent only one and hidden it)
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 50);
        long[] until = {Long.MIN_VALUE};
        server.createContext("/", ex -> {
            long wait = until[0] - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(64));
        server.start();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            Stats[] result = new Stats[1];
            Thread t = new Thread(() -> {
                try {
                    result[0] = OpenLoad.run(client, i -> {
                        if (i == 0 && until[0] == Long.MIN_VALUE) until[0] = System.nanoTime() + 300_000_000L;
                        return HttpRequest.newBuilder(uri).build();
                    }, 50, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            t.join();
            Stats s = result[0];
            assertThat(s.count()).isEqualTo(50);
            assertThat(s.maxMs()).isGreaterThanOrEqualTo(280);
            // about 15 of the 50 were due during the stall
            assertThat(s.percentileMs(80)).isGreaterThan(30);
        } finally {
            server.stop(0);
        }
    }
}
