package io.nianbao.store.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** MongoDB out of reach (down, or not up yet) is the service unavailable for now, not a fault of the request. */
class StoreUnavailableMapper {
    @ServerExceptionMapper({ MongoTimeoutException.class, MongoSocketException.class })
    RestResponse<ErrorBody> map(RuntimeException e) {
        return RestResponse.ResponseBuilder.create(Status.SERVICE_UNAVAILABLE,
                new ErrorBody("store_unavailable", "MongoDB cannot be reached: try again later"))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
