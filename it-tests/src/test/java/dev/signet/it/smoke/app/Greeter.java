package dev.signet.it.smoke.app;

import jakarta.enterprise.context.ApplicationScoped;

/** A CDI bean, so that the smoke test fails if the WAR's beans.xml or the server's CDI wiring is wrong. */
@ApplicationScoped
public class Greeter {

    public String greet(String name) {
        return "hello, " + name;
    }
}
