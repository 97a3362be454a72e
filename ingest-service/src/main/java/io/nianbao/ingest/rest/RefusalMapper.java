package io.nianbao.ingest.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.nianbao.ingest.service.UploadRefusedException;

/** Every refusal, from the resource or the API-key filter, becomes its status with an {@link ErrorResponse}. */
public class RefusalMapper {
    private static final Logger LOG = Logger.getLogger(RefusalMapper.class);

    private final UploadMetrics metrics;

    public RefusalMapper(UploadMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    public Response refused(UploadRefusedException e) {
        int status = e.error().status();
        metrics.refused(status);
        if (status >= 500) {
            LOG.warnf(e.getCause(), "upload not accepted: %s", e.getMessage());
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(e.error().code(), e.getMessage()))
                .build();
    }
}
