package dk.flyt.porting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.porting.PortingCommands;
import dk.flyt.messaging.inbox.InboxProcessor;
import dk.flyt.porting.application.NumberRegistry;
import dk.flyt.porting.application.PortInRequests;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Commands from the order saga on {@code porting.commands}, each applied once. */
@ApplicationScoped
public class PortingCommandConsumer {
    private static final Logger LOG = Logger.getLogger(PortingCommandConsumer.class);

    private final InboxProcessor processor;
    private final PortInRequests portIns;
    private final NumberRegistry numbers;
    private final ObjectMapper json;

    public PortingCommandConsumer(
            InboxProcessor processor, PortInRequests portIns, NumberRegistry numbers, ObjectMapper json) {
        this.processor = processor;
        this.portIns = portIns;
        this.numbers = numbers;
        this.json = json;
    }

    @Incoming("porting-commands")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processor.process("porting-service.commands", message, event -> {
            switch (String.valueOf(event.type())) {
                case "RequestPortIn" ->
                    portIns.request(json.readValue(event.payload(), PortingCommands.RequestPortIn.class));
                case "CancelPortIn" ->
                    portIns.cancel(json.readValue(event.payload(), PortingCommands.CancelPortIn.class));
                case "OpenPortOutWindow" ->
                    numbers.openWindow(json.readValue(event.payload(), PortingCommands.OpenPortOutWindow.class));
                default -> LOG.warnf("Unknown command type %s (%s) ignored", event.type(), event.id());
            }
        });
    }
}
