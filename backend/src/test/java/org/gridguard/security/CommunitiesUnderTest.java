package org.gridguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Communities under a street or district are remembered, and forgotten as soon as the area tree is moved. */
@QuarkusTest
class CommunitiesUnderTest {

    @Inject
    CommunitiesUnder communities;

    @Inject
    DataSource ds;

    String path(String id) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("select path from area_node where id = cast(? as uuid)")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aCommunityMovedToAnotherStreetLeavesTheOldStreetAtOnce() throws SQLException {
        UUID street1 = Demo.id("BH-S1");
        String district = Api.as(Tokens.admin()).get("/api/v1/areas/" + street1).then().statusCode(200).extract().path("parentId");
        String street2 = Api.as(Tokens.admin()).body("{\"kind\":\"STREET\",\"code\":\"CU-S2\",\"name\":\"二街\",\"parentId\":\""
                + district + "\"}").post("/api/v1/areas").then().statusCode(201).extract().path("id");
        String moved = Api.as(Tokens.admin()).body("{\"kind\":\"COMMUNITY\",\"code\":\"CU-C\",\"name\":\"搬走的社区\",\"parentId\":\""
                + street1 + "\"}").post("/api/v1/areas").then().statusCode(201).extract().path("id");
        List<String> underStreet1 = List.of(path(street1.toString()) + "%");
        assertThat(communities.of(underStreet1)).contains(Demo.COMMUNITY, UUID.fromString(moved));

        Api.as(Tokens.admin()).body("{\"parentId\":\"" + street2 + "\",\"version\":0}").patch("/api/v1/areas/" + moved)
                .then().statusCode(200);
        assertThat(communities.of(underStreet1)).contains(Demo.COMMUNITY).doesNotContain(UUID.fromString(moved));
        assertThat(communities.of(List.of(path(street2) + "%"))).containsExactly(UUID.fromString(moved));
    }
}
