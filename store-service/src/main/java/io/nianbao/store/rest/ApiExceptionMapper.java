package io.nianbao.store.rest;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

class ApiExceptionMapper {
    @ServerExceptionMapper
    RestResponse<ApiError> map(ApiException e) {
        return RestResponse.status(e.status(), e.body());
    }
}
