package dk.flyt.porting.hub;

import dk.flyt.contracts.hub.HubMessage;

/** The way out to the porting hub. The HTTP adapter is the real one; tests point it at the hub simulator. */
public interface HubClient {
    /** Delivers one message; returns normally once the hub acknowledged it. */
    void send(HubMessage message) throws HubUnavailable, HubRefused;

    /** The hub could not be reached or failed (5xx): try again later. */
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
