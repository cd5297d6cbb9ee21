package dev.signet.it.smoke.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The smallest Jakarta REST application: every resource in the WAR, under /api. */
@ApplicationPath("/api")
public class SmokeApplication extends Application {
}
