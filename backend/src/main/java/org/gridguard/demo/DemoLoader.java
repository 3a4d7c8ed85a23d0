package org.gridguard.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the demo city once per seed (gridguard.demo.load=true, as the run command sets). The claim row and
 * the data are written in one transaction, so two instances starting together load it once.
 */
@ApplicationScoped
public class DemoLoader {

    private static final Logger LOG = Logger.getLogger(DemoLoader.class);

    @Inject
    DataSource ds;

    @Inject
    ObjectMapper json;

    @Inject
    CensusDemo census;

    @Inject
    java.time.Clock clock;

    @Inject
    org.gridguard.security.pii.PiiCipher pii;

    @ConfigProperty(name = "gridguard.demo.load")
    boolean load;

    @ConfigProperty(name = "gridguard.demo.seed")
    long seed;

    @ConfigProperty(name = "gridguard.demo.communities")
    int communities;

    void onStart(@Observes StartupEvent ev) throws SQLException {
        if (load) {
            load(seed, communities);
        }
    }

    /** @return true if this call loaded the data, false if it was already there. */
    public boolean load(long seed, int communities) throws SQLException {
        DemoCommunity d = DemoCommunity.generate(seed, communities);
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            // one transaction loads whole communities (benchmarks load dozens): batch work (ADR 0030)
            org.gridguard.common.Jdbc.allowLongWork(c, java.time.Duration.ofMinutes(30));
            try (PreparedStatement claim = c.prepareStatement(
                    "insert into demo_load (seed, summary) values (?, cast(? as jsonb)) on conflict do nothing")) {
                claim.setLong(1, seed);
                claim.setString(2, json.writeValueAsString(Map.of("communities", communities,
                        "nodes", d.nodes.size(), "checkpoints", d.checkpoints.size())));
                if (claim.executeUpdate() == 0) {
                    c.rollback();
                    LOG.infof("Demo data for seed %d already loaded", seed);
                    return false;
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into area_node (id, kind, code, name, parent_id, path, community_id, compound_type)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (DemoCommunity.Node n : d.nodes) {
                    ps.setObject(1, n.id());
                    ps.setString(2, n.kind());
                    ps.setString(3, n.code());
                    ps.setString(4, n.name());
                    ps.setObject(5, n.parentId());
                    ps.setString(6, n.path());
                    ps.setObject(7, n.communityId());
                    ps.setString(8, n.compoundType());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into checkpoint (id, code, name, kind, watched_24h, guards_node_id, community_id)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                for (DemoCommunity.Post p : d.checkpoints) {
                    ps.setObject(1, p.id());
                    ps.setString(2, p.code());
                    ps.setString(3, p.name());
                    ps.setString(4, p.kind());
                    ps.setBoolean(5, p.watched24h());
                    ps.setObject(6, p.guardsNodeId());
                    ps.setObject(7, p.communityId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into assignment (id, principal, principal_type, role, node_id, created_by)
                    values (?, ?, ?, ?, ?, 'demo') on conflict do nothing""")) {
                for (DemoCommunity.Grant g : d.assignments) {
                    ps.setObject(1, d.id("assignment:" + g.principal() + ":" + g.role() + ":" + g.nodeId()));
                    ps.setString(2, g.principal());
                    ps.setString(3, g.principalType());
                    ps.setString(4, g.role());
                    ps.setObject(5, g.nodeId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into duty_person (id, community_id, username, name, unit, skills, party_member, home_area_id,
                                             days_off, hours_off, preferred_kinds)
                    values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb))
                    on conflict do nothing""")) {
                for (DemoCommunity.Person p : d.people) {
                    ps.setObject(1, p.id());
                    ps.setObject(2, p.communityId());
                    ps.setString(3, p.username());
                    ps.setString(4, p.name());
                    ps.setString(5, p.unit());
                    ps.setString(6, json.writeValueAsString(p.skills()));
                    ps.setBoolean(7, p.partyMember());
                    ps.setObject(8, p.homeAreaId());
                    ps.setString(9, json.writeValueAsString(p.daysOff()));
                    ps.setString(10, json.writeValueAsString(p.hoursOff()));
                    ps.setString(11, json.writeValueAsString(p.preferredKinds()));
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into duty_pattern (id, community_id, checkpoint_id, kind, people_needed, night_needed, required_skills)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict do nothing""")) {
                for (DemoCommunity.Pattern p : d.patterns) {
                    ps.setObject(1, p.id());
                    ps.setObject(2, p.communityId());
                    ps.setObject(3, p.checkpointId());
                    ps.setString(4, p.kind());
                    ps.setInt(5, p.peopleNeeded());
                    ps.setObject(6, p.nightNeeded());
                    ps.setString(7, json.writeValueAsString(p.requiredSkills()));
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            CensusDemo.Summary people;
            try {
                people = census.load(c, d, seed);
            } catch (java.io.IOException e) {
                throw new SQLException("demo census could not be written", e);
            }
            int readings = TemperatureDemo.load(c, d, seed, java.time.LocalDate.now(clock), clock.getZone());
            DemoRound.load(c, d);
            SiteDemo.load(c, d);
            int orders = QuarantineDemo.load(c, d, java.time.LocalDate.now(clock));
            SupplyDemo.load(c, d, clock.instant());
            int carePlans = CareDemo.load(c, d, java.time.LocalDate.now(clock), clock.getZone());
            EnterpriseDemo.load(c, d, pii, java.time.LocalDate.now(clock), clock.instant());
            InspectionDemo.load(c, d, pii, java.time.LocalDate.now(clock), clock.getZone());
            c.commit();
            LOG.infof("Care demo: %d plans", carePlans);
            LOG.infof("Quarantine demo: %d orders", orders);
            LOG.infof("Temperature demo: %d readings", readings);
            LOG.infof("Loaded demo data (seed %d): %d area nodes, %d checkpoints, %d assignments, %d households, %d residents,"
                    + " %d people on duty in %d ms", seed, d.nodes.size(), d.checkpoints.size(), d.assignments.size(),
                    people.households(), people.residents(), d.people.size(), (System.nanoTime() - t0) / 1_000_000);
        }
        return true;
    }

    /** The deterministic id of a demo code (for tests and tools). */
    public static UUID idOf(long seed, String code) {
        return DemoCommunity.generate(seed, 1).id(code);
    }
}
