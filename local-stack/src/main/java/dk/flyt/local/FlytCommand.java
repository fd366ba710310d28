package dk.flyt.local;

import java.nio.file.Path;
import java.util.Arrays;

/** {@code bin/flyt clock ...} and {@code bin/flyt token ...}, against the running local stack. */
public final class FlytCommand {
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Path repository = Path.of("").toAbsolutePath();
        switch (args[0]) {
            case "token" -> {
                if (args.length != 2) {
                    usage();
                    return;
                }
                System.out.println(new StackClient(repository.resolve(".flyt")).tokens.token(args[1]));
            }
            case "clock" -> {
                StackClient stack = new StackClient(repository.resolve(".flyt"));
                if (args.length == 1) {
                    System.out.println(stack.get(ServiceSettings.SUBSCRIPTION, "/api/v1/clock", "clock-admin"));
                } else if (args.length == 3 && ("set".equals(args[1]) || "advance".equals(args[1]))) {
                    System.out.println("all services now at "
                            + stack.clock(args[1], args[2]).get("now").asText());
                } else {
                    usage();
                }
            }
            case "demo" -> Demo.main(Arrays.copyOfRange(args, 1, args.length));
            default -> usage();
        }
    }

    private static void usage() {
        System.out.println("""
                bin/flyt run [--wipe]            start the local stack (Ctrl-C stops it; --wipe starts empty)
                bin/flyt demo                    an order with a port-in, through to the first charge
                bin/flyt clock                   the business time now
                bin/flyt clock set <instant>     e.g. 2026-12-01T02:00:00Z, on every service
                bin/flyt clock advance <dur>     e.g. P1D or PT2H, on every service
                bin/flyt token <who>             webshop, logistics, billing-admin, network, clock-admin,
                                                 agent, karen, lars, operator-TELIA""");
    }

    private FlytCommand() {}
}
