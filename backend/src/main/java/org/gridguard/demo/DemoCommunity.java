package org.gridguard.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic demo city, sized like the field reports: each community like the Chenzhou one
 * (16 compounds: 11 unmanaged, 4 unit courtyards, 1 managed; 8 checkpoints, 3 watched 24 h), split into
 * 4 zones of 4 grid cells. The same seed always gives the same ids, codes and names.
 */
public final class DemoCommunity {

    public record Node(UUID id, String kind, String code, String name, UUID parentId, String path, UUID communityId,
            String compoundType) {
    }

    public record Post(UUID id, String code, String name, String kind, boolean watched24h, UUID guardsNodeId,
            UUID communityId) {
    }

    public record Grant(String principal, String principalType, String role, UUID nodeId) {
    }

    /** Someone on duty (值班人员): unit, skills, party membership, availability, home grid cell. */
    public record Person(UUID id, UUID communityId, String username, String name, String unit, List<String> skills,
            boolean partyMember, UUID homeAreaId, List<Integer> daysOff, List<String> hoursOff,
            List<String> preferredKinds) {
    }

    /** How a checkpoint is watched. */
    public record Pattern(UUID id, UUID communityId, UUID checkpointId, String kind, int peopleNeeded,
            Integer nightNeeded, List<String> requiredSkills) {
    }

    public final List<Node> nodes = new ArrayList<>();
    public final List<Post> checkpoints = new ArrayList<>();
    public final List<Grant> assignments = new ArrayList<>();
    public final List<Person> people = new ArrayList<>();
    public final List<Pattern> patterns = new ArrayList<>();

    /** 派出单位 of the people on duty. */
    static final String[] UNITS = { "社区网格员", "街道下沉干部", "市直机关志愿者", "城北派出所", "物业公司", "社区志愿者" };
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";
    public static final int PEOPLE_PER_COMMUNITY = 40;

    static final String[] COMMUNITY_NAMES = { "燕泉社区", "五岭社区", "苏仙社区", "北湖社区", "香花社区", "青年社区",
            "人民社区", "兴隆社区", "东风社区", "骆仙社区" };
    static final String[] ZONE_NAMES = { "第一片区", "第二片区", "第三片区", "第四片区" };
    static final String[] UNMANAGED = { "燕泉小区", "北街老院", "文化路小区", "南塔岭小区", "新华里", "桔井巷小区",
            "五一小区", "青石板街小区", "解放路小区", "飞虹小区", "苏园小区" };
    static final String[] COURTYARDS = { "市供电局家属院", "市一中教职工宿舍", "电信公司大院", "市人民医院家属院" };
    static final String[] MANAGED = { "锦绣华庭" };

    private final long seed;

    private DemoCommunity(long seed) {
        this.seed = seed;
    }

    public UUID id(String code) {
        return UUID.nameUUIDFromBytes((seed + ":" + code).getBytes(StandardCharsets.UTF_8));
    }

