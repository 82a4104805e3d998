package dvc766.complaint.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How the unit can reach the citizen; every field optional. Personal data: never on a public path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactDto(String name, String phone, String email, String address) {}
