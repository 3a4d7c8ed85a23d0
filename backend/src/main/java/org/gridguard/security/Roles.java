package org.gridguard.security;

import java.util.List;

/** The realm roles of ARCHITECTURE.md's role table. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String SUPERVISOR = "supervisor";
    public static final String LEADER = "grid-leader";
    public static final String WORKER = "grid-worker";
    public static final String LAB = "lab";
    public static final String AGENCY = "agency";
    /** Staff of a central isolation site: assigned to a site (a checkpoint), not to an area (ADR 0032). */
    public static final String SITE_STAFF = "site-staff";
    /** A member of a street's inspection team (督查组): inspects the places of their area (issue 19). */
    public static final String INSPECTOR = "inspector";

    /** Roles whose jurisdiction is a set of area nodes, most senior first. */
    public static final List<String> AREA_ROLES = List.of(SUPERVISOR, INSPECTOR, LEADER, WORKER, AGENCY);

    private Roles() {
    }
}
