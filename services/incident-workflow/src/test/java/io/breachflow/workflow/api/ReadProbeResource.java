package io.breachflow.workflow.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test only: a read endpoint under {@code /api/incidents} without any security annotation, standing for the read
 * resources of other packages (history, filings). The path-based read rule must cover it by itself.
 */
@Path("/api/incidents/{id}/probe")
public class ReadProbeResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String probe(@PathParam("id") String id) {
        return id;
    }
}
