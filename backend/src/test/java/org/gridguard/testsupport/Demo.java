package org.gridguard.testsupport;

import java.util.UUID;

import org.gridguard.demo.DemoLoader;

/** Ids of the demo community the test profile loads (seed 20220405). */
public final class Demo {
    public static final long SEED = 20220405L;
    public static final UUID COMMUNITY = id("BH-C001");
    public static final UUID ZONE1 = id("BH-C001-Z1");
    public static final UUID ZONE2 = id("BH-C001-Z2");
    /** worker1's cell, in leader1's zone */
    public static final UUID CELL1 = id("BH-C001-G01");
    /** worker2's cell, in leader2's zone */
    public static final UUID CELL5 = id("BH-C001-G05");
    public static final UUID COMPOUND1 = id("BH-C001-XQ01");
    public static final UUID COMPOUND5 = id("BH-C001-XQ05");

    private Demo() {
    }

    public static UUID id(String code) {
        return DemoLoader.idOf(SEED, code);
    }
}
