package io.nianbao.ingest.rest;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.nianbao.crawler.CrawlResult;
import io.nianbao.crawler.Source;
import io.nianbao.ingest.service.CrawlService;
import io.nianbao.ingest.service.SourceService;
import io.nianbao.ingest.service.SourceStatus;

/** The admin API of crawl sources (behind the API key like every endpoint). */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {
    private final SourceService sources;
    private final CrawlService crawls;

    public SourceResource(SourceService sources, CrawlService crawls) {
        this.sources = sources;
        this.crawls = crawls;
    }

    @GET
    public List<Source> list() {
        return sources.list();
    }

    @GET
    @Path("{id}")
    public Source get(@PathParam("id") String id) {
        return sources.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Source source) {
        Source created = sources.create(source);
        return Response.created(URI.create("/api/sources/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") String id, Source source) {
        boolean created = sources.replace(id, source);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(source).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        sources.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/status")
    public SourceStatus status(@PathParam("id") String id) {
        sources.get(id);
        return crawls.status(id);
    }

    /** Runs one crawl now and answers when it is over; a blocked source may be retried this way. */
    @POST
    @Path("{id}/crawl")
    public CrawlResult crawl(@PathParam("id") String id) {
        return crawls.crawlNow(id);
    }
}
