package io.nianbao.ingest.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.nianbao.ingest.repository.StoreUnavailableException;
import io.nianbao.ingest.service.RequestRejection;
import io.nianbao.ingest.service.SourceException;

/** Source requests that cannot be carried out become their status with an {@link ErrorResponse}. */
public class SourceExceptionMapper {
    private static final Logger LOG = Logger.getLogger(SourceExceptionMapper.class);

    @ServerExceptionMapper
    public Response refused(SourceException e) {
        return error(e.error(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(StoreUnavailableException e) {
        LOG.warnf(e, "crawl store unavailable: %s", e.getMessage());
        return error(RequestRejection.STORE_UNAVAILABLE, "The crawl store (Kafka) is unavailable: " + e.getMessage()
                + ". Nothing was changed; please retry later.");
    }

    private static Response error(RequestRejection error, String message) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(error.code(), message)).build();
    }
}
