package io.nianbao.store.rest;

import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

class ApiExceptionMapper {
    /** Always JSON, also from the endpoints that produce CSV or a workbook when they succeed. */
    @ServerExceptionMapper
    RestResponse<ErrorBody> map(ApiException e) {
        return RestResponse.ResponseBuilder.create(e.status(), e.body()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
