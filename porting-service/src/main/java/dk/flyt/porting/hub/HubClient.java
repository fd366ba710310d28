package dk.flyt.porting.hub;

import dk.flyt.contracts.hub.HubMessage;
import java.util.Optional;

/** The way out to the porting hub. The HTTP adapter is the real one; tests point it at the hub simulator. */
public interface HubClient {
    /** Delivers one message; returns normally once the hub acknowledged it. */
    void send(HubMessage message) throws HubUnavailable, HubRefused;

    /**
     * The operator that holds {@code number} today, from the hub's number register; empty when the hub does not know
     * the number. A port-in's donor is fixed from this before the request leaves.
     */
    Optional<String> holderOf(String number) throws HubUnavailable, HubRefused;

    /** The hub could not be reached or failed (5xx, or no token could be had): try again later. */
    class HubUnavailable extends Exception {
        public HubUnavailable(String message) {
            super(message);
        }
    }

    /** The hub refused the message (4xx): sending it again will not help. */
    class HubRefused extends Exception {
        public HubRefused(String message) {
            super(message);
        }
    }
}