    /** Builds {@code communities} communities, ten to a street, under one district. */
    public static DemoCommunity generate(long seed, int communities) {
        DemoCommunity d = new DemoCommunity(seed);
        Random rnd = new Random(seed);
        Node district = d.node("DISTRICT", "BH", "北湖区", null, null, null);
        Node street = null;
        for (int c = 0; c < communities; c++) {
            if (c % 10 == 0) {
                int s = c / 10 + 1;
                street = d.node("STREET", "BH-S" + s, s == 1 ? "人民路街道" : "第" + s + "街道", district, null, null);
            }
            String cc = "BH-C" + String.format("%03d", c + 1);
            String cname = c < COMMUNITY_NAMES.length ? COMMUNITY_NAMES[c] : "社区" + (c + 1);
            Node community = d.node("COMMUNITY", cc, cname, street, null, null);
            List<String> types = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String n : UNMANAGED) {
                types.add("UNMANAGED");
                names.add(n);
            }
            for (String n : COURTYARDS) {
                types.add("UNIT_COURTYARD");
                names.add(n);
            }
            for (String n : MANAGED) {
                types.add("MANAGED");
                names.add(n);
            }
            // shuffle compounds across the cells, deterministically
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, rnd);
            List<Node> compounds = new ArrayList<>();
            for (int z = 0; z < 4; z++) {
                Node zone = d.node("ZONE", cc + "-Z" + (z + 1), ZONE_NAMES[z], community, null, null);
                for (int g = 0; g < 4; g++) {
                    int cell = z * 4 + g + 1;
                    Node gc = d.node("GRID_CELL", cc + "-G" + String.format("%02d", cell), "第" + cell + "网格", zone,
                            null, null);
                    int k = order.get(cell - 1);
                    Node compound = d.node("COMPOUND", cc + "-XQ" + String.format("%02d", cell), names.get(k), gc,
                            types.get(k), null);
                    compounds.add(compound);
                    int buildings = switch (types.get(k)) {
                        case "MANAGED" -> 12;
                        case "UNIT_COURTYARD" -> 4 + rnd.nextInt(3);
                        default -> 3 + rnd.nextInt(6);
                    };
                    for (int b = 1; b <= buildings; b++) {
                        d.node("BUILDING", compound.code() + "-B" + String.format("%02d", b), b + "栋", compound, null,
                                null);
                    }
                }
            }
            // 8 checkpoints: 3 watched around the clock on the community's roads, 5 compound gates by day
            d.post(cc + "-KK1", "迎春路与燕泉路交叉口", "ROAD_JUNCTION", true, community);
            d.post(cc + "-KK2", "燕泉桥", "BRIDGE", true, community);
            d.post(cc + "-KK3", "北湖路路口", "ROAD_JUNCTION", true, community);
            for (int i = 0; i < 5; i++) {
                Node comp = compounds.get(i * 3);
                d.post(cc + "-KK" + (4 + i), comp.name() + "大门", "GATE", false, comp);
            }
            d.duty(cc, community, new Random(seed * 31 + c), c == 0); // own stream: the area shape stays as it was
            if (c == 0) {
                d.assignments.add(new Grant("supervisor", "USER", "supervisor", community.id()));
                d.assignments.add(new Grant("leader1", "USER", "grid-leader", d.id(cc + "-Z1")));
                d.assignments.add(new Grant("leader2", "USER", "grid-leader", d.id(cc + "-Z2")));
                d.assignments.add(new Grant("worker1", "USER", "grid-worker", d.id(cc + "-G01")));
                d.assignments.add(new Grant("worker2", "USER", "grid-worker", d.id(cc + "-G05")));
                d.assignments.add(new Grant("agency-demo", "CLIENT", "agency", community.id()));
                d.assignments.add(new Grant("inspector1", "USER", "inspector", street.id()));
            }
        }
        return d;
    }

    /**
     * 40 people on duty from several units (about 10 % medical, half of them party members), spread over the
     * 16 grid cells, and the shift patterns of the 8 checkpoints: the 3 round-the-clock posts in three
     * 8-hour shifts (2 people, 2 at night; KK1 needs a medical worker), the 5 gates by day.
     */
    private void duty(String cc, Node community, Random rnd, boolean withLogins) {
        for (int i = 0; i < PEOPLE_PER_COMMUNITY; i++) {
            int cell = i % 16 + 1;
            String username = null;
            String unit = UNITS[1 + rnd.nextInt(UNITS.length - 1)];
            if (withLogins && i == 0) {
                username = "worker1"; // G01
                unit = UNITS[0];
            } else if (withLogins && i == 4) {
                username = "worker2"; // G05
                unit = UNITS[0];
            }
            List<String> skills = new ArrayList<>();
            if (i % 10 == 3) {
                skills.add("medical");
            }
            if (rnd.nextInt(5) == 0) {
                skills.add("driver");
            }
            List<Integer> daysOff = new ArrayList<>();
            if (rnd.nextInt(4) == 0) {
                daysOff.add(1 + rnd.nextInt(7));
            }
            List<String> hoursOff = new ArrayList<>();
            if (rnd.nextInt(8) == 0) {
                hoursOff.add("00:00-06:00");
            }
            List<String> preferred = new ArrayList<>();
            if (rnd.nextInt(5) == 0) {
                preferred.add("DAY");
            }
            String name = "" + SURNAMES.charAt(rnd.nextInt(SURNAMES.length())) + GIVEN.charAt(rnd.nextInt(GIVEN.length()))
                    + (rnd.nextBoolean() ? "" : "" + GIVEN.charAt(rnd.nextInt(GIVEN.length())));
            people.add(new Person(id(cc + "-P" + String.format("%02d", i + 1)), community.id(), username, name, unit,
                    List.copyOf(skills), rnd.nextInt(2) == 0, id(cc + "-G" + String.format("%02d", cell)),
                    List.copyOf(daysOff), List.copyOf(hoursOff), List.copyOf(preferred)));
        }
        for (int k = 1; k <= 8; k++) {
            UUID cp = id(cc + "-KK" + k);
            if (k <= 3) {
                patterns.add(new Pattern(id(cc + "-KK" + k + "-PAT"), community.id(), cp, "THREE_SHIFTS", k == 3 ? 1 : 2, 2,
                        k == 1 ? List.of("medical") : List.of()));
            } else {
                patterns.add(new Pattern(id(cc + "-KK" + k + "-PAT"), community.id(), cp, "DAY_ONLY", k == 4 ? 2 : 1, null,
                        List.of()));
            }
        }
    }

    private Node node(String kind, String code, String name, Node parent, String compoundType, UUID unused) {
        UUID id = id(code);
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        UUID community = kind.equals("COMMUNITY") ? id : parent == null ? null : parent.communityId();
        Node n = new Node(id, kind, code, name, parent == null ? null : parent.id(), path, community, compoundType);
        nodes.add(n);
        return n;
    }

    private void post(String code, String name, String kind, boolean watched, Node guards) {
        checkpoints.add(new Post(id(code), code, name, kind, watched, guards.id(), guards.communityId()));
    }
}
