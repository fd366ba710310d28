package dk.flyt.hubsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator as Flyt's porting service meets it: one hub, behaving as the real one does. */
class HubSimulatorTest {
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final List<String> atFlyt = new CopyOnWriteArrayList<>();
    private HttpServer flyt;
    private HubSimulator hub;

    @BeforeEach
    void start() throws IOException {
        flyt = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        flyt.createContext("/", exchange -> {
            try (exchange) {
                atFlyt.add(
                        new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(202, -1);
            }
        });
        flyt.start();
        hub = new HubSimulator(
                        URI.create("http://127.0.0.1:" + flyt.getAddress().getPort()), op -> "token", "FLYT")
                .start(0);
    }

    @AfterEach
    void stop() {
        hub.close();
        flyt.stop(0);
    }

    @Test
    void aMessageSentAgainWithItsIdIsTakenOnceAndAcknowledgedAsADuplicate() throws Exception {
        HubMessage request = hub.message(
                HubMessageKind.PORTING_REQUEST,
                "FLYT",
                "TDC",
                "FLYT-dossier-1",
                "+4520000001",
                "8945000000000000001",
                LocalDate.now().plusDays(7),
                null,
                null,
                "FLYT");
        HttpResponse<String> first = post(request);
        HttpResponse<String> again = post(request);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).contains("\"duplicate\":false");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("\"duplicate\":true");
        assertThat(hub.received()).as("both deliveries are seen").hasSize(2);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (atFlyt.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        assertThat(atFlyt).as("the donor answers the request once").hasSize(1);
        assertThat(atFlyt.getFirst()).contains("PORTING_ANSWER");
    }

    private HttpResponse<String> post(HubMessage m) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(hub.url() + "/messages"))
                                .header("Authorization", "Bearer flyt")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(m)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
